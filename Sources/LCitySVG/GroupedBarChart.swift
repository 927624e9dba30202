/// Bars for a measure's breakdown categories (male / female / total …), grouped by item (a city, or the network),
/// each bar labelled with its category so that no meaning rests on colour.
///
/// Layout guarantees, from measured text widths (`TextMetrics`): every text lies inside the SVG; category names sit
/// in a column left of the bars, wrapped onto two lines and then abbreviated with "…" (the full name is in the bar's
/// `<title>`); values follow their bar's end inside the width; group titles have rows of their own, crossed by no
/// grid or axis line.
public struct GroupedBarChart: SVGChart {
    /// One category's bar.
    public struct Bar: Sendable {
        public var label: String
        public var value: Double
        /// The value as text, formatted by the caller ("94.7%").
        public var valueLabel: String

        public init(label: String, value: Double, valueLabel: String) {
            self.label = label
            self.value = value
            self.valueLabel = valueLabel
        }
    }

    public struct Group: Sendable {
        public var label: String
        public var bars: [Bar]

        public init(label: String, bars: [Bar]) {
            self.label = label
            self.bars = bars
        }
    }

    public var id: String
    public var title: String
    public var description: String
    public var groups: [Group]
    public var tickLabel: @Sendable (Double) -> String
    public var axisLimit: Double?

    public init(
        id: String, title: String, description: String, groups: [Group],
        tickLabel: @escaping @Sendable (Double) -> String, axisLimit: Double? = nil
    ) {
        self.id = id
        self.title = title
        self.description = description
        self.groups = groups
        self.tickLabel = tickLabel
        self.axisLimit = axisLimit
    }

    static let width = 440.0
    static let fontSize = 14.0
    static let rowHeight = 24.0
    static let lineHeight = 16.0
    static let barHeight = 16.0

    public func svgBytes() -> [UInt8] {
        let font = Self.fontSize
        let width = Self.width
        let allBars = groups.flatMap(\.bars)
        let showsGroupLabels = groups.count > 1 || !(groups.first?.label.isEmpty ?? true)
        let valueWidth = allBars.map { TextMetrics.width($0.valueLabel, fontSize: font) }.max() ?? 0
        let longestLabel = allBars.map { TextMetrics.width($0.label, fontSize: font) }.max() ?? 0
        let labelWidth = min(longestLabel, width * 0.4)
        let plotX = labelWidth + 8
        let plotWidth = max(60, width - plotX - valueWidth - 6)
        let scale = NiceScale.fitting(
            covering: allBars.map(\.value).max() ?? 0, targetTicks: 4, limit: axisLimit, length: plotWidth,
            labelWidth: { TextMetrics.width(tickLabel($0), fontSize: font - 1) })
        let barX = { (value: Double) in scale.position(value, length: plotWidth) }

        // Rows: a group's title, then its bars, each as tall as its wrapped label.
        let top = 24.0
        var y = top
        var layout: [(titleY: Double?, rows: [(y: Double, height: Double, lines: [String])])] = []
        for group in groups {
            var titleY: Double?
            if showsGroupLabels {
                titleY = y
                y += Self.rowHeight
            }
            var rows: [(y: Double, height: Double, lines: [String])] = []
            for bar in group.bars {
                let lines = TextMetrics.wrap(bar.label, fontSize: font, maxWidth: labelWidth, maxLines: 2)
                let height = Self.rowHeight + Double(lines.count - 1) * Self.lineHeight
                rows.append((y, height, lines))
                y += height
            }
            layout.append((titleY, rows))
        }
        let height = y + 8

        var svg = SVGWriter()
        openChart(&svg, id: id, width: width, height: height, title: title, description: description, kind: "grouped")
        svg.topValueAxis(
            ticks: scale.ticks, at: { plotX + barX($0) }, label: tickLabel, labelY: top - 8, fontSize: font - 1, width: width,
            blocks: layout.compactMap { block in
                block.rows.first.flatMap { first in block.rows.last.map { (first.y, $0.y + $0.height) } }
            })
        for (group, block) in zip(groups, layout) {
            if let titleY = block.titleY {
                svg.element("text", [("class", "chart-group-label"), ("font-weight", "700"), ("x", "0"), ("y", coordinate(titleY + Self.rowHeight / 2 + font * 0.35)), ("font-size", coordinate(font))], text: TextMetrics.truncate(group.label, fontSize: font, maxWidth: width - 2))
            }
            for (index, (bar, row)) in zip(group.bars, block.rows).enumerated() {
                let middle = row.y + row.height / 2
                let length = barX(bar.value)
                svg.open("g", [("class", "chart-row")])
                svg.element("title", [], text: (group.label.isEmpty ? "" : "\(group.label) · ") + "\(bar.label): \(bar.valueLabel)")
                let firstBaseline = middle - Double(row.lines.count - 1) * Self.lineHeight / 2 + font * 0.35
                svg.open("text", [("class", "chart-label"), ("x", "0"), ("y", coordinate(firstBaseline)), ("font-size", coordinate(font))])
                for (number, line) in row.lines.enumerated() {
                    svg.element("tspan", [("x", "0"), ("dy", number == 0 ? "0" : coordinate(Self.lineHeight))], text: line)
                }
                svg.close("text")
                svg.raw("<rect class=\"chart-bar chart-series-")
                svg.integer(index % 4)
                svg.raw("\"")
                svg.attribute("x", plotX)
                svg.attribute("y", middle - Self.barHeight / 2)
                svg.attribute("width", max(length, bar.value > 0 ? 1 : 0))
                svg.attribute("height", Self.barHeight)
                svg.raw("/>")
                svg.element("text", [("class", "chart-value"), ("x", coordinate(plotX + length + 4)), ("y", coordinate(middle + font * 0.35)), ("font-size", coordinate(font))], text: bar.valueLabel)
                svg.close("g")
            }
            if let first = block.rows.first, let last = block.rows.last {
                svg.element("line", [("class", "chart-baseline"), ("x1", coordinate(plotX)), ("x2", coordinate(plotX)), ("y1", coordinate(first.y)), ("y2", coordinate(last.y + last.height))])
            }
        }
        svg.close("svg")
        return svg.utf8
    }
}
