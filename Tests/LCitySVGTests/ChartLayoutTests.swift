import Foundation
import Testing

@testable import LCitySVG

/// The geometry of a chart's texts and lines as its markup states them: each text's box from its position, anchor
/// and size and the width `TextMetrics` gives its content, each `<line>` as a segment. The browser check of
/// `make test` measures the same in Chromium with real fonts; this one runs on every chart kind with the longest
/// texts in use, in milliseconds.
struct ChartGeometry {
    struct Box: CustomStringConvertible {
        var text: String
        var minX, minY, maxX, maxY: Double
        var description: String { "\"\(text)\" [\(Int(minX))…\(Int(maxX)) × \(Int(minY))…\(Int(maxY))]" }

        func overlaps(_ other: Box) -> Bool {
            min(maxX, other.maxX) - max(minX, other.minX) > 0.5 && min(maxY, other.maxY) - max(minY, other.minY) > 0.5
        }

        /// Whether the segment crosses the box (sampled along its length).
        func isCrossed(by line: Line) -> Bool {
            let steps = 200
            return (0...steps).contains { step in
                let t = Double(step) / Double(steps)
                let x = line.x1 + (line.x2 - line.x1) * t
                let y = line.y1 + (line.y2 - line.y1) * t
                return x > minX + 0.5 && x < maxX - 0.5 && y > minY + 0.5 && y < maxY - 0.5
            }
        }
    }

    struct Line {
        var className: String
        var x1, y1, x2, y2: Double
    }

    var width: Double
    var height: Double
    var texts: [Box] = []
    var lines: [Line] = []

    init(_ svg: String) {
        let viewBox = Self.attributes(in: svg.components(separatedBy: ">")[0])["viewBox"]?.split(separator: " ").compactMap { Double($0) } ?? []
        width = viewBox.count == 4 ? viewBox[2] : 0
        height = viewBox.count == 4 ? viewBox[3] : 0
        // Texts: one box per line (a text, or each of its tspans).
        let textPattern = try! NSRegularExpression(pattern: "<text([^>]*)>(.*?)</text>", options: [.dotMatchesLineSeparators])
        let tspanPattern = try! NSRegularExpression(pattern: "<tspan([^>]*)>(.*?)</tspan>")
        for match in textPattern.matches(in: svg, range: NSRange(svg.startIndex..., in: svg)) {
            let attributes = Self.attributes(in: String(svg[Range(match.range(at: 1), in: svg)!]))
            let body = String(svg[Range(match.range(at: 2), in: svg)!]).replacingOccurrences(of: "<title>.*?</title>", with: "", options: .regularExpression)
            let size = Double(attributes["font-size"] ?? "") ?? 14
            let anchor = attributes["text-anchor"] ?? "start"
            var x = Double(attributes["x"] ?? "") ?? 0
            var y = Double(attributes["y"] ?? "") ?? 0
            let spans = tspanPattern.matches(in: body, range: NSRange(body.startIndex..., in: body))
            let lines: [(String, [String: String])] = spans.isEmpty
                ? [(body, [:])]
                : spans.map { (String(body[Range($0.range(at: 2), in: body)!]), Self.attributes(in: String(body[Range($0.range(at: 1), in: body)!]))) }
            for (content, spanAttributes) in lines {
                if let spanX = spanAttributes["x"].flatMap(Double.init) { x = spanX }
                if let dy = spanAttributes["dy"].flatMap(Double.init) { y += dy }
                let text = Self.unescape(content)
                let width = TextMetrics.width(text, fontSize: size)
                let minX = anchor == "end" ? x - width : anchor == "middle" ? x - width / 2 : x
                texts.append(Box(text: text, minX: minX, minY: y - size * 0.8, maxX: minX + width, maxY: y + size * 0.22))
            }
        }
        let linePattern = try! NSRegularExpression(pattern: "<line([^>]*)/>")
        for match in linePattern.matches(in: svg, range: NSRange(svg.startIndex..., in: svg)) {
            let attributes = Self.attributes(in: String(svg[Range(match.range(at: 1), in: svg)!]))
            let number = { (name: String) in Double(attributes[name] ?? "") ?? 0 }
            lines.append(Line(className: attributes["class"] ?? "", x1: number("x1"), y1: number("y1"), x2: number("x2"), y2: number("y2")))
        }
    }

    static func attributes(in tag: String) -> [String: String] {
        let pattern = try! NSRegularExpression(pattern: #"([a-zA-Z0-9-]+)="([^"]*)""#)
        var result: [String: String] = [:]
        for match in pattern.matches(in: tag, range: NSRange(tag.startIndex..., in: tag)) {
            result[String(tag[Range(match.range(at: 1), in: tag)!])] = String(tag[Range(match.range(at: 2), in: tag)!])
        }
        return result
    }

    static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
    }

    /// Every problem: a text outside the SVG, two texts overlapping, a line (other than a grid line, which value
    /// labels may sit over) running through a text.
    var problems: [String] {
        var found: [String] = []
        for box in texts where box.minX < -0.5 || box.maxX > width + 0.5 || box.minY < -0.5 || box.maxY > height + 0.5 {
            found.append("outside the \(Int(width))×\(Int(height)) SVG: \(box)")
        }
        for (index, box) in texts.enumerated() {
            for other in texts[(index + 1)...] where box.overlaps(other) {
                found.append("overlap: \(box) and \(other)")
            }
            for line in lines where line.className != "chart-grid" && box.isCrossed(by: line) {
                found.append("line \(line.className.isEmpty ? "(median)" : line.className) through \(box)")
            }
        }
        return found
    }
}

@Suite("Chart layout: every text inside, none overlapping, no line through a text")
struct ChartLayoutTests {
    static let longNames = [
        "Campo Orvalho", "A city with an extraordinarily long official name that goes on and on",
        "联合国教科文组织全球学习型城市网络示例城市名称", "مدينة ذات اسم طويل جدا للغاية في المنطقة العربية", "Ouzirane", "Qiaolan",
    ]
    static let longCategories = [
        "Community learning centres and other non-formal settings", "Adult and continuing education",
        "学前教育", "Primary and lower secondary education in public schools",
    ]
    static let levels = ["Poor", "Fair", "Good", "Very good", "Excellent"]
    static let chineseLevels = ["很差", "一般", "好", "很好", "优秀"]

    func expectClean(_ svg: String, _ chart: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let geometry = ChartGeometry(svg)
        #expect(!geometry.texts.isEmpty, "\(chart): texts found", sourceLocation: sourceLocation)
        #expect(geometry.problems.isEmpty, "\(chart): \(geometry.problems.joined(separator: "\n"))", sourceLocation: sourceLocation)
    }

    @Test(arguments: [1.5, 48.0, 99.9, 1_234_567.0])
    func dotStrip(scale: Double) {
        let groups = [
            DotStripChart.Group(label: "Latin America and the Caribbean", items: Self.longNames.prefix(3).enumerated().map { (offset: Int, name: String) -> DotStripChart.Item in
                let value = Double(offset + 1) * scale / 3
                return DotStripChart.Item(label: name, value: value, valueLabel: percent(value) + " (2022)", flag: offset == 1 ? "estimated" : nil)
            }),
            DotStripChart.Group(label: "الدول العربية", items: Self.longNames.dropFirst(3).enumerated().map { (offset: Int, name: String) -> DotStripChart.Item in
                let value = Double(offset) * scale / 2
                return DotStripChart.Item(label: name, value: value, valueLabel: percent(value))
            }),
        ]
        let median = scale / 2
        expectClean(
            DotStripChart(
                id: "d", title: "t", description: "d", groups: groups, tickLabel: percent, median: median, medianLabel: "median \(percent(median))",
                flagNote: "* Flagged value (estimated, provisional, break in series, low reliability): the table gives each value's flag."
            ).svg(), "dot strip at \(scale)")
    }

    @Test(arguments: [1.5, 48.0, 99.9, 1_234_567.0])
    func dumbbell(scale: Double) {
        let groups = [
            DumbbellChart.Group(label: "", items: [DumbbellChart.Item(label: "Median of these cities", first: scale / 3, latest: scale / 2, valueLabel: "\(percent(scale / 3)) → \(percent(scale / 2))")]),
            DumbbellChart.Group(label: "Latin America and the Caribbean", items: Self.longNames.enumerated().map { (offset: Int, name: String) -> DumbbellChart.Item in
                let first = Double(offset + 1) * scale / 7, latest = Double(7 - offset) * scale / 7
                return DumbbellChart.Item(label: name, first: first, latest: latest, valueLabel: "\(percent(first)) → \(percent(latest))", joined: offset != 2)
            }),
        ]
        expectClean(
            DumbbellChart(
                id: "p", title: "t", description: "d", groups: groups, tickLabel: percent, legend: "○ first reported year   ● latest reported year",
                breakNote: "† break in series or change of source: the two values are not joined."
            ).svg(), "dumbbell at \(scale)")
    }

    @Test func histogram() {
        let items = (0..<500).map { (index: Int) -> HistogramChart.Item in
            let value = Double(index % 97)
            return HistogramChart.Item(label: "City \(index)", value: value, valueLabel: percent(value), highlighted: index == 3)
        }
        expectClean(
            HistogramChart(id: "h", title: "t", description: "d", items: items, tickLabel: percent, axisLimit: 100, median: 48, medianLabel: "median 48%", countLabel: "number of cities").svg(),
            "histogram")
    }

    @Test func groupedBars() {
        let groups = Self.longNames.map { (name: String) -> GroupedBarChart.Group in
            GroupedBarChart.Group(label: name, bars: Self.longCategories.enumerated().map { (offset: Int, category: String) -> GroupedBarChart.Bar in
                let value = Double(offset * 30 + 5)
                return GroupedBarChart.Bar(label: category, value: value, valueLabel: percent(value))
            })
        }
        expectClean(GroupedBarChart(id: "g", title: "t", description: "d", groups: groups, tickLabel: percent, axisLimit: 100).svg(), "grouped bars")
        let single = [GroupedBarChart.Group(label: "", bars: Self.longCategories.map { .init(label: $0, value: 1_234_567, valueLabel: "1,234,567 learners") })]
        expectClean(GroupedBarChart(id: "s", title: "t", description: "d", groups: single, tickLabel: plain).svg(), "one group's bars")
    }

    @Test func years() {
        let points = (0..<5).map { (index: Int) -> YearBarChart.Point in
            let value = Double(index) * 250_000
            let missing = index == 2
            return YearBarChart.Point(
                year: 2019 + index, value: missing ? nil : value, valueLabel: missing ? "not available" : plain(value),
                flag: index == 3 ? "break in series" : nil)
        }
        expectClean(YearBarChart(id: "y", title: "t", description: "d", points: points, tickLabel: plain).svg(), "years")
    }

    @Test func ratingsOverYears() {
        for levels in [Self.levels, Self.chineseLevels] {
            let points = [
                RatingYearsChart.Point(year: 2017, rating: 1, valueLabel: "1 \(levels[0])"),
                RatingYearsChart.Point(year: 2019, rating: nil, valueLabel: "not available"),
                RatingYearsChart.Point(year: 2021, rating: 5, valueLabel: "5 \(levels[4])", flag: "provisional"),
                RatingYearsChart.Point(year: 2023, rating: 3, valueLabel: "3 \(levels[2])"),
            ]
            expectClean(RatingYearsChart(id: "r", title: "t", description: "d", levels: levels, points: points).svg(), "ratings over years")
        }
    }

    @Test func ratingScalesAndDistribution() {
        for levels in [Self.levels, Self.chineseLevels] {
            expectClean(RatingScaleChart(id: "s", title: "t", description: "d", levels: levels, rating: 4).svg(), "rating scale")
            expectClean(
                RatingDistributionChart(id: "d", title: "t", description: "d", levels: levels, counts: [0, 12, 140, 99, 3], highlightedLevel: 3).svg(),
                "rating distribution")
        }
    }

    @Test func house() {
        let part = { (id: String) in HouseDiagram.Part(label: "\(id) Inclusive learning in the education system and beyond it", href: "#") }
        for roofTitle in ["Wider benefits of building a modern learning city", "建设现代学习型城市带来的广泛效益"] {
            let svg = HouseDiagram(
                id: "h", title: "t", description: "d", roofTitle: roofTitle, roof: ["1.1", "1.2", "1.3"].map(part),
                pillarsTitle: "Major building blocks of a learning city", pillars: ["2.1", "2.2", "2.3", "2.4", "2.5", "2.6"].map(part),
                foundationTitle: "Fundamental conditions for building a learning city", foundation: ["3.1", "3.2", "3.3"].map(part)
            ).svg()
            expectClean(svg, "house")
            #expect(!svg.contains("ci…"), "the roof's title is wrapped, not cut: \(roofTitle)")
        }
    }

    /// The check itself finds what it is meant to find.
    @Test func theCheckSeesOverlapsAndOverflow() {
        let svg = #"<svg viewBox="0 0 100 40"><text x="-5" y="20" font-size="14">Campo Orvalho</text><text x="10" y="22" font-size="14">x</text><line class="chart-median" x1="30" y1="0" x2="30" y2="40"/></svg>"#
        let problems = ChartGeometry(svg).problems
        #expect(problems.contains { $0.hasPrefix("outside") })
        #expect(problems.contains { $0.hasPrefix("overlap") })
        #expect(problems.contains { $0.hasPrefix("line chart-median") }, "\(problems)")
    }
}
