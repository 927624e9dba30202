/// Change between two years without an order by change, on an axis that spans the values (not from zero): a block per group (UNESCO region), a row per item (city)
/// in the caller's order (alphabetical), a hollow circle at the first value and a filled one at the latest, joined
/// by a line only when the two can be read as one series. A row whose ends cannot (a break in series, a change of
/// source) shows both values unjoined and is marked "†", explained under the plot.
///
/// Layout guarantees as `DotStripChart`'s: every text inside the SVG, names left of the plot and values right of it,
/// so that no line or mark crosses a text; group titles on rows of their own.
public struct DumbbellChart: SVGChart {
    /// One item's two ends.
    public struct Item: Sendable {
        public var label: String
        public var first: Double
        public var latest: Double
        /// The change as shown, formatted by the caller ("96.5% → 98.2% (2018–2023)").
        public var valueLabel: String
        /// Whether the two ends are one series: false draws no line between them and marks the row "†".
        public var joined: Bool
        /// The row's tooltip and accessible text, when it says more than the label and value ("… (2018–2023)").
        public var detail: String?

        public init(label: String, first: Double, latest: Double, valueLabel: String, joined: Bool = true, detail: String? = nil) {
            self.label = label
            self.first = first
            self.latest = latest
            self.valueLabel = valueLabel
            self.joined = joined
            self.detail = detail
        }
    }

    /// A block of rows (a region's cities), titled unless its label is empty.
    public typealias Group = RowGroup<Item>

    /// Element id prefix, unique on the page.
    public var id: String
    public var title: String
    /// The generated sentence for `<desc>`.
    public var description: String
    public var groups: [Group]
    /// Formats axis tick values.
    public var tickLabel: @Sendable (Double) -> String
    /// The axis never goes past this (100 for percentages).
    public var axisLimit: Double?
    /// The key under the plot ("○ first year ● latest year").
    public var legend: String
    /// What "†" means, written under the plot when a row is not joined.
    public var breakNote: String

    public init(
        id: String, title: String, description: String, groups: [Group], tickLabel: @escaping @Sendable (Double) -> String,
        axisLimit: Double? = nil, legend: String = "", breakNote: String = ""
    ) {
        self.id = id
        self.title = title
        self.description = description
        self.groups = groups
        self.tickLabel = tickLabel
        self.axisLimit = axisLimit
        self.legend = legend
        self.breakNote = breakNote
    }

    static let width = DotStripChart.width
    static let fontSize = DotStripChart.fontSize
    static let rowHeight = DotStripChart.rowHeight
    static let gap = DotStripChart.gap
    /// Marks the rows whose ends are not joined.
    public static let breakMark = "†"

    public func svgBytes() -> [UInt8] {
        let font = Self.fontSize
        let width = Self.width
        let items = groups.flatMap(\.items)
        let hasBreaks = items.contains { !$0.joined }
        let valueTexts = items.map { $0.valueLabel + ($0.joined ? "" : Self.breakMark) }
        // Columns: names | plot | values, as in `DotStripChart`; the plot keeps at least a third of the width.
        let valueWidth = min(valueTexts.map { TextMetrics.width($0, fontSize: font - 1) }.max() ?? 0, width * 0.4)
        let longestName = items.map { TextMetrics.width($0.label, fontSize: font) }.max() ?? 0
        let nameWidth = min(longestName, width * 0.4, width - valueWidth - width / 3 - 2 * Self.gap)
        let plotX = nameWidth + Self.gap
        let plotWidth = width - plotX - valueWidth - 2 * Self.gap
        // Positions, not lengths: the axis spans the values, so that a change of a point shows.
        let values = items.flatMap { [$0.first, $0.latest] }
        let scale = NiceRange.fitting(
            covering: values.min() ?? 0, values.max() ?? 0, targetTicks: 4, limit: axisLimit,
            length: plotWidth, labelWidth: { TextMetrics.width(tickLabel($0), fontSize: font - 1) })
        let x = { (value: Double) in plotX + scale.position(value, length: plotWidth) }

        let top = 22.0
        let blocks = rowBlocks(groups, top: top, rowHeight: Self.rowHeight)
        let plotBottom = blocks.last?.end ?? top
        var notes = legend.isEmpty ? [] : TextMetrics.wrap(legend, fontSize: font - 1, maxWidth: width - 2, maxLines: 2)
        if hasBreaks && !breakNote.isEmpty {
            notes += TextMetrics.wrap(breakNote, fontSize: font - 1, maxWidth: width - 2, maxLines: 3)
        }
        let noteY = plotBottom + font + 4
        let height = (notes.isEmpty ? plotBottom : noteY + Double(notes.count - 1) * (font + 2)) + 6

        var svg = SVGWriter()
        openChart(&svg, id: id, width: width, height: height, title: title, description: description, kind: "dumbbell")
        svg.topValueAxis(
            ticks: scale.ticks, at: x, label: tickLabel, labelY: top - 8, fontSize: font - 1, width: width,
            blocks: blocks.map { ($0.rows, $0.end) })
        for (group, block) in zip(groups, blocks) {
            svg.groupTitle(group.label, top: block.title, rowHeight: Self.rowHeight, fontSize: font, width: width)
            for (index, item) in group.items.enumerated() {
                let middle = block.rows + Double(index) * Self.rowHeight + Self.rowHeight / 2
                let baseline = middle + font * 0.35
                let (from, to) = (x(item.first), x(item.latest))
                svg.open("g", [("class", item.joined ? "chart-row" : "chart-row is-broken")])
                svg.element("title", [], text: item.detail ?? "\(item.label): \(item.valueLabel)")
                svg.element("text", [("class", "chart-label"), ("x", "0"), ("y", coordinate(baseline)), ("font-size", coordinate(font))], text: TextMetrics.truncate(item.label, fontSize: font, maxWidth: nameWidth))
                svg.element("line", [("class", "chart-guide"), ("x1", coordinate(plotX)), ("x2", coordinate(plotX + plotWidth)), ("y1", coordinate(middle)), ("y2", coordinate(middle))])
                if item.joined && abs(to - from) > 0.5 {
                    svg.element("line", [("class", "chart-change"), ("x1", coordinate(from)), ("x2", coordinate(to)), ("y1", coordinate(middle)), ("y2", coordinate(middle))])
                }
                svg.element("circle", [("class", "chart-point-first"), ("cx", coordinate(from)), ("cy", coordinate(middle)), ("r", "4.5")])
                svg.element("circle", [("class", "chart-point"), ("cx", coordinate(to)), ("cy", coordinate(middle)), ("r", "4.5")])
                svg.element("text", [("class", "chart-value"), ("x", coordinate(width - 1)), ("y", coordinate(baseline)), ("text-anchor", "end"), ("font-size", coordinate(font - 1))], text: TextMetrics.truncate(item.valueLabel + (item.joined ? "" : Self.breakMark), fontSize: font - 1, maxWidth: valueWidth))
                svg.close("g")
            }
        }
        svg.notes(notes, y: noteY, fontSize: font - 1)
        svg.close("svg")
        return svg.utf8
    }
}
