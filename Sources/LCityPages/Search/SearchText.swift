import Foundation

/// How search reads text: the one definition of a search term. The index is made from these rules in Swift; the
/// script (`templates/assets/search.js`) reads a query by the same rules, so that "São", "sao" and "SAO" are one
/// word, and 桥岚 is found inside 桥岚市. `SearchTextTests` pins each rule, and `scripts/check_search.py` checks that
/// the script finds every name of the built site.
///
/// - Folding: lower case, then compatibility decomposition (full-width forms become ASCII), then every combining
///   mark removed (accents, Arabic short vowels and hamza marks), then Arabic letter variants unified (ى → ي,
///   ة → ه) and the tatweel removed.
/// - Words: runs of letters and digits; a full stop between two of them stays in the word, so ids (`1.1.1a`, `2.4`)
///   are words.
/// - Ideographs (Han, kana, hangul) are not split into words: every position of a run starts a term of up to
///   `ngram` characters, so any part of a name is a prefix of some term.
public enum SearchText {
    /// The longest term made from a run of ideographs. A longer query is read as its overlapping windows of this
    /// length, each of which must match.
    public static let ngram = 2

    /// `text` folded for comparison.
    public static func fold(_ text: String) -> String {
        var output = String.UnicodeScalarView()
        for scalar in text.lowercased().decomposedStringWithCompatibilityMapping.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark: continue
            default: break
            }
            switch scalar.value {
            case 0x0640: continue  // tatweel
            case 0x0649: output.append("\u{064A}")  // alef maqsura → yeh
            case 0x0629: output.append("\u{0647}")  // teh marbuta → heh
            default: output.append(scalar)
            }
        }
        return String(output)
    }

    /// Whether `scalar` is written without spaces between words: Han, kana and hangul.
    public static func isIdeographic(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x11FF, 0x2E80...0x2FDF, 0x3005...0x3007, 0x3021...0x3029, 0x3040...0x30FF, 0x3130...0x318F,
            0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7AF, 0xF900...0xFAFF, 0x20000...0x3134F:
            return true
        default:
            return false
        }
    }

    /// A word or a run of ideographs of folded text.
    public struct Token: Hashable, Sendable {
        public var text: String
        public var isIdeographic: Bool
    }

    /// The words and ideograph runs of `folded` (already folded) text, in order.
    public static func tokens(_ folded: String) -> [Token] {
        let scalars = Array(folded.unicodeScalars)
        var tokens: [Token] = []
        var current = String.UnicodeScalarView()
        var currentIsIdeographic = false
        func flush() {
            if !current.isEmpty { tokens.append(Token(text: String(current), isIdeographic: currentIsIdeographic)) }
            current = String.UnicodeScalarView()
        }
        for (index, scalar) in scalars.enumerated() {
            if isIdeographic(scalar) {
                if !currentIsIdeographic { flush() }
                currentIsIdeographic = true
                current.append(scalar)
            } else if isWordScalar(scalar)
                || (scalar == "." && !current.isEmpty && !currentIsIdeographic && index + 1 < scalars.count
                    && isWordScalar(scalars[index + 1]) && !isIdeographic(scalars[index + 1]))
            {
                if currentIsIdeographic { flush() }
                currentIsIdeographic = false
                current.append(scalar)
            } else {
                flush()
                currentIsIdeographic = false
            }
        }
        flush()
        return tokens
    }

    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    /// The terms under which `text` is found: each word; each position of each ideograph run (up to `ngram`
    /// characters); for Arabic words with the article, the word without it.
    public static func terms(of text: String) -> [String] {
        var terms: [String] = []
        for token in tokens(fold(text)) {
            if token.isIdeographic {
                let characters = Array(token.text.unicodeScalars)
                for start in characters.indices {
                    let end = min(characters.count, start + ngram)
                    terms.append(String(String.UnicodeScalarView(characters[start..<end])))
                }
            } else {
                terms.append(token.text)
                if token.text.hasPrefix("\u{0627}\u{0644}"), token.text.unicodeScalars.count > 3 {
                    terms.append(String(token.text.unicodeScalars.dropFirst(2)))
                }
            }
        }
        return terms
    }

    /// A name written as one term, without spaces or punctuation ("qiaolanshi", "santalucerna", "桥岚市"): a
    /// query typed without spaces, or the whole name typed exactly, is matched against it. Nil when the name has no
    /// letters, or when it is longer than `compactLimit` characters (a phrase, not a name).
    public static func compact(_ text: String) -> String? {
        let joined = tokens(fold(text)).map(\.text).joined()
        return joined.isEmpty || joined.unicodeScalars.count > compactLimit ? nil : joined
    }

    /// The longest name written as one term.
    public static let compactLimit = 24

    /// The pinyin of the Han characters of `text`, tone marks kept ("qiáo lán shì"), or nil if it has none.
    /// Foundation's transform takes one reading of a polyphonic character (长沙 comes out as "zhǎng shā"): a city
    /// file's `pinyin:` is used instead where it matters.
    public static func pinyin(_ text: String) -> String? {
        guard text.unicodeScalars.contains(where: isIdeographic) else { return nil }
        return text.applyingTransform(.toLatin, reverse: false)
    }

    /// The pinyin of each of `texts` that has Han characters, as `pinyin(_:)` gives it, keyed by text. The texts
    /// go through the transform together, one per line: making the transform costs as much as using it on a name.
    public static func pinyin(of texts: some Sequence<String>) -> [String: String] {
        let chinese = Set(texts.filter { $0.unicodeScalars.contains(where: isIdeographic) }).sorted()
        let single = chinese.filter { !$0.contains("\n") }
        let lines = single.joined(separator: "\n").applyingTransform(.toLatin, reverse: false)?
            .components(separatedBy: "\n")
        var readings: [String: String] = [:]
        if let lines, lines.count == single.count {
            for (text, line) in zip(single, lines) { readings[text] = line }
        }
        for text in chinese where readings[text] == nil { readings[text] = pinyin(text) }
        return readings
    }
}
