import Foundation
import LCityContent
import LCityUTF8

/// UI strings and formatting for one page language.
public struct Localizer: Sendable {
    public let language: String
    public let strings: Strings
    /// Languages to fall back to for content texts missing in `language`.
    public let fallbacks: [String]

    /// The UI string for `key`.
    public subscript(key: UIString) -> String { strings[key.rawValue] }

    /// The UI string for `key` with `{name}` placeholders filled in (unknown placeholders are kept as written).
    /// The arguments are a handful of pairs, looked up in order: no dictionary is made for each of the hundreds of
    /// thousands of sentences of a large site.
    public func format(_ key: UIString, _ arguments: KeyValuePairs<String, String>) -> String {
        guard let pieces = formats[key.rawValue] else { return strings[key.rawValue] }
        var result = ""
        result.reserveCapacity(96)
        for piece in pieces {
            switch piece {
            case .text(let text): result += text
            case .placeholder(let name): result += arguments.first { $0.key == name }?.value ?? "{\(name)}"
            }
        }
        return result
    }

    /// A UI string cut into text and `{name}` placeholders, once per localizer rather than at every use.
    enum FormatPiece: Sendable {
        case text(String)
        case placeholder(String)
    }

    /// The pieces of every UI string that has a placeholder.
    private let formats: [String: [FormatPiece]]

    init(language: String, strings: Strings, fallbacks: [String]) {
        self.language = language
        self.strings = strings
        self.fallbacks = fallbacks
        var formats: [String: [FormatPiece]] = [:]
        for (key, template) in strings.values where template.contains("{") {
            formats[key] = Self.pieces(of: template)
        }
        self.formats = formats
    }

    private static func pieces(of template: String) -> [FormatPiece] {
        var pieces: [FormatPiece] = []
        var rest = template[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            if open > rest.startIndex { pieces.append(.text(String(rest[..<open]))) }
            pieces.append(.placeholder(String(rest[rest.index(after: open)..<close])))
            rest = rest[rest.index(after: close)...]
        }
        if !rest.isEmpty { pieces.append(.text(String(rest))) }
        return pieces
    }

    /// A content text in this language, or in its fallback marked with the language it is in (`LanguageSpans`:
    /// the finished page gives it a `lang` attribute).
    public func text(_ text: LocalizedText?) -> String {
        guard let shown = text?.shown(in: language, fallbacks: fallbacks) else { return "" }
        return shown.language == language ? shown.text : LanguageSpans.mark(shown.text, language: shown.language)
    }

    /// The language a content text is shown in, when it differs from the page's (for a `lang` attribute); else nil.
    public func fallbackLanguage(of text: LocalizedText?) -> String? {
        guard let text else { return nil }
        let shown = text.language(for: language, fallbacks: fallbacks)
        return shown == language ? nil : shown
    }

    /// Label of a source type ("official data", "survey", "expert rating").
    public func sourceType(_ source: SourceType) -> String { strings["source_\(source.rawValue)"] }

    /// Label of a flag ("estimated" …).
    public func flag(_ flag: ObservationFlag) -> String { strings["flag_\(flag.rawValue)"] }

    /// "label: value", with this language's colon ("：" in Chinese).
    public func labelled(_ label: String, _ value: String) -> String { label + self[.labelColon] + value }

    /// A YYYY-MM-DD date as this language writes it in full ("2025年12月31日", "December 31, 2025"); the text as
    /// given if it is not such a date.
    public func date(_ iso: String) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = iso.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, let date = calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2])) else {
            return iso
        }
        var style = Date.FormatStyle(date: .long, time: .omitted, locale: Locale(identifier: language), calendar: calendar)
        style.timeZone = calendar.timeZone
        return date.formatted(style)
    }

    /// An integer with thousands separators.
    public func integer(_ value: Int) -> String { NumberFormatting.grouped(value) }

    /// The keys the Swift code asks for; validation checks every language has them.
    public static let keysUsedInCode: [String] =
        UIString.allCases.map(\.rawValue)
        + SourceType.allCases.map { "source_\($0.rawValue)" }
        + ObservationFlag.allCases.map { "flag_\($0.rawValue)" }
        + ObservationFlag.allCases.map { "flag_\($0.rawValue)_explained" }
}

extension Strings {
    /// A localizer for this language.
    func localizer(fallbacks: [String]) -> Localizer {
        Localizer(language: language, strings: self, fallbacks: fallbacks)
    }
}
