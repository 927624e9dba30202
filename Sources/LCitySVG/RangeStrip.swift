/// A compact strip: the network's range (minimum to maximum), its median and one item's value.
public struct RangeStrip: SVGChart {
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

    public func svgBytes() -> [UInt8] {
        Frame(id: id, minimum: minimum, median: median, maximum: maximum, axisMaximum: axisMaximum)
            .svgBytes(title: title, description: description, value: value)
    }

    /// What the strips of many items on the same range share, drawn once: a city profile draws a strip per
    /// measure, and every city's strip of a measure differs only in its texts and its value.
    public struct Frame: Sendable {
        static let width = 160.0
        static let inset = 6.0
        let id: String
        /// The axis runs from 0 to this.
        public let axisMaximum: Double
        /// The `<svg>` opening, as UTF-8: drawn once, copied into each item's chart as it is.
        let head: [UInt8]
        /// Track, range and median, after the title and description.
        let body: [UInt8]

        public init(id: String, minimum: Double, median: Double, maximum: Double, axisMaximum: Double) {
            self.id = id
            self.axisMaximum = axisMaximum
            var svg = SVGWriter()
            openChartElement(&svg, id: id, width: Self.width, height: 24, kind: "strip")
            head = svg.utf8
            svg = SVGWriter()
            let x = { Self.x($0, axisMaximum: axisMaximum) }
            svg.element("line", [("class", "chart-track"), ("x1", coordinate(Self.inset)), ("x2", coordinate(Self.width - Self.inset)), ("y1", "12"), ("y2", "12")])
            svg.element("line", [("class", "chart-range"), ("x1", coordinate(x(minimum))), ("x2", coordinate(max(x(maximum), x(minimum) + 1))), ("y1", "12"), ("y2", "12")])
            svg.element("line", [("class", "chart-median-tick"), ("x1", coordinate(x(median))), ("x2", coordinate(x(median))), ("y1", "4"), ("y2", "20")])
            body = svg.utf8
        }

        /// Where `value` lies across the strip (clamped to the axis), in the SVG's units.
        public func x(_ value: Double) -> Double { Self.x(value, axisMaximum: axisMaximum) }

        static func x(_ value: Double, axisMaximum: Double) -> Double {
            inset + (axisMaximum > 0 ? max(0, min(1, value / axisMaximum)) * (width - 2 * inset) : 0)
        }

        /// One item's strip: its texts and, if it has a value, the value's mark.
        public func svg(title: String, description: String, value: Double?) -> String {
            String(decoding: svgBytes(title: title, description: description, value: value), as: UTF8.self)
        }

        /// `svg(title:description:value:)` as UTF-8, for output kept as bytes.
        public func svgBytes(title: String, description: String, value: Double?) -> [UInt8] {
            var svg = SVGWriter()
            svg.raw(utf8: head)
            chartTexts(&svg, id: id, title: title, description: description)
            svg.raw(utf8: body)
            if let value {
                let x = Self.x(value, axisMaximum: axisMaximum)
                svg.raw("<path class=\"chart-dot\" d=\"M")
                svg.coordinate(x)
                svg.raw(" 5 L")
                svg.coordinate(x + 6)
                svg.raw(" 12 L")
                svg.coordinate(x)
                svg.raw(" 19 L")
                svg.coordinate(x - 6)
                svg.raw(" 12 Z\"/>")
            }
            svg.close("svg")
            return svg.utf8
        }
    }
}
