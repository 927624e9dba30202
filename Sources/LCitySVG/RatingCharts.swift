/// The five-point rating scale (1 poor … 5 excellent) with one rating marked: an ordinal scale, not a bar.
public struct RatingScaleChart: SVGChart {
    public var id: String
    public var title: String
    public var description: String
    /// Level names from 1 (worst) to 5 (best).
    public var levels: [String]
    /// The rating to mark, 1…5.
    public var rating: Int

    public init(id: String, title: String, description: String, levels: [String], rating: Int) {
        self.id = id
        self.title = title
        self.description = description
        self.levels = levels
        self.rating = rating
    }

    public func svgBytes() -> [UInt8] {
        Frame(id: id, levels: levels).svgBytes(title: title, description: description, rating: rating)
    }

    /// What the rating scales of many items on the same levels share, drawn once per rating: a city profile draws
    /// one per expert-rated measure, and every city's scale of a measure differs only in its texts and its rating.
    public struct Frame: Sendable {
        let id: String
        /// The `<svg>` opening, as UTF-8.
        let head: [UInt8]
        /// The scale with nothing selected (index 0) and with each level selected (index = rating).
        let bodies: [[UInt8]]

        public init(id: String, levels: [String]) {
            self.id = id
            var svg = SVGWriter()
            openChartElement(&svg, id: id, width: 300, height: 52, kind: "rating")
            head = svg.utf8
            bodies = (0...levels.count).map { Self.body(levels: levels, rating: $0) }
        }

        static func body(levels: [String], rating: Int) -> [UInt8] {
            let font = 13.0
            let width = 300.0
            let cell = width / Double(max(levels.count, 1))
            var svg = SVGWriter()
            for (index, name) in levels.enumerated() {
                let value = index + 1
                let x = Double(index) * cell
                let selected = value == rating
                svg.element("rect", [("class", selected ? "chart-step is-selected" : "chart-step"), ("x", coordinate(x + 1)), ("y", "1"), ("width", coordinate(cell - 2)), ("height", "24"), ("rx", "3")])
                svg.element("text", [("class", selected ? "chart-step-value is-selected" : "chart-step-value"), ("x", coordinate(x + cell / 2)), ("y", "18"), ("text-anchor", "middle"), ("font-size", coordinate(font))], text: selected ? "▲ \(value)" : String(value))
                svg.element("text", [("class", selected ? "chart-label is-selected" : "chart-label"), ("x", coordinate(x + cell / 2)), ("y", "44"), ("text-anchor", "middle"), ("font-size", coordinate(font - 1))], text: TextMetrics.truncate(name, fontSize: font - 1, maxWidth: cell - 4))
            }
            return svg.utf8
        }

        /// One item's scale with `rating` selected.
        public func svg(title: String, description: String, rating: Int) -> String {
            String(decoding: svgBytes(title: title, description: description, rating: rating), as: UTF8.self)
        }

        /// `svg(title:description:rating:)` as UTF-8, for output kept as bytes.
        public func svgBytes(title: String, description: String, rating: Int) -> [UInt8] {
            var svg = SVGWriter()
            svg.raw(utf8: head)
            chartTexts(&svg, id: id, title: title, description: description)
            svg.raw(utf8: bodies.indices.contains(rating) ? bodies[rating] : bodies[0])
            svg.close("svg")
            return svg.utf8
        }
    }
}

/// How many items (cities) gave each rating 1…5: columns over the ordinal scale.
public struct RatingDistributionChart: SVGChart {
    public var id: String
    public var title: String
    public var description: String
    public var levels: [String]
    /// Count per level, index 0 = level 1.
    public var counts: [Int]
    /// A level to mark (a city's own rating), if any.
    public var highlightedLevel: Int?

    public init(id: String, title: String, description: String, levels: [String], counts: [Int], highlightedLevel: Int? = nil) {
        self.id = id
        self.title = title
        self.description = description
        self.levels = levels
        self.counts = counts
        self.highlightedLevel = highlightedLevel
    }

    public func svgBytes() -> [UInt8] {
        let font = 14.0
        let width = 440.0
        let left = 8.0
        let top = 24.0
        let plotHeight = 120.0
        let height = top + plotHeight + 44
        let column = (width - left * 2) / Double(max(levels.count, 1))
        let scale = NiceScale(covering: Double(counts.max() ?? 0), targetTicks: 4)
        var svg = SVGWriter()
        openChart(&svg, id: id, width: width, height: height, title: title, description: description, kind: "rating-distribution")
        for (index, name) in levels.enumerated() {
            let count = index < counts.count ? counts[index] : 0
            let x = left + Double(index) * column
            let barHeight = scale.position(Double(count), length: plotHeight)
            let selected = highlightedLevel == index + 1
            svg.open("g", [("class", selected ? "chart-row is-highlight" : "chart-row")])
            if count > 0 {
                svg.element("rect", [("class", selected ? "chart-bar chart-bar-highlight" : "chart-bar"), ("x", coordinate(x + column * 0.2)), ("y", coordinate(top + plotHeight - barHeight)), ("width", coordinate(column * 0.6)), ("height", coordinate(barHeight))])
            }
            svg.element("text", [("class", "chart-value"), ("x", coordinate(x + column / 2)), ("y", coordinate(top + plotHeight - barHeight - 6)), ("text-anchor", "middle"), ("font-size", coordinate(font))], text: String(count))
            svg.element("text", [("class", "chart-label"), ("x", coordinate(x + column / 2)), ("y", coordinate(top + plotHeight + 18)), ("text-anchor", "middle"), ("font-size", coordinate(font))], text: (selected ? "▲ " : "") + String(index + 1))
            svg.element("text", [("class", "chart-label"), ("x", coordinate(x + column / 2)), ("y", coordinate(top + plotHeight + 36)), ("text-anchor", "middle"), ("font-size", coordinate(font - 1))], text: TextMetrics.truncate(name, fontSize: font - 1, maxWidth: column - 4))
            svg.close("g")
        }
        svg.element("line", [("class", "chart-baseline"), ("x1", coordinate(left)), ("x2", coordinate(width - left)), ("y1", coordinate(top + plotHeight)), ("y2", coordinate(top + plotHeight))])
        svg.close("svg")
        return svg.utf8
    }
}
