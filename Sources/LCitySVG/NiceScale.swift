import Foundation

/// An axis from zero to a round number, with ticks in 1-2-5 steps.
public struct NiceScale: Sendable, Equatable {
    public var maximum: Double
    public var step: Double

    /// A scale from 0 that covers `maximum` with about `targetTicks` intervals. `limit` caps the axis
    /// (percentages stop at 100).
    public init(covering maximum: Double, targetTicks: Int = 5, limit: Double? = nil) {
        let top = max(maximum, 0)
        guard top > 0 else {
            self.maximum = 1
            step = 0.2
            return
        }
        let raw = top / Double(max(1, targetTicks))
        let magnitude = pow(10, floor(log10(raw)))
        let fraction = raw / magnitude
        let nice: Double = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10
        step = nice * magnitude
        var covered = ceil(top / step - 1e-9) * step
        if let limit, covered > limit, top <= limit { covered = limit }
        self.maximum = covered
    }

    /// The scale with the most ticks, up to `targetTicks`, whose labels fit side by side along an axis of `length`:
    /// adjacent labels (`labelWidth` of each tick's label) stay at least 6 units apart.
    public static func fitting(
        covering maximum: Double, targetTicks: Int, limit: Double? = nil, length: Double, labelWidth: (Double) -> Double
    ) -> NiceScale {
        var scale = NiceScale(covering: maximum, targetTicks: targetTicks, limit: limit)
        for target in stride(from: targetTicks, through: 1, by: -1) {
            scale = NiceScale(covering: maximum, targetTicks: target, limit: limit)
            let ticks = scale.ticks
            let fits = zip(ticks, ticks.dropFirst()).allSatisfy { left, right in
                scale.position(right, length: length) - scale.position(left, length: length)
                    >= (labelWidth(left) + labelWidth(right)) / 2 + 6
            }
            if fits { break }
        }
        return scale
    }

    /// Tick values from 0 to the maximum.
    public var ticks: [Double] {
        var values: [Double] = []
        var value = 0.0
        while value <= maximum + step * 1e-6 {
            values.append((value / step).rounded() * step)
            value += step
        }
        if let last = values.last, last < maximum - step * 1e-6 { values.append(maximum) }
        return values
    }

    /// Position of `value` on an axis of `length`.
    public func position(_ value: Double, length: Double) -> Double {
        max(0, min(length, value / maximum * length))
    }
}

/// An axis from one round number to another around the data, with ticks in 1-2-5 steps: for charts that compare
/// positions (change between two years) rather than lengths from zero, where an axis from zero would flatten the
/// changes into a dot.
public struct NiceRange: Sendable, Equatable {
    public var minimum: Double
    public var maximum: Double
    public var step: Double

    /// A range that covers `lower…upper` with about `targetTicks` intervals, kept within `floor…limit`.
    public init(covering lower: Double, _ upper: Double, targetTicks: Int = 4, floor: Double? = 0, limit: Double? = nil) {
        var (low, high) = (min(lower, upper), max(lower, upper))
        if high - low < 1e-9 {
            let pad = max(abs(high) * 0.05, 1)
            (low, high) = (low - pad, high + pad)
        }
        let raw = (high - low) / Double(max(1, targetTicks))
        let magnitude = pow(10, Foundation.floor(log10(raw)))
        let fraction = raw / magnitude
        let nice: Double = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10
        step = nice * magnitude
        minimum = Foundation.floor(low / step + 1e-9) * step
        maximum = ceil(high / step - 1e-9) * step
        if let floor, minimum < floor, lower >= floor { minimum = floor }
        if let limit, maximum > limit, upper <= limit { maximum = limit }
    }

    /// The range with the most ticks, up to `targetTicks`, whose labels fit side by side along `length`.
    public static func fitting(
        covering lower: Double, _ upper: Double, targetTicks: Int, limit: Double? = nil, length: Double,
        labelWidth: (Double) -> Double
    ) -> NiceRange {
        var range = NiceRange(covering: lower, upper, targetTicks: targetTicks, limit: limit)
        for target in stride(from: targetTicks, through: 1, by: -1) {
            range = NiceRange(covering: lower, upper, targetTicks: target, limit: limit)
            let ticks = range.ticks
            let fits = zip(ticks, ticks.dropFirst()).allSatisfy { left, right in
                range.position(right, length: length) - range.position(left, length: length)
                    >= (labelWidth(left) + labelWidth(right)) / 2 + 6
            }
            if fits { break }
        }
        return range
    }

    /// Tick values from the minimum to the maximum.
    public var ticks: [Double] {
        var values: [Double] = []
        var value = minimum
        while value <= maximum + step * 1e-6 {
            values.append((value / step).rounded() * step)
            value += step
        }
        return values
    }

    /// Position of `value` on an axis of `length`.
    public func position(_ value: Double, length: Double) -> Double {
        max(0, min(length, (value - minimum) / (maximum - minimum) * length))
    }
}
