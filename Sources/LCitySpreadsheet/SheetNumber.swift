import Foundation

/// Reads numbers as people type them into spreadsheets: `61.5%`, a decimal comma (`61,5`), thousands separators
/// (`21,500`, `21 500`, `21.500.000`, `21'500`), full-width digits and signs (`６１．５`, `－3`), the minus sign `−`.
public enum SheetNumber {
    /// The number `text` stands for, and whether reading it took more than `Double(text)` would (so that the
    /// import can say what it read); nil when it is not a number.
    public static func parse(_ text: String) -> (value: Double, reinterpreted: Bool)? {
        let original = text.trimmingCharacters(in: .whitespacesAndNewlines)
        var normalized = ""
        for scalar in original.unicodeScalars {
            switch scalar.value {
            case 0xFF10...0xFF19: normalized.unicodeScalars.append(Unicode.Scalar(scalar.value - 0xFF10 + 48)!)
            case 0xFF0E, 0x3002: normalized += "."  // full-width full stop; the ideographic one typed for a point
            case 0xFF0C, 0x3001: normalized += ","  // full-width and ideographic comma
            case 0xFF0D, 0x2212, 0x2012, 0x2013, 0xFE63: normalized += "-"
            case 0xFF0B: normalized += "+"
            case 0xFF05, 0x066A: normalized += "%"
            case 0x20, 0xA0, 0x202F, 0x2009, 0x3000, 0x2007: normalized += " "
            case 0x27, 0x2019: normalized += "'"
            default: normalized.unicodeScalars.append(scalar)
            }
        }
        if normalized.hasSuffix("%") { normalized.removeLast() }
        normalized = normalized.trimmingCharacters(in: .whitespaces)
        if normalized.hasPrefix("+") { normalized.removeFirst() }
        // Spaces and apostrophes only ever group digits.
        normalized.removeAll { $0 == " " || $0 == "'" }
        guard !normalized.isEmpty,
            normalized.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "," || $0 == "-") }),
            normalized.dropFirst().allSatisfy({ $0 != "-" })
        else { return nil }
        let commas = normalized.count { $0 == "," }
        let points = normalized.count { $0 == "." }
        var plain = normalized
        if commas > 0 && points > 0 {
            // Both: the one written last is the decimal separator.
            let decimal: Character = normalized.lastIndex(of: ",")! > normalized.lastIndex(of: ".")! ? "," : "."
            let grouping: Character = decimal == "," ? "." : ","
            guard normalized.filter({ $0 == decimal }).count == 1, groupsOfThree(normalized, separator: grouping, decimal: decimal)
            else { return nil }
            plain = String(normalized.filter { $0 != grouping }.map { $0 == "," ? "." : $0 })
        } else if commas > 0 {
            // `21,500` and `1,234,567` group thousands; `61,5` and `0,125` have a decimal comma.
            if groupsOfThree(normalized, separator: ",", decimal: nil) && !normalized.hasPrefix("0,") && !normalized.hasPrefix("-0,") {
                plain = normalized.replacingOccurrences(of: ",", with: "")
            } else if commas == 1 {
                plain = normalized.replacingOccurrences(of: ",", with: ".")
            } else {
                return nil
            }
        } else if points > 1 {
            // `21.500.000`: points grouping thousands.
            guard groupsOfThree(normalized, separator: ".", decimal: nil) else { return nil }
            plain = normalized.replacingOccurrences(of: ".", with: "")
        }
        guard let value = Double(plain), value.isFinite else { return nil }
        return (value, plain != original)
    }

    /// Whether `text` is digits grouped by `separator` in threes (`1,234,567`), with an optional decimal part after
    /// `decimal`.
    private static func groupsOfThree(_ text: String, separator: Character, decimal: Character?) -> Bool {
        var integer = Substring(text)
        if integer.hasPrefix("-") { integer = integer.dropFirst() }
        if let decimal, let index = integer.firstIndex(of: decimal) { integer = integer[..<index] }
        let groups = integer.split(separator: separator, omittingEmptySubsequences: false)
        guard groups.count > 1, let first = groups.first, (1...3).contains(first.count) else { return false }
        return groups.dropFirst().allSatisfy { $0.count == 3 }
    }
}
