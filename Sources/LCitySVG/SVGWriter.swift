/// Writes SVG markup with escaping and fixed number formatting, so the same chart gives the same bytes.
struct SVGWriter {
    /// The markup so far, UTF-8: appending bytes costs a fraction of appending to a `String`, and a city profile
    /// writes some hundred thousand pieces.
    private var bytes: [UInt8]

    init() {
        bytes = []
        bytes.reserveCapacity(2048)
    }

    /// The markup written.
    var text: String { String(decoding: bytes, as: UTF8.self) }

    // Inlined so that the attribute arrays of the call sites can live on the stack.

    /// Opens an element; `attributes` keep their order.
    @inline(__always)
    mutating func open(_ name: String, _ attributes: [(String, String)] = []) {
        bytes.append(UInt8(ascii: "<"))
        bytes.append(contentsOf: name.utf8)
        append(attributes)
        bytes.append(UInt8(ascii: ">"))
    }

    mutating func close(_ name: String) {
        bytes.append(UInt8(ascii: "<"))
        bytes.append(UInt8(ascii: "/"))
        bytes.append(contentsOf: name.utf8)
        bytes.append(UInt8(ascii: ">"))
    }

    /// A self-closing element.
    @inline(__always)
    mutating func element(_ name: String, _ attributes: [(String, String)]) {
        bytes.append(UInt8(ascii: "<"))
        bytes.append(contentsOf: name.utf8)
        append(attributes)
        bytes.append(UInt8(ascii: "/"))
        bytes.append(UInt8(ascii: ">"))
    }

    /// An element with text content.
    @inline(__always)
    mutating func element(_ name: String, _ attributes: [(String, String)], text content: String) {
        open(name, attributes)
        text(content)
        close(name)
    }

    mutating func raw(_ markup: String) {
        bytes.append(contentsOf: markup.utf8)
    }

    /// Text content, escaped.
    mutating func text(_ content: String) {
        appendEscaped(content)
    }

    mutating func newline() {
        bytes.append(0x0A)
    }

    @inline(__always)
    private mutating func append(_ attributes: [(String, String)]) {
        for (name, value) in attributes {
            bytes.append(UInt8(ascii: " "))
            bytes.append(contentsOf: name.utf8)
            bytes.append(UInt8(ascii: "="))
            bytes.append(UInt8(ascii: "\""))
            appendEscaped(value)
            bytes.append(UInt8(ascii: "\""))
        }
    }

    /// Appends `text` escaped for text content and attribute values.
    private mutating func appendEscaped(_ text: String) {
        let utf8 = text.utf8
        guard utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 }) else {
            bytes.append(contentsOf: utf8)
            return
        }
        for byte in utf8 {
            switch byte {
            case 0x26: bytes.append(contentsOf: "&amp;".utf8)
            case 0x3C: bytes.append(contentsOf: "&lt;".utf8)
            case 0x3E: bytes.append(contentsOf: "&gt;".utf8)
            case 0x22: bytes.append(contentsOf: "&quot;".utf8)
            default: bytes.append(byte)
            }
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
