import LCityUTF8
/// A chart that draws itself as an SVG element.
public protocol SVGChart: Sendable {
    /// The chart as an SVG element, in UTF-8: for output kept as bytes.
    func svgBytes() -> [UInt8]
}

extension SVGChart {
    /// The chart as an SVG element.
    public func svg() -> String { String(decoding: svgBytes(), as: UTF8.self) }
}

/// Writes SVG markup with escaping and fixed number formatting, so the same chart gives the same bytes.
struct SVGWriter {
    /// The markup so far, UTF-8: appending bytes costs a fraction of appending to a `String`, and a city profile
    /// writes some hundred thousand pieces.
    private var bytes: [UInt8]

    init() {
        bytes = []
        bytes.reserveCapacity(2048)
    }

    /// The markup written, as UTF-8.
    var utf8: [UInt8] { bytes }

    // Inlined so that the attribute arrays of the call sites can live on the stack.

    /// Opens an element; `attributes` keep their order.
    @inline(__always)
    mutating func open(_ name: StaticString, _ attributes: [(StaticString, String)] = []) {
        bytes.append(UInt8(ascii: "<"))
        append(name)
        append(attributes)
        bytes.append(UInt8(ascii: ">"))
    }

    mutating func close(_ name: StaticString) {
        bytes.append(UInt8(ascii: "<"))
        bytes.append(UInt8(ascii: "/"))
        append(name)
        bytes.append(UInt8(ascii: ">"))
    }

    /// A self-closing element.
    @inline(__always)
    mutating func element(_ name: StaticString, _ attributes: [(StaticString, String)]) {
        bytes.append(UInt8(ascii: "<"))
        append(name)
        append(attributes)
        bytes.append(UInt8(ascii: "/"))
        bytes.append(UInt8(ascii: ">"))
    }

    /// An element with text content.
    @inline(__always)
    mutating func element(_ name: StaticString, _ attributes: [(StaticString, String)], text content: String) {
        open(name, attributes)
        text(content)
        close(name)
    }

    mutating func raw(_ markup: StaticString) {
        append(markup)
    }

    /// Markup already written as UTF-8 (by another writer).
    mutating func raw(utf8 markup: [UInt8]) {
        bytes.append(contentsOf: markup)
    }

    /// Text content, escaped.
    mutating func text(_ content: String) {
        appendEscaped(content)
    }

    /// A coordinate (`coordinate(_:)`).
    mutating func coordinate(_ value: Double) {
        appendCoordinate(value, to: &bytes)
    }

    /// A whole number.
    mutating func integer(_ value: Int) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        appendDigits(value.magnitude, to: &bytes)
    }

    /// ` name="value"` with a coordinate as the value, for an element opened with `raw`.
    mutating func attribute(_ name: StaticString, _ value: Double) {
        openAttribute(name)
        appendCoordinate(value, to: &bytes)
        bytes.append(UInt8(ascii: "\""))
    }

    /// ` name="value"`, the value escaped, for an element opened with `raw`.
    mutating func attribute(_ name: StaticString, _ value: String) {
        openAttribute(name)
        appendEscaped(value)
        bytes.append(UInt8(ascii: "\""))
    }

    /// ` name="`.
    private mutating func openAttribute(_ name: StaticString) {
        bytes.append(UInt8(ascii: " "))
        append(name)
        bytes.append(UInt8(ascii: "="))
        bytes.append(UInt8(ascii: "\""))
    }

    /// Markup and names written in the code: copied from the program's own bytes.
    @inline(__always)
    private mutating func append(_ literal: StaticString) {
        literal.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    @inline(__always)
    private mutating func append(_ attributes: [(StaticString, String)]) {
        for (name, value) in attributes { attribute(name, value) }
    }

    /// Appends `text` escaped for text content and attribute values.
    private mutating func appendEscaped(_ text: String) {
        // Most texts need nothing.
        if bytes.appendUTF8(text, unless: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 }) { return }
        for byte in text.utf8 {
            switch byte {
            case 0x26: bytes.append(contentsOf: "&amp;".utf8)
            case 0x3C: bytes.append(contentsOf: "&lt;".utf8)
            case 0x3E: bytes.append(contentsOf: "&gt;".utf8)
            case 0x22: bytes.append(contentsOf: "&quot;".utf8)
            default: bytes.append(byte)
            }
        }
    }
}

/// A coordinate with at most one decimal, no trailing zeros: `12`, `12.5`.
func coordinate(_ value: Double) -> String {
    var bytes: [UInt8] = []
    appendCoordinate(value, to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
}

/// Writes `coordinate(value)` into `bytes`.
func appendCoordinate(_ value: Double, to bytes: inout [UInt8]) {
    let tenths = Int((value * 10).rounded())
    if tenths == 0 {
        bytes.append(UInt8(ascii: "0"))
        return
    }
    if tenths < 0 { bytes.append(UInt8(ascii: "-")) }
    let magnitude = tenths.magnitude
    appendDigits(magnitude / 10, to: &bytes)
    if magnitude % 10 != 0 {
        bytes.append(UInt8(ascii: "."))
        bytes.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
    }
}

/// The decimal digits of `value`.
func appendDigits(_ value: UInt, to bytes: inout [UInt8]) {
    if value >= 10 { appendDigits(value / 10, to: &bytes) }
    bytes.append(UInt8(ascii: "0") + UInt8(value % 10))
}

/// The `<svg>` opening shared by every chart: scaled by its viewBox, an image with a title and a description.
func openChart(_ writer: inout SVGWriter, id: String, width: Double, height: Double, title: String, description: String, kind: String) {
    openChartElement(&writer, id: id, width: width, height: height, kind: kind)
    chartTexts(&writer, id: id, title: title, description: description)
}

/// The `<svg>` element's opening tag of a chart.
func openChartElement(_ writer: inout SVGWriter, id: String, width: Double, height: Double, kind: String) {
    writer.raw("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
    writer.coordinate(width)
    writer.raw(" ")
    writer.coordinate(height)
    writer.raw("\"")
    writer.attribute("width", width)
    writer.attribute("height", height)
    writer.raw(" class=\"chart chart-")
    writer.text(kind)
    writer.raw("\" role=\"img\" aria-labelledby=\"")
    writer.text(id)
    writer.raw("-title ")
    writer.text(id)
    writer.raw("-desc\"")
    writer.attribute("id", id)
    writer.raw(">")
}

/// A chart's `<title>` and `<desc>`, which its `aria-labelledby` names.
func chartTexts(_ writer: inout SVGWriter, id: String, title: String, description: String) {
    writer.raw("<title id=\"")
    writer.text(id)
    writer.raw("-title\">")
    writer.text(title)
    writer.raw("</title><desc id=\"")
    writer.text(id)
    writer.raw("-desc\">")
    writer.text(description)
    writer.raw("</desc>")
}

extension SVGWriter {
    /// Tick labels above a horizontal plot, each centred on its tick but kept inside the chart's `width`, and grid
    /// lines over the rows of each block only (`blocks`: top and bottom of each run of rows), so that no line
    /// crosses the titles between blocks.
    mutating func topValueAxis(
        ticks: [Double], at x: (Double) -> Double, label: (Double) -> String, labelY: Double, fontSize: Double,
        width: Double, blocks: [(top: Double, bottom: Double)]
    ) {
        open("g", [("class", "chart-axis"), ("aria-hidden", "true")])
        for tick in ticks {
            centredText(label(tick), at: x(tick), y: labelY, fontSize: fontSize, within: width)
            for block in blocks where block.bottom > block.top {
                element("line", [("class", "chart-grid"), ("x1", LCitySVG.coordinate(x(tick))), ("x2", LCitySVG.coordinate(x(tick))), ("y1", LCitySVG.coordinate(block.top)), ("y2", LCitySVG.coordinate(block.bottom))])
            }
        }
        close("g")
    }

    /// A text centred on `x`, moved only as far as it takes to keep it inside `0…width`.
    mutating func centredText(_ text: String, at x: Double, y: Double, fontSize: Double, within width: Double) {
        let half = TextMetrics.width(text, fontSize: fontSize) / 2
        let centre = max(half + 1, min(width - half - 1, x))
        element("text", [("x", LCitySVG.coordinate(centre)), ("y", LCitySVG.coordinate(y)), ("text-anchor", "middle"), ("font-size", LCitySVG.coordinate(fontSize))], text: text)
    }

    /// A block's title in bold on the row that starts at `top` (nothing for an empty label), cut with "…" to `width`.
    mutating func groupTitle(_ label: String, top: Double, rowHeight: Double, fontSize: Double, width: Double) {
        guard !label.isEmpty else { return }
        element("text", [("class", "chart-group-label"), ("font-weight", "700"), ("x", "0"), ("y", LCitySVG.coordinate(top + rowHeight / 2 + fontSize * 0.35)), ("font-size", LCitySVG.coordinate(fontSize))], text: TextMetrics.truncate(label, fontSize: fontSize, maxWidth: width - 2))
    }

    /// Notes under a plot (what a mark means), one `<tspan>` per line from `y` down, lines `fontSize + 3` apart;
    /// nothing for no lines.
    mutating func notes(_ lines: [String], y: Double, fontSize: Double) {
        guard !lines.isEmpty else { return }
        open("text", [("class", "chart-flag"), ("x", "0"), ("y", LCitySVG.coordinate(y)), ("font-size", LCitySVG.coordinate(fontSize))])
        for (index, line) in lines.enumerated() {
            element("tspan", [("x", "0"), ("dy", index == 0 ? "0" : LCitySVG.coordinate(fontSize + 3))], text: line)
        }
        close("text")
    }

    /// The diagonal hatch of flagged marks, defined once per chart as `id`.
    mutating func hatchPattern(id: String) {
        open("defs", [])
        open("pattern", [("id", id), ("width", "6"), ("height", "6"), ("patternUnits", "userSpaceOnUse"), ("patternTransform", "rotate(45)")])
        element("rect", [("class", "chart-hatch-bg"), ("width", "6"), ("height", "6")])
        element("line", [("class", "chart-hatch-line"), ("x1", "0"), ("y1", "0"), ("x2", "0"), ("y2", "6")])
        close("pattern")
        close("defs")
    }
}

/// A block of a row chart's rows: a group title (when `label` is not empty) above its items' rows.
public struct RowGroup<Item: Sendable>: Sendable {
    public var label: String
    public var items: [Item]

    public init(label: String, items: [Item]) {
        self.label = label
        self.items = items
    }
}

/// Where each group's title row, first item row and end lie, stacked from `top`: a title row only for a group with
/// a label.
func rowBlocks<Item>(_ groups: [RowGroup<Item>], top: Double, rowHeight: Double) -> [(title: Double, rows: Double, end: Double)] {
    var y = top
    return groups.map { group in
        let title = y
        y += group.label.isEmpty ? 0 : rowHeight
        let rows = y
        y += Double(group.items.count) * rowHeight
        return (title, rows, y)
    }
}
