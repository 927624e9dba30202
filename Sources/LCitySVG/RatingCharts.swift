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

/// One item's ratings over the years on the five-level scale: a row per level (1 at the bottom, 5 at the top, each
/// named), a column per year, a dot at the year's level, consecutive years joined. Levels are ordinal: no bar from
/// zero suggests that one level is a multiple of another. Flagged ratings are hatched and marked with "*".
public struct RatingYearsChart: SVGChart {
    public struct Point: Sendable {
        public var year: Int
        /// 1…5; nil when the rating was reported as not available.
        public var rating: Int?
        /// The rating as shown ("4 Very good"), or the not-available text.
        public var valueLabel: String
        /// The flag's short name ("estimated"), if any.
        public var flag: String?

        public init(year: Int, rating: Int?, valueLabel: String, flag: String? = nil) {
            self.year = year
            self.rating = rating
            self.valueLabel = valueLabel
            self.flag = flag
        }
    }

    public var id: String
    public var title: String
    public var description: String
    /// Level names from 1 (lowest) to 5 (highest).
    public var levels: [String]
    public var points: [Point]

    public init(id: String, title: String, description: String, levels: [String], points: [Point]) {
        self.id = id
        self.title = title
        self.description = description
        self.levels = levels
        self.points = points
    }

    public func svgBytes() -> [UInt8] {
        let font = 12.0
        let points = points.sorted { $0.year < $1.year }
        let levelLabels = levels.enumerated().map { "\($0.offset + 1) \($0.element)" }
        let left = min(120, (levelLabels.map { TextMetrics.width($0, fontSize: font) }.max() ?? 0)) + 8
        let column = 52.0
        let width = left + Double(max(points.count, 1)) * column + 4
        let top = 12.0  // room above the top level's label
        let step = 18.0
        let plotHeight = step * Double(max(levels.count - 1, 1))
        let hasFlags = points.contains { $0.flag != nil }
        let yearY = top + plotHeight + 20
        let height = yearY + 6
        let y = { (rating: Int) in top + plotHeight - Double(rating - 1) * step }
        let x = { (index: Int) in left + (Double(index) + 0.5) * column }

        var svg = SVGWriter()
        openChart(&svg, id: id, width: width, height: height, title: title, description: description, kind: "rating-years")
        if hasFlags { svg.hatchPattern(id: "\(id)-hatch") }
        svg.open("g", [("class", "chart-axis"), ("aria-hidden", "true")])
        for (index, label) in levelLabels.enumerated() {
            let levelY = y(index + 1)
            svg.element("line", [("class", "chart-grid"), ("x1", coordinate(left)), ("x2", coordinate(width - 2)), ("y1", coordinate(levelY)), ("y2", coordinate(levelY))])
            svg.element("text", [("x", "0"), ("y", coordinate(levelY + font * 0.35)), ("font-size", coordinate(font))], text: TextMetrics.truncate(label, fontSize: font, maxWidth: left - 8))
        }
        svg.close("g")
        // Lines between consecutive rated years only: a year without a rating breaks the line.
        for index in points.indices.dropLast() {
            guard let from = points[index].rating, let to = points[index + 1].rating else { continue }
            svg.element("line", [("class", "chart-connector"), ("x1", coordinate(x(index))), ("x2", coordinate(x(index + 1))), ("y1", coordinate(y(from))), ("y2", coordinate(y(to)))])
        }
        for (index, point) in points.enumerated() {
            svg.open("g", [("class", point.flag == nil ? "chart-row" : "chart-row is-flagged")])
            svg.element("title", [], text: "\(point.year): \(point.valueLabel)" + (point.flag.map { " (\($0))" } ?? ""))
            if let rating = point.rating, (1...levels.count).contains(rating) {
                var dot: [(StaticString, String)] = [("class", point.flag == nil ? "chart-point" : "chart-point chart-point-flagged"), ("cx", coordinate(x(index))), ("cy", coordinate(y(rating))), ("r", "5.5")]
                if point.flag != nil { dot.append(("fill", "url(#\(id)-hatch)")) }
                svg.element("circle", dot)
            } else {
                // Between two level lines, so that the text crosses none.
                svg.element("text", [("class", "chart-missing"), ("x", coordinate(x(index))), ("y", coordinate(y(3) - step / 2 + font * 0.35)), ("text-anchor", "middle"), ("font-size", coordinate(font - 1))], text: TextMetrics.truncate(point.valueLabel, fontSize: font - 1, maxWidth: column - 4))
            }
            svg.element("text", [("class", "chart-label"), ("x", coordinate(x(index))), ("y", coordinate(yearY)), ("text-anchor", "middle"), ("font-size", coordinate(font))], text: String(point.year) + (point.flag == nil ? "" : "*"))
            svg.close("g")
        }
        svg.close("svg")
        return svg.utf8
    }
}
