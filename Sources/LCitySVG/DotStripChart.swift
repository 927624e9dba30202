/// The network's values of one measure without an order by value: a block per group (UNESCO region), a row per
/// item (city) in the caller's order (alphabetical), a dot at the item's value on an axis shared by all rows, the
/// network median marked. A reader finds a city by its name and sees where it lies in the spread; nothing is
/// ranked.
///
/// Layout guarantees, from measured text widths (`TextMetrics`): every text lies inside the SVG; names sit in a
/// column left of the plot and values in a column right of it, so the grid, the median line and the dots never
/// cross a text; group titles have rows of their own, crossed by no line. A name too long for its column is
/// abbreviated with "…" and given in full in the row's `<title>`.
public struct DotStripChart: SVGChart {
    /// One item's value.
    public struct Item: Sendable {
        public var label: String
        public var value: Double
        /// The value as shown, formatted by the caller ("94.7%", "94.7% (2022)").
        public var valueLabel: String
        /// The flag's name ("estimated"): the dot is hatched and the value marked with "*".
        public var flag: String?

        public init(label: String, value: Double, valueLabel: String, flag: String? = nil) {
            self.label = label
            self.value = value
            self.valueLabel = valueLabel
            self.flag = flag
        }
    }

    /// A titled block of rows (a region's cities).
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
    public var median: Double?
    /// Text under the median line ("median 94.7%").
    public var medianLabel: String
    /// What "*" means, written under the plot when an item is flagged ("* estimated or provisional value").
    public var flagNote: String

    public init(
        id: String, title: String, description: String, groups: [Group], tickLabel: @escaping @Sendable (Double) -> String,
        axisLimit: Double? = nil, median: Double? = nil, medianLabel: String = "", flagNote: String = ""
    ) {
        self.id = id
        self.title = title
        self.description = description
        self.groups = groups
        self.tickLabel = tickLabel
        self.axisLimit = axisLimit
        self.median = median
        self.medianLabel = medianLabel
        self.flagNote = flagNote
    }

    static let width = 480.0
    // Drawn at 1:1 on wide screens; on a 390 px phone it shrinks by a quarter, and 15 stays readable.
    static let fontSize = 15.0
    static let rowHeight = 24.0
    static let gap = 10.0

    public func svgBytes() -> [UInt8] {
        let font = Self.fontSize
        let width = Self.width
        let items = groups.flatMap(\.items)
        let hasFlags = items.contains { $0.flag != nil }
        let valueTexts = items.map { $0.valueLabel + ($0.flag == nil ? "" : "*") }
        // Columns: names | plot | values. The values column is as wide as its longest text; the names take what
        // is left after a plot of at least a third of the width, at most 40% of the width.
        let valueWidth = valueTexts.map { TextMetrics.width($0, fontSize: font) }.max() ?? 0
        let longestName = items.map { TextMetrics.width($0.label, fontSize: font) }.max() ?? 0
        let nameWidth = min(longestName, width * 0.4, width - valueWidth - width / 3 - 2 * Self.gap)
        let plotX = nameWidth + Self.gap
        let plotWidth = width - plotX - valueWidth - 2 * Self.gap
        let valueX = width - 1  // values are right-aligned on the right edge
        let scale = NiceScale.fitting(
            covering: items.map(\.value).max() ?? 0, targetTicks: 4, limit: axisLimit, length: plotWidth,
            labelWidth: { TextMetrics.width(tickLabel($0), fontSize: font - 1) })
        let x = { (value: Double) in plotX + scale.position(value, length: plotWidth) }

        // Vertical layout: tick labels, then per group a title row and its item rows, then the median label and
        // the flags' note.
        let top = 22.0
        let blocks = rowBlocks(groups, top: top, rowHeight: Self.rowHeight)
        let plotBottom = blocks.last?.end ?? top
        let medianY = plotBottom + font + 4
        let noteLines = hasFlags && !flagNote.isEmpty ? TextMetrics.wrap(flagNote, fontSize: font - 1, maxWidth: width - 2, maxLines: 3) : []
        let noteY = (median != nil ? medianY : plotBottom) + font + 6
        let height = (noteLines.isEmpty ? (median != nil ? medianY : plotBottom) : noteY + Double(noteLines.count - 1) * (font + 2)) + 6

        var svg = SVGWriter()
        openChart(&svg, id: id, width: width, height: height, title: title, description: description, kind: "dots")
        if hasFlags { svg.hatchPattern(id: "\(id)-hatch") }
        svg.topValueAxis(
            ticks: scale.ticks, at: x, label: tickLabel, labelY: top - 8, fontSize: font - 1, width: width,
            blocks: blocks.map { ($0.rows, $0.end) })
        for (group, block) in zip(groups, blocks) {
            svg.groupTitle(group.label, top: block.title, rowHeight: Self.rowHeight, fontSize: font, width: width)
            for (index, item) in group.items.enumerated() {
                let rowY = block.rows + Double(index) * Self.rowHeight
                let middle = rowY + Self.rowHeight / 2
                let baseline = middle + font * 0.35
                svg.open("g", [("class", item.flag == nil ? "chart-row" : "chart-row is-flagged")])
                svg.element("title", [], text: "\(item.label): \(item.valueLabel)" + (item.flag.map { " (\($0))" } ?? ""))
                svg.element("text", [("class", "chart-label"), ("x", "0"), ("y", coordinate(baseline)), ("font-size", coordinate(font))], text: TextMetrics.truncate(item.label, fontSize: font, maxWidth: nameWidth))
                svg.element("line", [("class", "chart-guide"), ("x1", coordinate(plotX)), ("x2", coordinate(plotX + plotWidth)), ("y1", coordinate(middle)), ("y2", coordinate(middle))])
                var dot: [(StaticString, String)] = [("class", item.flag == nil ? "chart-point" : "chart-point chart-point-flagged"), ("cx", coordinate(x(item.value))), ("cy", coordinate(middle)), ("r", "5.5")]
                if item.flag != nil { dot.append(("fill", "url(#\(id)-hatch)")) }
                svg.element("circle", dot)
                svg.element("text", [("class", "chart-value"), ("x", coordinate(valueX)), ("y", coordinate(baseline)), ("text-anchor", "end"), ("font-size", coordinate(font))], text: item.valueLabel + (item.flag == nil ? "" : "*"))
                svg.close("g")
            }
        }
        if let median {
            let medianX = x(median)
            svg.open("g", [("class", "chart-median")])
            for block in blocks where block.end > block.rows {
                svg.element("line", [("x1", coordinate(medianX)), ("x2", coordinate(medianX)), ("y1", coordinate(block.rows)), ("y2", coordinate(block.end))])
            }
            svg.centredText(medianLabel, at: medianX, y: medianY, fontSize: font - 1, within: width)
            svg.close("g")
        }
        svg.notes(noteLines, y: noteY, fontSize: font - 1)
        svg.close("svg")
        return svg.utf8
    }
}

