/// The Key Features framework drawn as a house: a roof of wider benefits, pillars of building blocks and
/// foundation steps, each part a link to its focus area.
public struct HouseDiagram: SVGChart {
    public struct Part: Sendable {
        public var label: String
        public var href: String

        public init(label: String, href: String) {
            self.label = label
            self.href = href
        }
    }

    public var id: String
    public var title: String
    public var description: String
    public var roofTitle: String
    public var roof: [Part]
    public var pillarsTitle: String
    public var pillars: [Part]
    public var foundationTitle: String
    public var foundation: [Part]

    public init(
        id: String, title: String, description: String, roofTitle: String, roof: [Part], pillarsTitle: String,
        pillars: [Part], foundationTitle: String, foundation: [Part]
    ) {
        self.id = id
        self.title = title
        self.description = description
        self.roofTitle = roofTitle
        self.roof = roof
        self.pillarsTitle = pillarsTitle
        self.pillars = pillars
        self.foundationTitle = foundationTitle
        self.foundation = foundation
    }

    public func svgBytes() -> [UInt8] {
        let font = 14.0
        let width = 720.0
        let roofHeight = 190.0
        let pillarTitleY = roofHeight + 22
        let pillarTop = roofHeight + 32
        let pillarHeight = 150.0
        let stepHeight = 40.0
        let foundationTop = pillarTop + pillarHeight + 32
        let height = foundationTop + Double(max(foundation.count, 1)) * stepHeight + 8
        var svg = SVGWriter()
        svg.open("svg", [
            ("xmlns", "http://www.w3.org/2000/svg"), ("viewBox", "0 0 \(coordinate(width)) \(coordinate(height))"),
            ("width", coordinate(width)), ("height", coordinate(height)), ("class", "chart chart-house"), ("role", "group"), ("aria-labelledby", "\(id)-title \(id)-desc"), ("id", id),
        ])
        svg.element("title", [("id", "\(id)-title")], text: title)
        svg.element("desc", [("id", "\(id)-desc")], text: description)

        // Roof: a gable with the group title, then one box per focus area.
        svg.element("polygon", [("class", "house-roof"), ("points", "\(coordinate(width / 2)),4 \(coordinate(width - 4)),\(coordinate(roofHeight)) 4,\(coordinate(roofHeight))")])
        roofTitleText(&svg, width: width, roofHeight: roofHeight, boxesTop: 100, font: font)
        let roofBoxWidth = 170.0
        let roofStart = (width - Double(roof.count) * (roofBoxWidth + 10) + 10) / 2
        for (index, part) in roof.enumerated() {
            link(&svg, part, x: roofStart + Double(index) * (roofBoxWidth + 10), y: 100, width: roofBoxWidth, height: 76, font: font, kind: "roof")
        }

        // Pillars.
        svg.element("text", [("class", "house-title"), ("x", coordinate(width / 2)), ("y", coordinate(pillarTitleY)), ("text-anchor", "middle"), ("font-size", coordinate(font))], text: pillarsTitle)
        let gap = 10.0
        let pillarWidth = (width - 40 - Double(max(pillars.count - 1, 0)) * gap) / Double(max(pillars.count, 1))
        for (index, part) in pillars.enumerated() {
            link(&svg, part, x: 20 + Double(index) * (pillarWidth + gap), y: pillarTop, width: pillarWidth, height: pillarHeight, font: font, kind: "pillar")
        }

        // Foundation: steps widening downwards.
        svg.element("text", [("class", "house-title"), ("x", coordinate(width / 2)), ("y", coordinate(foundationTop - 8)), ("text-anchor", "middle"), ("font-size", coordinate(font))], text: foundationTitle)
        for (index, part) in foundation.enumerated() {
            let inset = Double(foundation.count - 1 - index) * 24
            link(&svg, part, x: 4 + inset, y: foundationTop + Double(index) * stepHeight, width: width - 8 - 2 * inset, height: stepHeight - 4, font: font, kind: "step")
        }
        svg.close("svg")
        return svg.utf8
    }

    /// The roof's title, on as few lines as fit between the roof's slopes above its boxes: each line is only as
    /// wide as the gable at its top, with a margin.
    private func roofTitleText(_ svg: inout SVGWriter, width: Double, roofHeight: Double, boxesTop: Double, font: Double) {
        let lineHeight = font * 1.3
        let bottom = boxesTop - 8
        let gableWidth = { (y: Double) in max(0, (y - 4) / (roofHeight - 4) * (width - 8)) - 2 * font }
        var lines = [roofTitle]
        for count in 1...3 {
            let firstTop = bottom - Double(count) * lineHeight
            lines = TextMetrics.wrap(roofTitle, fontSize: font, maxWidth: gableWidth(firstTop), maxLines: count)
            if lines.allSatisfy({ !$0.hasSuffix("…") }) || count == 3 { break }
        }
        let firstBaseline = bottom - Double(lines.count - 1) * lineHeight - font * 0.3
        svg.open("text", [("class", "house-title"), ("x", coordinate(width / 2)), ("y", coordinate(firstBaseline)), ("text-anchor", "middle"), ("font-size", coordinate(font))])
        for (index, line) in lines.enumerated() {
            svg.element("tspan", [("x", coordinate(width / 2)), ("dy", index == 0 ? "0" : coordinate(lineHeight))], text: line)
        }
        if lines.contains(where: { $0.hasSuffix("…") }) { svg.element("title", [], text: roofTitle) }
        svg.close("text")
    }

    private func link(_ svg: inout SVGWriter, _ part: Part, x: Double, y: Double, width: Double, height: Double, font: Double, kind: String) {
        svg.open("a", [("href", part.href), ("class", "house-link house-part-\(kind)")])
        svg.element("rect", [("x", coordinate(x)), ("y", coordinate(y)), ("width", coordinate(width)), ("height", coordinate(height)), ("rx", "4")])
        let lines = TextMetrics.wrap(part.label, fontSize: font, maxWidth: width - 12, maxLines: max(1, Int((height - 8) / (font * 1.3))))
        let lineHeight = font * 1.3
        let firstY = y + height / 2 - Double(lines.count - 1) * lineHeight / 2 + font * 0.35
        svg.open("text", [("x", coordinate(x + width / 2)), ("y", coordinate(firstY)), ("text-anchor", "middle"), ("font-size", coordinate(font))])
        for (index, line) in lines.enumerated() {
            svg.element("tspan", [("x", coordinate(x + width / 2)), ("dy", index == 0 ? "0" : coordinate(lineHeight))], text: line)
        }
        svg.close("text")
        svg.close("a")
    }
}
