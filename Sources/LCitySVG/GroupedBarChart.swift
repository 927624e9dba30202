/// Bars for a measure's breakdown categories (male / female / total …), grouped by item (a city, or the network),
/// each bar labelled with its category so that no meaning rests on colour.
public struct GroupedBarChart: SVGChart {
    public struct Group: Sendable {
        public var label: String
        public var bars: [BarChart.Bar]

        public init(label: String, bars: [BarChart.Bar]) {
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

    public func svgBytes() -> [UInt8] {
        let font = BarChart.fontSize
        let width = BarChart.width
        let allBars = groups.flatMap(\.bars)
        let showsGroupLabels = groups.count > 1 || !(groups.first?.label.isEmpty ?? true)
        let labelWidth = min(allBars.map { TextMetrics.width($0.label, fontSize: font) }.max() ?? 0, width * 0.3) + 8
        let valueWidth = allBars.map { TextMetrics.width($0.valueLabel, fontSize: font) }.max() ?? 0
        let plotX = labelWidth
        let plotWidth = max(80, width - labelWidth - valueWidth - 10)
        let top = 24.0
        let rows = allBars.count + (showsGroupLabels ? groups.count : 0)
        let plotHeight = Double(max(rows, 1)) * BarChart.rowHeight
        let height = top + plotHeight + 8
        let scale = NiceScale(covering: allBars.map(\.value).max() ?? 0, targetTicks: 4, limit: axisLimit)

        var svg = SVGWriter()
        openChart(&svg, id: id, width: width, height: height, title: title, description: description, kind: "grouped")
        svg.horizontalValueAxis(scale, plotX: plotX, plotWidth: plotWidth, top: top, plotHeight: plotHeight, fontSize: font, label: tickLabel)
        var row = 0
        for group in groups {
            if showsGroupLabels {
                let y = top + Double(row) * BarChart.rowHeight
                svg.element("text", [("class", "chart-group-label"), ("font-weight", "700"), ("x", "0"), ("y", coordinate(y + BarChart.rowHeight / 2 + font * 0.35)), ("font-size", coordinate(font))], text: TextMetrics.truncate(group.label, fontSize: font, maxWidth: width - 8))
                row += 1
            }
            for (index, bar) in group.bars.enumerated() {
                let y = top + Double(row) * BarChart.rowHeight
                let length = scale.position(bar.value, length: plotWidth)
                let textY = y + BarChart.rowHeight / 2 + font * 0.35
                svg.raw("<g class=\"chart-row\"><text class=\"chart-label\"")
                svg.attribute("x", plotX - 6)
                svg.attribute("y", textY)
                svg.raw(" text-anchor=\"end\"")
                svg.attribute("font-size", font)
                svg.raw(">")
                svg.text(TextMetrics.truncate(bar.label, fontSize: font, maxWidth: labelWidth - 8))
                svg.raw("</text><rect class=\"chart-bar chart-series-")
                svg.integer(index % 4)
                svg.raw("\"")
                svg.attribute("x", plotX)
                svg.attribute("y", y + (BarChart.rowHeight - BarChart.barHeight) / 2)
                svg.attribute("width", max(length, bar.value > 0 ? 1 : 0))
                svg.attribute("height", BarChart.barHeight)
                svg.raw("><title>")
                if !group.label.isEmpty {
                    svg.text(group.label)
                    svg.raw(" · ")
                }
                svg.text(bar.label)
                svg.raw(": ")
                svg.text(bar.valueLabel)
                svg.raw("</title></rect><text class=\"chart-value\"")
                svg.attribute("x", plotX + length + 4)
                svg.attribute("y", textY)
                svg.attribute("font-size", font)
                svg.raw(">")
                svg.text(bar.valueLabel)
                svg.raw("</text></g>")
                row += 1
            }
        }
        svg.element("line", [("class", "chart-baseline"), ("x1", coordinate(plotX)), ("x2", coordinate(plotX)), ("y1", coordinate(top - 4)), ("y2", coordinate(top + plotHeight))])
        svg.close("svg")
        return svg.utf8
    }
}
