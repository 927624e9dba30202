/// Horizontal bars comparing one value per item (city), sorted by value, with a median line.
///
/// Above `distributionThreshold` items a bar per item is no longer readable; the chart then draws the
/// distribution instead (a histogram of how many items fall in each interval) and labels only the highlighted items.
public struct BarChart: SVGChart {
    /// One bar.
    public struct Bar: Sendable {
        public var label: String
        public var value: Double
        /// The value as text, formatted by the caller ("94.7%").
        public var valueLabel: String
        /// Drawn in the accent colour, with a bold label and a marker (not by colour alone).
        public var highlighted: Bool

        public init(label: String, value: Double, valueLabel: String, highlighted: Bool = false) {
            self.label = label
            self.value = value
            self.valueLabel = valueLabel
            self.highlighted = highlighted
        }
    }

    /// Element id prefix, unique on the page.
    public var id: String
    public var title: String
    /// The generated sentence for `<desc>`.
    public var description: String
    public var bars: [Bar]
    /// Formats axis tick values.
    public var tickLabel: @Sendable (Double) -> String
    /// The axis never goes past this (100 for percentages).
    public var axisLimit: Double?
    public var median: Double?
    /// Text next to the median line ("median 94.7%").
    public var medianLabel: String
    /// Above this many bars, the chart shows the distribution.
    public var distributionThreshold: Int
    /// Axis title of the distribution view ("number of cities").
    public var countLabel: String

    /// The documented switch-over point: 60 bars is about the most a page can show legibly.
    public static let defaultDistributionThreshold = 60

    public init(
        id: String, title: String, description: String, bars: [Bar], tickLabel: @escaping @Sendable (Double) -> String,
        axisLimit: Double? = nil, median: Double? = nil, medianLabel: String = "",
        distributionThreshold: Int = BarChart.defaultDistributionThreshold, countLabel: String = ""
    ) {
        self.id = id
        self.title = title
        self.description = description
        self.bars = bars
        self.tickLabel = tickLabel
        self.axisLimit = axisLimit
        self.median = median
        self.medianLabel = medianLabel
        self.distributionThreshold = distributionThreshold
        self.countLabel = countLabel
    }

    static let width = 440.0
    static let fontSize = 14.0
    static let rowHeight = 24.0
    static let barHeight = 16.0

    /// Whether the chart draws the distribution rather than one bar per item.
    public var showsDistribution: Bool { bars.count > distributionThreshold }

    public func svgBytes() -> [UInt8] {
        showsDistribution ? distributionSVG() : barsSVG()
    }

    /// Bars sorted by value, largest first; ties keep the caller's order.
    var sortedBars: [Bar] {
        bars.enumerated().sorted { ($0.element.value, -$0.offset) > ($1.element.value, -$1.offset) }.map(\.element)
    }

    func barsSVG() -> [UInt8] {
        let font = Self.fontSize
        let sorted = sortedBars
        let longestLabel = sorted.map { TextMetrics.width($0.label, fontSize: font) + ($0.highlighted ? font : 0) }.max() ?? 0
        let labelWidth = min(longestLabel, Self.width * 0.36) + 8
        let longestValue = sorted.map { TextMetrics.width($0.valueLabel, fontSize: font) }.max() ?? 0
        let plotX = labelWidth
        let plotWidth = max(80, Self.width - labelWidth - longestValue - 10)
        let top = 24.0
        let plotHeight = Double(max(sorted.count, 1)) * Self.rowHeight
        let bottom = median != nil ? 30.0 : 8.0
        let height = top + plotHeight + bottom
        let scale = NiceScale(covering: sorted.map(\.value).max() ?? 0, targetTicks: 4, limit: axisLimit)

        var svg = SVGWriter()
        openChart(&svg, id: id, width: Self.width, height: height, title: title, description: description, kind: "bars")
        // Grid and tick labels along the top.
        svg.horizontalValueAxis(scale, plotX: plotX, plotWidth: plotWidth, top: top, plotHeight: plotHeight, fontSize: font, label: tickLabel)
        for (index, bar) in sorted.enumerated() {
            let y = top + Double(index) * Self.rowHeight
            let length = scale.position(bar.value, length: plotWidth)
            let classes = bar.highlighted ? "chart-bar chart-bar-highlight" : "chart-bar"
            svg.open("g", [("class", bar.highlighted ? "chart-row is-highlight" : "chart-row")])
            let label = (bar.highlighted ? "▶ " : "") + TextMetrics.truncate(bar.label, fontSize: font, maxWidth: labelWidth - 8 - (bar.highlighted ? font : 0))
            svg.element("text", [("class", "chart-label"), ("x", coordinate(plotX - 6)), ("y", coordinate(y + Self.rowHeight / 2 + font * 0.35)), ("text-anchor", "end"), ("font-size", coordinate(font))], text: label)
            svg.open("rect", [("class", classes), ("x", coordinate(plotX)), ("y", coordinate(y + (Self.rowHeight - Self.barHeight) / 2)), ("width", coordinate(max(length, bar.value > 0 ? 1 : 0))), ("height", coordinate(Self.barHeight))])
            svg.element("title", [], text: "\(bar.label): \(bar.valueLabel)")
            svg.close("rect")
            svg.element("text", [("class", "chart-value"), ("x", coordinate(plotX + length + 4)), ("y", coordinate(y + Self.rowHeight / 2 + font * 0.35)), ("font-size", coordinate(font))], text: bar.valueLabel)
            svg.close("g")
        }
        // Zero baseline.
        svg.element("line", [("class", "chart-baseline"), ("x1", coordinate(plotX)), ("x2", coordinate(plotX)), ("y1", coordinate(top - 4)), ("y2", coordinate(top + plotHeight))])
        if let median {
            let x = plotX + scale.position(median, length: plotWidth)
            svg.open("g", [("class", "chart-median")])
            svg.element("line", [("x1", coordinate(x)), ("x2", coordinate(x)), ("y1", coordinate(top - 4)), ("y2", coordinate(top + plotHeight + 6))])
            let anchor = x > Self.width * 0.7 ? "end" : (x < Self.width * 0.3 ? "start" : "middle")
            svg.element("text", [("x", coordinate(x)), ("y", coordinate(top + plotHeight + 22)), ("text-anchor", anchor), ("font-size", coordinate(font - 1))], text: medianLabel)
            svg.close("g")
        }
        svg.close("svg")
        return svg.utf8
    }

    /// A histogram: the axis split into intervals, a column per interval with the number of items in it.
    func distributionSVG() -> [UInt8] {
        let font = Self.fontSize
        let scale = NiceScale(covering: bars.map(\.value).max() ?? 0, targetTicks: 5, limit: axisLimit)
        let binCount = 20
        let binWidth = scale.maximum / Double(binCount)
        var counts = [Int](repeating: 0, count: binCount)
        for bar in bars {
            counts[bin(of: bar.value, width: binWidth, count: binCount)] += 1
        }
        let highlighted = bars.filter(\.highlighted)
        let left = 44.0
        let plotWidth = Self.width - left - 12
        let top = 18.0 + Double(highlighted.count) * (font + 6)
        let plotHeight = 150.0
        let bottom = 28.0 + (median != nil ? 18 : 0)
        let height = top + plotHeight + bottom
        let countScale = NiceScale(covering: Double(counts.max() ?? 0), targetTicks: 4)

        var svg = SVGWriter()
        openChart(&svg, id: id, width: Self.width, height: height, title: title, description: description, kind: "distribution")
        svg.open("g", [("class", "chart-axis"), ("aria-hidden", "true")])
        for tick in countScale.ticks {
            let y = top + plotHeight - countScale.position(tick, length: plotHeight)
            svg.element("line", [("class", "chart-grid"), ("x1", coordinate(left)), ("x2", coordinate(left + plotWidth)), ("y1", coordinate(y)), ("y2", coordinate(y))])
            svg.element("text", [("x", coordinate(left - 6)), ("y", coordinate(y + font * 0.35)), ("text-anchor", "end"), ("font-size", coordinate(font - 1))], text: tick.rounded() == tick ? String(Int(tick)) : String(tick))
        }
        for tick in scale.ticks {
            let x = left + scale.position(tick, length: plotWidth)
            svg.element("text", [("x", coordinate(x)), ("y", coordinate(top + plotHeight + 18)), ("text-anchor", "middle"), ("font-size", coordinate(font - 1))], text: tickLabel(tick))
        }
        svg.element("text", [("x", coordinate(left)), ("y", coordinate(top - 6 - Double(highlighted.count) * (font + 6))), ("font-size", coordinate(font - 1))], text: countLabel)
        svg.close("g")
        let columnWidth = plotWidth / Double(binCount)
        for (index, count) in counts.enumerated() where count > 0 {
            let columnHeight = max(1, countScale.position(Double(count), length: plotHeight))
            svg.open("rect", [("class", "chart-bar"), ("x", coordinate(left + Double(index) * columnWidth + 1)), ("y", coordinate(top + plotHeight - columnHeight)), ("width", coordinate(columnWidth - 2)), ("height", coordinate(columnHeight))])
            svg.element("title", [], text: "\(tickLabel(Double(index) * binWidth))–\(tickLabel(Double(index + 1) * binWidth)): \(count)")
            svg.close("rect")
        }
        svg.element("line", [("class", "chart-baseline"), ("x1", coordinate(left)), ("x2", coordinate(left + plotWidth)), ("y1", coordinate(top + plotHeight)), ("y2", coordinate(top + plotHeight))])
        // Highlighted items: a marker line at their value, labelled above the plot.
        for (offset, bar) in highlighted.enumerated() {
            let x = left + scale.position(bar.value, length: plotWidth)
            let labelY = top - 6 - Double(highlighted.count - 1 - offset) * (font + 6)
            svg.open("g", [("class", "chart-row is-highlight")])
            svg.element("line", [("class", "chart-marker"), ("x1", coordinate(x)), ("x2", coordinate(x)), ("y1", coordinate(labelY + 4)), ("y2", coordinate(top + plotHeight))])
            let anchor = x > Self.width * 0.6 ? "end" : "start"
            svg.element("text", [("class", "chart-label"), ("x", coordinate(anchor == "end" ? x - 4 : x + 4)), ("y", coordinate(labelY)), ("text-anchor", anchor), ("font-size", coordinate(font))], text: "▶ \(bar.label): \(bar.valueLabel)")
            svg.close("g")
        }
        if let median {
            let x = left + scale.position(median, length: plotWidth)
            svg.open("g", [("class", "chart-median")])
            svg.element("line", [("x1", coordinate(x)), ("x2", coordinate(x)), ("y1", coordinate(top)), ("y2", coordinate(top + plotHeight + 24))])
            let anchor = x > Self.width * 0.7 ? "end" : (x < Self.width * 0.3 ? "start" : "middle")
            svg.element("text", [("x", coordinate(x)), ("y", coordinate(top + plotHeight + 40)), ("text-anchor", anchor), ("font-size", coordinate(font - 1))], text: medianLabel)
            svg.close("g")
        }
        svg.close("svg")
        return svg.utf8
    }

    func bin(of value: Double, width: Double, count: Int) -> Int {
        guard width > 0 else { return 0 }
        return max(0, min(count - 1, Int(value / width)))
    }
}
