/// A text given per language (`{zh: …, en: …}`), or one text for every language.
public struct LocalizedText: Sendable, Hashable {
    /// One language's text.
    struct Translation: Sendable, Hashable {
        let language: String
        let text: String
    }

    /// The translations in order of language code. A site has a few languages, so finding one by comparing codes
    /// is quicker than hashing into a dictionary, and texts are looked up hundreds of thousands of times a build.
    let entries: [Translation]
    /// Where the text was written.
    public var location: SourceLocation

    /// Creates a text from its translations.
    public init(_ translations: [String: String], at location: SourceLocation = SourceLocation(file: "")) {
        self.init(entries: Self.entries(translations), at: location)
    }

    init(entries: [Translation], at location: SourceLocation) {
        self.entries = entries
        self.location = location
    }

    /// `translations` in the order `entries` keeps.
    static func entries(_ translations: [String: String]) -> [Translation] {
        translations.sorted { $0.key < $1.key }.map { Translation(language: $0.key, text: $0.value) }
    }

    /// Language code → text. Only languages that were written are present.
    public var translations: [String: String] {
        Dictionary(uniqueKeysWithValues: entries.map { ($0.language, $0.text) })
    }

    /// The text in `language`, or in the first of `fallbacks` that has one, or else the first by language code, or "".
    public func text(in language: String, fallbacks: [String] = []) -> String {
        shown(in: language, fallbacks: fallbacks).text
    }

    /// The language the text is actually in when asked for `language` (differs when it falls back).
    public func language(for language: String, fallbacks: [String] = []) -> String {
        shown(in: language, fallbacks: fallbacks).language
    }

    /// The text asked for in `language` (as `text(in:fallbacks:)`) and the language it is in (as
    /// `language(for:fallbacks:)`), found in one pass.
    public func shown(in language: String, fallbacks: [String] = []) -> (text: String, language: String) {
        if let text = text(exactly: language) { return (text, language) }
        for fallback in fallbacks {
            if let text = text(exactly: fallback) { return (text, fallback) }
        }
        return (entries.first?.text ?? "", language)
    }

    private func text(exactly language: String) -> String? {
        for entry in entries where entry.language == language { return entry.text }
        return nil
    }

    /// Whether both have the same texts in the same languages, wherever they were written.
    public func hasSameTexts(as other: LocalizedText) -> Bool { entries == other.entries }

    /// The texts in order of language code.
    public var texts: [String] { entries.map(\.text) }

    /// Whether there is no text at all.
    public var isEmpty: Bool { entries.allSatisfy(\.text.isEmpty) }
}
