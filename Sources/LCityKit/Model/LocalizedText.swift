/// A text given per language (`{zh: …, en: …}`), or one text for every language.
public struct LocalizedText: Sendable, Hashable {
    /// Language code → text. Only languages that were written are present.
    public var translations: [String: String]
    /// Where the text was written.
    public var location: SourceLocation

    /// Creates a text from its translations.
    public init(_ translations: [String: String], at location: SourceLocation = SourceLocation(file: "")) {
        self.translations = translations
        self.location = location
    }

    /// The text in `language`, or in the first of `fallbacks` that has one, or "".
    public func text(in language: String, fallbacks: [String] = []) -> String {
        if let text = translations[language] { return text }
        for fallback in fallbacks {
            if let text = translations[fallback] { return text }
        }
        return translations.sorted { $0.key < $1.key }.first?.value ?? ""
    }

    /// The language the text is actually in when asked for `language` (differs when it falls back).
    public func language(for language: String, fallbacks: [String] = []) -> String {
        if translations[language] != nil { return language }
        return fallbacks.first { translations[$0] != nil } ?? language
    }

    /// Whether there is no text at all.
    public var isEmpty: Bool { translations.values.allSatisfy(\.isEmpty) }
}
