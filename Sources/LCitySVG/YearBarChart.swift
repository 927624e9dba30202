/// One item's values over the years: a column per year, flagged values hatched and marked with a footnote sign.
public struct YearBarChart: Sendable {
    public struct Point: Sendable {
        public var year: Int
        /// nil when the value was reported as not available.
        public var value: Double?
        public var valueLabel: String
        /// Short flag text shown under the year ("estimated"); nil if none.
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

    public func svg() -> String {
        let font = 13.0
        let points = zip(points, points.dropFirst()).allSatisfy { $0.year <= $1.year } ? points : points.sorted { $0.year < $1.year }
        let left = 44.0
        let column = 64.0
        let width = max(220, left + Double(points.count) * column + 8)
        let top = 22.0
        let plotHeight = 100.0
        let hasFlags = points.contains { $0.flag != nil }
        let height = top + plotHeight + 24 + (hasFlags ? 16 : 0)
        let scale = NiceScale(covering: points.compactMap(\.value).max() ?? 0, targetTicks: 3, limit: axisLimit)
        var svg = SVGWriter()
        openChart(&svg, id: id, width: width, height: height, title: title, description: description, kind: "years")
        if hasFlags {
            // The hatch of flagged columns, defined only where a column uses it.
            svg.open("defs", [])
            svg.open("pattern", [("id", "\(id)-hatch"), ("width", "6"), ("height", "6"), ("patternUnits", "userSpaceOnUse"), ("patternTransform", "rotate(45)")])
            svg.element("rect", [("class", "chart-hatch-bg"), ("width", "6"), ("height", "6")])
            svg.element("line", [("class", "chart-hatch-line"), ("x1", "0"), ("y1", "0"), ("x2", "0"), ("y2", "6")])
            svg.close("pattern")
            svg.close("defs")
        }
        // The repeated elements are written out directly (fixed attributes, numbers that need no escaping): a
        // city profile draws a couple of dozen of these charts per page.
        let gridX1 = coordinate(left)
        let gridX2 = coordinate(width - 4)
        svg.open("g", [("class", "chart-axis"), ("aria-hidden", "true")])
        for tick in scale.ticks {
            let y = top + plotHeight - scale.position(tick, length: plotHeight)
            let yText = coordinate(y)
            svg.raw("<line class=\"chart-grid\" x1=\"\(gridX1)\" x2=\"\(gridX2)\" y1=\"\(yText)\" y2=\"\(yText)\"/>")
            svg.raw("<text x=\"\(coordinate(left - 6))\" y=\"\(coordinate(y + font * 0.35))\" text-anchor=\"end\" font-size=\"12\">")
            svg.text(tickLabel(tick))
            svg.raw("</text>")
        }
        svg.close("g")
        let hatch = SVGWriter.escape("url(#\(id)-hatch)")
        for (index, point) in points.enumerated() {
            let x = left + Double(index) * column
            let middle = coordinate(x + column / 2)
            svg.raw(point.flag == nil ? "<g class=\"chart-row\">" : "<g class=\"chart-row is-flagged\">")
            if let value = point.value {
                let barHeight = scale.position(value, length: plotHeight)
                svg.raw(point.flag == nil ? "<rect class=\"chart-bar\"" : "<rect class=\"chart-bar chart-bar-flagged\"")
                svg.raw(" x=\"\(coordinate(x + 12))\" y=\"\(coordinate(top + plotHeight - barHeight))\" width=\"\(coordinate(column - 24))\" height=\"\(coordinate(max(barHeight, value > 0 ? 1 : 0)))\"")
                if point.flag != nil { svg.raw(" fill=\"\(hatch)\"") }
                svg.raw("><title>")
                svg.text("\(point.year): \(point.valueLabel)\(point.flag.map { " (\($0))" } ?? "")")
                svg.raw("</title></rect>")
                svg.raw("<text class=\"chart-value\" x=\"\(middle)\" y=\"\(coordinate(top + plotHeight - barHeight - 5))\" text-anchor=\"middle\" font-size=\"13\">")
                svg.text(point.valueLabel + (point.flag != nil ? "*" : ""))
            } else {
                svg.raw("<text class=\"chart-value chart-missing\" x=\"\(middle)\" y=\"\(coordinate(top + plotHeight - 5))\" text-anchor=\"middle\" font-size=\"13\">")
                svg.text(point.valueLabel)
            }
            svg.raw("</text><text class=\"chart-label\" x=\"\(middle)\" y=\"\(coordinate(top + plotHeight + 17))\" text-anchor=\"middle\" font-size=\"13\">")
            svg.text(String(point.year))
            svg.raw("</text>")
            if let flag = point.flag {
                svg.raw("<text class=\"chart-flag\" x=\"\(middle)\" y=\"\(coordinate(top + plotHeight + 33))\" text-anchor=\"middle\" font-size=\"12\">")
                svg.text("*" + TextMetrics.truncate(flag, fontSize: 12, maxWidth: column - 6))
                svg.raw("</text>")
            }
            svg.raw("</g>")
        }
        svg.element("line", [("class", "chart-baseline"), ("x1", gridX1), ("x2", gridX2), ("y1", coordinate(top + plotHeight)), ("y2", coordinate(top + plotHeight))])
        svg.close("svg")
        return svg.text
    }
}
