import Foundation

/// Writes the pieces of a city file in the style the shipped files and `new city` use: block-style observations,
/// flow-style texts (`{zh: …, en: …}`), plain scalars where YAML reads them back as the same text, quotes elsewhere.
///
/// Whatever it writes, `City.load` reads back as the same data (the spreadsheet round-trip tests check it).
public enum CityYAML {
    /// A text as a YAML scalar in flow context: plain when that reads back as the same text, else double-quoted.
    public static func scalar(_ text: String) -> String {
        needsQuotes(text) ? doubleQuoted(text) : text
    }

    /// A number as YAML writes it: no exponent, no trailing `.0` (`61.5`, `21500`, `0.00012`).
    public static func number(_ value: Double) -> String {
        if value.rounded() == value, abs(value) < 1e15 { return String(Int(value)) }
        let shortest = "\(value)"
        guard shortest.contains("e") else { return shortest }
        var fixed = String(format: "%.17f", value)
        while fixed.hasSuffix("0") { fixed.removeLast() }
        if fixed.hasSuffix(".") { fixed.removeLast() }
        return fixed
    }

    /// A localized text as a flow mapping in the site's language order (`{zh: 市统计局, en: City Statistics Office}`).
    public static func text(_ text: LocalizedText, languages: [String]) -> String {
        let translations = text.translations
        let order = languages.filter { translations[$0] != nil } + translations.keys.sorted().filter { !languages.contains($0) }
        return "{" + order.map { "\($0): \(scalar(translations[$0]!))" }.joined(separator: ", ") + "}"
    }

    /// The lines of one observation as a block-sequence item whose dash is at column `indent` (0-based), values of a
    /// breakdown in `categoryOrder` (categories not in it follow in their own order).
    public static func observation(
        _ observation: Observation, indent: Int, categoryOrder: [String], languages: [String]
    ) -> [String] {
        let dash = String(repeating: " ", count: indent)
        let field = dash + "  "
        var lines = ["\(dash)- year: \(observation.year.value)"]
        switch observation.value {
        case .notAvailable:
            lines.append("\(field)value: ~")
        case .single(let value):
            lines.append("\(field)value: \(number(value.value))")
        case .breakdown(let values):
            let ordered = values.sorted {
                (categoryOrder.firstIndex(of: $0.category.value) ?? Int.max)
                    < (categoryOrder.firstIndex(of: $1.category.value) ?? Int.max)
            }
            let entries = ordered.map { "\(scalar($0.category.value)): \(number($0.value.value))" }
            lines.append("\(field)values: {\(entries.joined(separator: ", "))}")
        }
        if let source = observation.source { lines.append("\(field)source: \(text(source, languages: languages))") }
        if let flag = observation.flag { lines.append("\(field)flag: \(flag.value.rawValue)") }
        if let note = observation.note { lines.append("\(field)note: \(text(note, languages: languages))") }
        return lines
    }

    // MARK: Quoting

    private static let flowIndicators: Set<Character> = [",", "[", "]", "{", "}"]
    private static let indicatorStarts: Set<Character> = [
        "-", "?", ":", ",", "[", "]", "{", "}", "#", "&", "*", "!", "|", ">", "'", "\"", "%", "@", "`",
    ]

    static func needsQuotes(_ text: String) -> Bool {
        guard let first = text.first, let last = text.last else { return true }
        if first.isWhitespace || last.isWhitespace || indicatorStarts.contains(first) || last == ":" { return true }
        if text.contains(where: { flowIndicators.contains($0) }) { return true }
        if text.contains(": ") || text.contains(" #") { return true }
        if text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F || $0 == "\u{FEFF}" }) {
            return true
        }
        return PlainScalar.classify(text) != .str
    }

    static func doubleQuoted(_ text: String) -> String {
        var quoted = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": quoted += "\\\\"
            case "\"": quoted += "\\\""
            case "\n": quoted += "\\n"
            case "\t": quoted += "\\t"
            case "\r": quoted += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || scalar == "\u{FEFF}" {
                    quoted += String(format: "\\u%04X", scalar.value)
                } else {
                    quoted.unicodeScalars.append(scalar)
                }
            }
        }
        return quoted + "\""
    }
}
