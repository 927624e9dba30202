import Foundation

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
        var text = grouped(whole)
        if decimals > 0 {
            let digits = String(fraction)
            text += "." + String(repeating: "0", count: decimals - digits.count) + digits
        }
        return (value < 0 && units != 0 ? "−" : "") + text
    }

    /// An integer with thousands separators.
    public static func grouped(_ value: Int64) -> String {
        let digits = Array(String(value))
        var result = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0 && (digits.count - offset) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return result
    }

    /// An integer with thousands separators.
    public static func grouped(_ value: Int) -> String { grouped(Int64(value)) }
}
