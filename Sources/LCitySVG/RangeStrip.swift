/// A compact strip: the network's range (minimum to maximum), its median and one item's value.
public struct RangeStrip: Sendable {
    public var id: String
    public var title: String
    public var description: String
    public var minimum: Double
    public var median: Double
    public var maximum: Double
    /// The item's value; nil draws the range only.
    public var value: Double?
    /// The axis runs from 0 to this.
    public var axisMaximum: Double

    public init(
        id: String, title: String, description: String, minimum: Double, median: Double, maximum: Double, value: Double?,
        axisMaximum: Double
    ) {
        self.id = id
        self.title = title
        self.description = description
        self.minimum = minimum
        self.median = median
        self.maximum = maximum
        self.value = value
        self.axisMaximum = axisMaximum
    }

    public func svg() -> String {
        let width = 160.0
        let height = 24.0
        let inset = 6.0
        let length = width - 2 * inset
        func x(_ value: Double) -> Double {
            inset + (axisMaximum > 0 ? max(0, min(1, value / axisMaximum)) * length : 0)
        }
        var svg = SVGWriter()
        openChart(&svg, id: id, width: width, height: height, title: title, description: description, kind: "strip")
        svg.element("line", [("class", "chart-track"), ("x1", coordinate(inset)), ("x2", coordinate(width - inset)), ("y1", "12"), ("y2", "12")])
        svg.element("line", [("class", "chart-range"), ("x1", coordinate(x(minimum))), ("x2", coordinate(max(x(maximum), x(minimum) + 1))), ("y1", "12"), ("y2", "12")])
        svg.element("line", [("class", "chart-median-tick"), ("x1", coordinate(x(median))), ("x2", coordinate(x(median))), ("y1", "4"), ("y2", "20")])
        if let value {
            svg.element("path", [("class", "chart-dot"), ("d", "M\(coordinate(x(value))) 5 L\(coordinate(x(value) + 6)) 12 L\(coordinate(x(value))) 19 L\(coordinate(x(value) - 6)) 12 Z")])
        }
        svg.close("svg")
        return svg.text
    }
}
