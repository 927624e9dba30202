/// Writes SVG markup with escaping and fixed number formatting, so the same chart gives the same bytes.
struct SVGWriter {
    private(set) var text: String

    init() {
        text = ""
        text.reserveCapacity(2048)
    }

    // Inlined so that the attribute arrays of the call sites can live on the stack.

    /// Opens an element; `attributes` keep their order.
    @inline(__always)
    mutating func open(_ name: String, _ attributes: [(String, String)] = []) {
        text.append("<")
        text.append(name)
        append(attributes)
        text.append(">")
    }

    mutating func close(_ name: String) {
        text.append("</")
        text.append(name)
        text.append(">")
    }

    /// A self-closing element.
    @inline(__always)
    mutating func element(_ name: String, _ attributes: [(String, String)]) {
        text.append("<")
        text.append(name)
        append(attributes)
        text.append("/>")
    }

    /// An element with text content.
    @inline(__always)
    mutating func element(_ name: String, _ attributes: [(String, String)], text content: String) {
        open(name, attributes)
        text.append(Self.escape(content))
        close(name)
    }

    mutating func raw(_ markup: String) {
        text.append(markup)
    }

    /// Text content, escaped.
    mutating func text(_ content: String) {
        text.append(Self.escape(content))
    }

    mutating func newline() {
        text.append("\n")
    }

    @inline(__always)
    private mutating func append(_ attributes: [(String, String)]) {
        for (name, value) in attributes {
            text.append(" ")
            text.append(name)
            text.append("=\"")
            text.append(Self.escape(value))
            text.append("\"")
        }
    }

    /// Escapes text and attribute values (most need nothing: returned as they are).
    static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 }) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 8)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.append(character)
            }
        }
        return result
    }
}

/// A coordinate with at most one decimal, no trailing zeros: `12`, `12.5`.
func coordinate(_ value: Double) -> String {
    let tenths = (value * 10).rounded()
    if tenths == 0 { return "0" }
    let whole = Int(tenths) / 10
    let fraction = abs(Int(tenths) % 10)
    var text = tenths < 0 && whole == 0 ? "-" : ""
    text.append(String(whole))
    if fraction != 0 {
        text.append(".")
        text.append(String(fraction))
    }
    return text
}

/// The `<svg>` opening shared by every chart: scaled by its viewBox, an image with a title and a description.
func openChart(_ writer: inout SVGWriter, id: String, width: Double, height: Double, title: String, description: String, kind: String) {
    openChartElement(&writer, id: id, width: width, height: height, kind: kind)
    chartTexts(&writer, id: id, title: title, description: description)
}

/// The `<svg>` element's opening tag of a chart.
func openChartElement(_ writer: inout SVGWriter, id: String, width: Double, height: Double, kind: String) {
    writer.open("svg", [
        ("xmlns", "http://www.w3.org/2000/svg"), ("viewBox", "0 0 \(coordinate(width)) \(coordinate(height))"),
        ("width", coordinate(width)), ("height", coordinate(height)), ("class", "chart chart-\(kind)"), ("role", "img"), ("aria-labelledby", "\(id)-title \(id)-desc"),
        ("id", id),
    ])
}

/// A chart's `<title>` and `<desc>`, which its `aria-labelledby` names.
func chartTexts(_ writer: inout SVGWriter, id: String, title: String, description: String) {
    writer.element("title", [("id", "\(id)-title")], text: title)
    writer.element("desc", [("id", "\(id)-desc")], text: description)
}

extension SVGWriter {
    /// Grid lines and tick labels along the top of a horizontal bar plot.
    mutating func horizontalValueAxis(
        _ scale: NiceScale, plotX: Double, plotWidth: Double, top: Double, plotHeight: Double, fontSize: Double,
        label: (Double) -> String
    ) {
        open("g", [("class", "chart-axis"), ("aria-hidden", "true")])
        for tick in scale.ticks {
            let x = plotX + scale.position(tick, length: plotWidth)
            element("line", [("class", "chart-grid"), ("x1", coordinate(x)), ("x2", coordinate(x)), ("y1", coordinate(top - 4)), ("y2", coordinate(top + plotHeight))])
            element("text", [("x", coordinate(x)), ("y", coordinate(top - 8)), ("text-anchor", "middle"), ("font-size", coordinate(fontSize - 1))], text: label(tick))
        }
        close("g")
    }
}
