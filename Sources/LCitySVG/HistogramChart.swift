/// The distribution of many items' values (cities): the axis split into twenty intervals, a column per interval with
/// the number of items in it, the median marked. For networks too large for a row per city (`DotStripChart`).
public struct HistogramChart: SVGChart {
    /// One item's value.
    public struct Item: Sendable {
        public var label: String
        public var value: Double
        /// The value as text, formatted by the caller ("94.7%").
        public var valueLabel: String
        /// Marked on the axis and labelled above the plot (with a marker, not by colour alone).
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
    public var items: [Item]
    /// Formats axis tick values.
    public var tickLabel: @Sendable (Double) -> String
    /// The axis never goes past this (100 for percentages).
    public var axisLimit: Double?
    public var median: Double?
    /// Text under the median line ("median 94.7%").
    public var medianLabel: String
    /// Title of the count axis ("number of cities").
    public var countLabel: String

    /// The documented switch-over point: above 60 rows, a row per city is no longer readable on a page.
    public static let rowLimit = 60

    public init(
        id: String, title: String, description: String, items: [Item], tickLabel: @escaping @Sendable (Double) -> String,
        axisLimit: Double? = nil, median: Double? = nil, medianLabel: String = "", countLabel: String = ""
    ) {
        self.id = id
        self.title = title
        self.description = description
        self.items = items
        self.tickLabel = tickLabel
        self.axisLimit = axisLimit
        self.median = median
        self.medianLabel = medianLabel
        self.countLabel = countLabel
    }

    static let width = 440.0
    static let fontSize = 14.0

    public func svgBytes() -> [UInt8] {
        let font = Self.fontSize
        let left = 44.0
        let tickWidth = { (tick: Double) in TextMetrics.width(tickLabel(tick), fontSize: font - 1) }
        // Room on the right for half the last tick's label, centred on the axis's end.
        let maximum = items.map(\.value).max() ?? 0
        let right = max(12, tickWidth(NiceScale(covering: maximum, targetTicks: 5, limit: axisLimit).maximum) / 2 + 2)
        let plotWidth = Self.width - left - right
        let scale = NiceScale.fitting(covering: maximum, targetTicks: 5, limit: axisLimit, length: plotWidth, labelWidth: tickWidth)
        let binCount = 20
        let binWidth = scale.maximum / Double(binCount)
        var counts = [Int](repeating: 0, count: binCount)
        for bar in items {
            counts[bin(of: bar.value, width: binWidth, count: binCount)] += 1
        }
        let highlighted = items.filter(\.highlighted)
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
            let room = anchor == "end" ? x - 4 : Self.width - x - 4
            svg.element("text", [("class", "chart-label"), ("x", coordinate(anchor == "end" ? x - 4 : x + 4)), ("y", coordinate(labelY)), ("text-anchor", anchor), ("font-size", coordinate(font))], text: TextMetrics.truncate("▶ \(bar.label): \(bar.valueLabel)", fontSize: font, maxWidth: room))
            svg.close("g")
        }
        if let median {
            let x = left + scale.position(median, length: plotWidth)
            svg.open("g", [("class", "chart-median")])
            svg.element("line", [("x1", coordinate(x)), ("x2", coordinate(x)), ("y1", coordinate(top)), ("y2", coordinate(top + plotHeight + 24))])
            svg.centredText(medianLabel, at: x, y: top + plotHeight + 40, fontSize: font - 1, within: Self.width)
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
