import LCityUTF8

/// Estimates the width of text without a font engine: wide (CJK) glyphs are one em, Latin letters about half.
public enum TextMetrics {
    /// The approximate width of `text` at `fontSize` in a sans-serif font.
    public static func width(_ text: String, fontSize: Double) -> Double {
        LanguageSpans.strip(text).unicodeScalars.reduce(0) { $0 + advance($1) } * fontSize
    }

    /// Width of one character in ems.
    static func advance(_ scalar: Unicode.Scalar) -> Double {
        if isWide(scalar) { return 1.0 }
        switch scalar {
        case " ": return 0.28
        case "i", "l", "j", "I", "'", ".", ",", ":", ";", "|", "!": return 0.27
        case "f", "t", "r", "(", ")", "[", "]", "-": return 0.36
        case "m", "w", "M", "W", "%", "@": return 0.86
        case "0"..."9": return 0.56
        case "A"..."Z": return 0.66
        default: return scalar.isASCII ? 0.53 : 0.6
        }
    }

    /// East Asian wide and fullwidth characters (CJK ideographs, kana, Hangul, fullwidth forms, CJK punctuation).
    static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
            0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            return true
        default:
            return false
        }
    }

    /// `text` cut to fit `maxWidth`, ending in "…" when cut.
    public static func truncate(_ text: String, fontSize: Double, maxWidth: Double) -> String {
        let text = LanguageSpans.strip(text)
        guard width(text, fontSize: fontSize) > maxWidth else { return text }
        let ellipsis = advance("…") * fontSize
        var result = ""
        var used = 0.0
        for character in text {
            let step = character.unicodeScalars.reduce(0) { $0 + advance($1) } * fontSize
            if used + step + ellipsis > maxWidth { break }
            result.append(character)
            used += step
        }
        return result + "…"
    }
}

extension TextMetrics {
    /// `text` broken into lines no wider than `maxWidth`: at spaces for Latin text, between any two wide
    /// characters for CJK. At most `maxLines` lines; the last is truncated with "…" if needed.
    public static func wrap(_ text: String, fontSize: Double, maxWidth: Double, maxLines: Int = 4) -> [String] {
        let text = LanguageSpans.strip(text)
        // Break opportunities: after a space, and before or after a wide character.
        var tokens: [String] = []
        var current = ""
        for character in text {
            let wide = character.unicodeScalars.first.map(isWide) ?? false
            if wide {
                if !current.isEmpty { tokens.append(current) }
                tokens.append(String(character))
                current = ""
            } else if character == " " {
                tokens.append(current + " ")
                current = ""
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { tokens.append(current) }
        var lines: [String] = []
        var line = ""
        for token in tokens {
            let candidate = line + token
            if width(candidate.trimmingTrailingSpaces, fontSize: fontSize) <= maxWidth || line.isEmpty {
                line = candidate
            } else {
                lines.append(line.trimmingTrailingSpaces)
                line = token
            }
        }
        if !line.isEmpty { lines.append(line.trimmingTrailingSpaces) }
        if lines.count > maxLines {
            let rest = lines[(maxLines - 1)...].joined(separator: " ")
            lines = Array(lines[..<(maxLines - 1)]) + [truncate(rest, fontSize: fontSize, maxWidth: maxWidth)]
        }
        return lines.map { width($0, fontSize: fontSize) > maxWidth ? truncate($0, fontSize: fontSize, maxWidth: maxWidth) : $0 }
    }
}

extension String {
    var trimmingTrailingSpaces: String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
