import Foundation

/// An axis from zero to a round number, with ticks in 1-2-5 steps.
public struct NiceScale: Sendable, Equatable, Axis {
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
        step = niceStep(top / Double(max(1, targetTicks)))
        var covered = ceil(top / step - 1e-9) * step
        if let limit, covered > limit, top <= limit { covered = limit }
        self.maximum = covered
    }

    /// The scale with the most ticks, up to `targetTicks`, whose labels fit side by side along an axis of `length`:
    /// adjacent labels (`labelWidth` of each tick's label) stay at least 6 units apart.
    public static func fitting(
        covering maximum: Double, targetTicks: Int, limit: Double? = nil, length: Double, labelWidth: (Double) -> Double
    ) -> NiceScale {
        fittingAxis(targetTicks: targetTicks, length: length, labelWidth: labelWidth) {
            NiceScale(covering: maximum, targetTicks: $0, limit: limit)
        }
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
public struct NiceRange: Sendable, Equatable, Axis {
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
        step = niceStep((high - low) / Double(max(1, targetTicks)))
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
        fittingAxis(targetTicks: targetTicks, length: length, labelWidth: labelWidth) {
            NiceRange(covering: lower, upper, targetTicks: $0, limit: limit)
        }
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

/// An axis with ticks, placing values along a length.
protocol Axis {
    var ticks: [Double] { get }
    func position(_ value: Double, length: Double) -> Double
}

/// The axis `make(target)` with the largest `target`, from `targetTicks` down to 1, whose tick labels fit side by
/// side along `length`: adjacent labels (`labelWidth` of each tick's label) stay at least 6 units apart.
func fittingAxis<A: Axis>(targetTicks: Int, length: Double, labelWidth: (Double) -> Double, make: (Int) -> A) -> A {
    var axis = make(targetTicks)
    for target in stride(from: targetTicks, through: 1, by: -1) {
        axis = make(target)
        let ticks = axis.ticks
        let fits = zip(ticks, ticks.dropFirst()).allSatisfy { left, right in
            axis.position(right, length: length) - axis.position(left, length: length)
                >= (labelWidth(left) + labelWidth(right)) / 2 + 6
        }
        if fits { break }
    }
    return axis
}

/// The round step (1, 2 or 5 times a power of ten) at or above `raw`.
func niceStep(_ raw: Double) -> Double {
    let magnitude = pow(10, floor(log10(raw)))
    let fraction = raw / magnitude
    let nice: Double = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10
    return nice * magnitude
}
