import Foundation
import LCityContent

/// Fixed, locale-independent number formatting: same input ⇒ same text on every machine.
public enum NumberFormatting {
    /// `value` rounded half away from zero to `decimals` places, with `,` thousands separators and `.` decimals
    /// (the convention in both Chinese and English texts).
    public static func format(_ value: Double, decimals: Int) -> String {
        let scale = pow(10, Double(decimals))
        let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
        guard scaled < 9e15 else { return String(value) }
        let units = Int64(scaled)
        let divisor = Int64(scale)
        let whole = units / divisor
        let fraction = units % divisor
        var text = value < 0 && units != 0 ? "−" : ""
        text += grouped(whole)
        if decimals > 0 {
            let digits = String(fraction)
            text += "."
            for _ in digits.utf8.count..<decimals { text += "0" }
            text += digits
        }
        return text
    }

    /// An integer with thousands separators.
    public static func grouped(_ value: Int64) -> String {
        let digits = String(value)
        guard value >= 1000 || value <= -1000 else { return digits }
        var result = ""
        result.reserveCapacity(digits.utf8.count + digits.utf8.count / 3)
        let count = digits.utf8.count
        for (offset, digit) in digits.unicodeScalars.enumerated() {
            if offset > 0 && (count - offset) % 3 == 0 { result.unicodeScalars.append(",") }
            result.unicodeScalars.append(digit)
        }
        return result
    }

    /// An integer with thousands separators.
    public static func grouped(_ value: Int) -> String { grouped(Int64(value)) }
}
