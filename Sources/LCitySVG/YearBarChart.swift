/// One item's values over the years: a column per year, flagged values hatched and marked with a footnote sign
/// ("*"; the flag itself is in the column's `<title>` and in the list the chart sits beside).
public struct YearBarChart: SVGChart {
    public struct Point: Sendable {
        public var year: Int
        /// nil when the value was reported as not available.
        public var value: Double?
        public var valueLabel: String
        /// The flag's short name ("estimated"), given in the column's `<title>`; nil if none.
        public var flag: String?

        public init(year: Int, value: Double?, valueLabel: String, flag: String? = nil) {
            self.year = year
            self.value = value
            self.valueLabel = valueLabel
            self.flag = flag
        }
    }

    public var id: String
    public var title: String
    public var description: String
    public var points: [Point]
    public var tickLabel: @Sendable (Double) -> String
    public var axisLimit: Double?

    public init(
        id: String, title: String, description: String, points: [Point],
        tickLabel: @escaping @Sendable (Double) -> String, axisLimit: Double? = nil
    ) {
        self.id = id
        self.title = title
        self.description = description
        self.points = points
        self.tickLabel = tickLabel
        self.axisLimit = axisLimit
    }

    public func svgBytes() -> [UInt8] {
        let font = 13.0
        let points = points.sorted { $0.year < $1.year }
        // Columns as wide as the widest value, so that neighbouring values never touch.
        let column = max(64, (points.map { TextMetrics.width($0.valueLabel + "*", fontSize: font) }.max() ?? 0) + 10)
        let top = 22.0
        let plotHeight = 100.0
        let hasFlags = points.contains { $0.flag != nil }
        let height = top + plotHeight + 24
        let scale = NiceScale(covering: points.compactMap(\.value).max() ?? 0, targetTicks: 3, limit: axisLimit)
        // The value axis's labels, right-aligned in a margin as wide as the widest.
        let left = max(36, (scale.ticks.map { TextMetrics.width(tickLabel($0), fontSize: 12) }.max() ?? 0) + 10)
        let width = max(220, left + Double(points.count) * column + 8)
        var svg = SVGWriter()
        openChart(&svg, id: id, width: width, height: height, title: title, description: description, kind: "years")
        if hasFlags { svg.hatchPattern(id: "\(id)-hatch") }
        // The repeated elements are written out directly (fixed attributes, numbers written as digits): a city
        // profile draws a couple of dozen of these charts per page.
        svg.open("g", [("class", "chart-axis"), ("aria-hidden", "true")])
        for tick in scale.ticks {
            let y = top + plotHeight - scale.position(tick, length: plotHeight)
            svg.raw("<line class=\"chart-grid\"")
            svg.attribute("x1", left)
            svg.attribute("x2", width - 4)
            svg.attribute("y1", y)
            svg.attribute("y2", y)
            svg.raw("/><text")
            svg.attribute("x", left - 6)
            svg.attribute("y", y + font * 0.35)
            svg.raw(" text-anchor=\"end\" font-size=\"12\">")
            svg.text(tickLabel(tick))
            svg.raw("</text>")
        }
        svg.close("g")
        for (index, point) in points.enumerated() {
            let x = left + Double(index) * column
            let middle = x + column / 2
            svg.raw(point.flag == nil ? "<g class=\"chart-row\">" : "<g class=\"chart-row is-flagged\">")
            if let value = point.value {
                let barHeight = scale.position(value, length: plotHeight)
                svg.raw(point.flag == nil ? "<rect class=\"chart-bar\"" : "<rect class=\"chart-bar chart-bar-flagged\"")
                svg.attribute("x", x + 12)
                svg.attribute("y", top + plotHeight - barHeight)
                svg.attribute("width", column - 24)
                svg.attribute("height", max(barHeight, value > 0 ? 1 : 0))
                if point.flag != nil {
                    svg.raw(" fill=\"url(#")
                    svg.text(id)
                    svg.raw("-hatch)\"")
                }
                svg.raw("><title>")
                svg.integer(point.year)
                svg.raw(": ")
                svg.text(point.valueLabel)
                if let flag = point.flag {
                    svg.raw(" (")
                    svg.text(flag)
                    svg.raw(")")
                }
                svg.raw("</title></rect><text class=\"chart-value\"")
                svg.attribute("x", middle)
                svg.attribute("y", top + plotHeight - barHeight - 5)
                svg.raw(" text-anchor=\"middle\" font-size=\"13\">")
                svg.text(point.valueLabel)
                if point.flag != nil { svg.raw("*") }
            } else {
                svg.raw("<text class=\"chart-value chart-missing\"")
                svg.attribute("x", middle)
                svg.attribute("y", top + plotHeight - 5)
                svg.raw(" text-anchor=\"middle\" font-size=\"13\">")
                svg.text(point.valueLabel)
            }
            svg.raw("</text><text class=\"chart-label\"")
            svg.attribute("x", middle)
            svg.attribute("y", top + plotHeight + 17)
            svg.raw(" text-anchor=\"middle\" font-size=\"13\">")
            svg.integer(point.year)
            svg.raw("</text>")
            svg.raw("</g>")
        }
        svg.raw("<line class=\"chart-baseline\"")
        svg.attribute("x1", left)
        svg.attribute("x2", width - 4)
        svg.attribute("y1", top + plotHeight)
        svg.attribute("y2", top + plotHeight)
        svg.raw("/>")
        svg.close("svg")
        return svg.utf8
    }
}
