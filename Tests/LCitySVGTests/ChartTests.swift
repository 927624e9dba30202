import Foundation
import Testing

@testable import LCitySVG
import LCityTestSupport

let goldenDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

/// Compares `svg` with `Golden/<name>.svg` byte for byte (re-record with LCITY_RECORD=1).
func expectGolden(_ svg: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let difference = try Golden.difference(svg + "\n", file: goldenDirectory.appendingPathComponent("\(name).svg"))
    #expect(difference == nil, "\(difference ?? "")", sourceLocation: sourceLocation)
}

let percent: @Sendable (Double) -> String = { value in
    (value.rounded() == value ? String(Int(value)) : String(format: "%.1f", value)) + "%"
}
let plain: @Sendable (Double) -> String = { value in value.rounded() == value ? String(Int(value)) : String(format: "%.1f", value) }

func bars(_ values: [(String, Double)], highlight: String? = nil) -> [BarChart.Bar] {
    values.map { BarChart.Bar(label: $0.0, value: $0.1, valueLabel: percent($0.1), highlighted: $0.0 == highlight) }
}

/// Numeric attribute values of every element named `element` with class containing `className`.
func attribute(_ name: String, of className: String, in svg: String) throws -> [Double] {
    let pattern = try NSRegularExpression(pattern: "<rect class=\"[^\"]*\(className)[^\"]*\"[^>]*? \(name)=\"([-0-9.]+)\"")
    let range = NSRange(svg.startIndex..., in: svg)
    return pattern.matches(in: svg, range: range).compactMap { Double(svg[Range($0.range(at: 1), in: svg)!]) }
}

@Suite("Bar chart")
struct BarChartTests {
    static let cities = [("Lanjiang", 96.1), ("Port Merrow", 88.5), ("Kesiwa", 80.4), ("Ouzirane", 76.3), ("Qiaolan", 98.2)]

    @Test func comparisonGolden() throws {
        let chart = BarChart(
            id: "c1", title: "Adult literacy rate", description: "Five cities, lowest 76.3%, highest 98.2%, median 88.5%.",
            bars: bars(Self.cities, highlight: "Kesiwa"), tickLabel: percent, axisLimit: 100, median: 88.5, medianLabel: "median 88.5%")
        try expectGolden(chart.svg(), "bars-comparison")
    }

    @Test func oneCity() throws {
        let chart = BarChart(id: "c2", title: "One", description: "One city.", bars: bars([("Solo", 42)]), tickLabel: percent, axisLimit: 100)
        try expectGolden(chart.svg(), "bars-one-city")
    }

    @Test func allEqualAndZeroValues() throws {
        let equal = BarChart(id: "c3", title: "Equal", description: "d", bars: bars([("A", 5), ("B", 5), ("C", 5)]), tickLabel: plain, median: 5, medianLabel: "median 5")
        try expectGolden(equal.svg(), "bars-all-equal")
        let zero = BarChart(id: "c4", title: "Zero", description: "d", bars: bars([("A", 0), ("B", 0)]), tickLabel: plain)
        let svg = zero.svg()
        #expect(try attribute("width", of: "chart-bar", in: svg) == [0, 0])
        #expect(svg.contains(">0%</text>"))
        try expectGolden(svg, "bars-zero")
        // Negative values are refused by validation; should one arrive, it is drawn at the baseline, never leftwards.
        let negative = BarChart(id: "c4n", title: "Negative", description: "d", bars: bars([("A", -5), ("B", 10)]), tickLabel: plain).svg()
        #expect(try attribute("width", of: "chart-bar", in: negative) == [attribute("width", of: "chart-bar", in: negative)[0], 0])
        #expect(try attribute("x", of: "chart-bar", in: negative).allSatisfy { $0 >= 0 })
    }

    @Test func longAndCJKNamesAreTruncatedToTheLabelColumn() throws {
        let chart = BarChart(
            id: "c5", title: "Names", description: "d",
            bars: bars([("A city with an extraordinarily long official name that goes on", 50), ("联合国教科文组织全球学习型城市网络示例城市", 70), ("短", 30)]),
            tickLabel: percent, axisLimit: 100)
        let svg = chart.svg()
        #expect(svg.contains("…</text>"))
        #expect(svg.contains("<title>联合国教科文组织全球学习型城市网络示例城市: 70%</title>"))
        try expectGolden(svg, "bars-long-names")
    }

    @Test func barsAreSortedStayInsideThePlotAndGrowWithValue() throws {
        let values = (0..<40).map { ("City \($0)", Double(($0 * 37) % 101)) }
        let chart = BarChart(id: "p", title: "t", description: "d", bars: bars(values), tickLabel: percent, axisLimit: 100)
        let svg = chart.svg()
        let widths = try attribute("width", of: "chart-bar", in: svg)
        let xs = try attribute("x", of: "chart-bar", in: svg)
        #expect(widths.count == 40)
        #expect(widths == widths.sorted(by: >), "bars sorted by value, largest first")
        let plotEnd = BarChart.width
        for (x, width) in zip(xs, widths) {
            #expect(width >= 0)
            #expect(x + width <= plotEnd)
        }
        // Monotone: a larger value never gets a shorter bar.
        let sortedValues = values.map(\.1).sorted(by: >)
        for index in 1..<sortedValues.count where sortedValues[index] < sortedValues[index - 1] {
            #expect(widths[index] <= widths[index - 1])
        }
    }

    @Test func tenThousandValuesBecomeADistribution() throws {
        var generator = SplitMix(seed: 7)
        let values = (0..<10_000).map { ("City \($0)", Double(generator.next() % 1000) / 10) }
        let chart = BarChart(
            id: "big", title: "Large network", description: "10,000 cities.", bars: bars(values, highlight: "City 42"),
            tickLabel: percent, axisLimit: 100, median: 50, medianLabel: "median 50%", countLabel: "number of cities")
        #expect(chart.showsDistribution)
        let svg = chart.svg()
        #expect(svg.count < 20_000, "the distribution view does not grow with the number of cities")
        #expect(svg.contains("▶ City 42: "))
        #expect(!svg.contains("City 43"))
        #expect(try attribute("height", of: "chart-bar", in: svg).count <= 20)
        try expectGolden(svg, "bars-distribution-10000")
    }

    @Test func outputIsDeterministic() {
        let make = { BarChart(id: "d", title: "t", description: "d", bars: bars(Self.cities), tickLabel: percent).svg() }
        #expect(make() == make())
    }

    @Test func textIsEscaped() {
        let chart = BarChart(id: "e", title: "A & B <c>", description: "\"quoted\"", bars: bars([("<script>", 1)]), tickLabel: plain)
        let svg = chart.svg()
        #expect(svg.contains("<title id=\"e-title\">A &amp; B &lt;c&gt;</title>"))
        #expect(!svg.contains("<script>"))
    }

    @Test func everyChartIsAnAccessibleImage() {
        let svg = BarChart(id: "a", title: "T", description: "D", bars: bars(Self.cities), tickLabel: plain).svg()
        #expect(svg.hasPrefix(#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="#))
        #expect(svg.contains(#"role="img" aria-labelledby="a-title a-desc""#))
        #expect(svg.contains(#"<title id="a-title">T</title><desc id="a-desc">D</desc>"#))
    }
}

@Suite("Other charts")
struct OtherChartTests {
    @Test func groupedBreakdownGolden() throws {
        let chart = GroupedBarChart(
            id: "g", title: "Literacy by sex", description: "Male and female for two cities; median gap 3.2 points.",
            groups: [
                .init(label: "Kesiwa", bars: [.init(label: "Male", value: 85.3, valueLabel: "85.3%"), .init(label: "Female", value: 75.3, valueLabel: "75.3%")]),
                .init(label: "桥岚市", bars: [.init(label: "男", value: 98.9, valueLabel: "98.9%"), .init(label: "女", value: 97.5, valueLabel: "97.5%")]),
            ], tickLabel: percent, axisLimit: 100)
        try expectGolden(chart.svg(), "grouped-breakdown")
    }

    @Test func ratingScaleMarksTheRatingWithoutColourAlone() throws {
        let levels = ["Poor", "Fair", "Good", "Very good", "Excellent"]
        let svg = RatingScaleChart(id: "r", title: "Rating", description: "Rated 4 (Very good).", levels: levels, rating: 4).svg()
        #expect(svg.contains("▲ 4"))
        #expect(svg.components(separatedBy: "is-selected").count - 1 == 3)
        try expectGolden(svg, "rating-scale")
    }

    @Test func ratingDistributionGolden() throws {
        let svg = RatingDistributionChart(
            id: "rd", title: "Ratings", description: "d", levels: ["很差", "一般", "好", "很好", "优秀"], counts: [0, 1, 4, 3, 2],
            highlightedLevel: 3
        ).svg()
        try expectGolden(svg, "rating-distribution")
    }

    @Test func yearsMarkFlaggedAndMissingValues() throws {
        let svg = YearBarChart(
            id: "y", title: "Over the years", description: "d",
            points: [
                .init(year: 2018, value: 21.5, valueLabel: "21.5%"), .init(year: 2020, value: nil, valueLabel: "n/a"),
                .init(year: 2022, value: 24.0, valueLabel: "24.0%", flag: "estimated"),
            ], tickLabel: percent, axisLimit: 100
        ).svg()
        #expect(svg.contains(#"fill="url(#y-hatch)""#))
        #expect(svg.contains(">24.0%*</text>"))
        #expect(svg.contains(">*estimated</text>"))
        #expect(svg.contains(">n/a</text>"))
        #expect(try attribute("height", of: "chart-bar", in: svg).count == 2, "a missing year is not drawn as zero")
        try expectGolden(svg, "years")
    }

    @Test func yearsDefineTheHatchOnlyWhenAColumnUsesIt() {
        let plainYears = YearBarChart(
            id: "p", title: "t", description: "d",
            points: [.init(year: 2019, value: 3, valueLabel: "3"), .init(year: 2021, value: 4, valueLabel: "4")],
            tickLabel: plain
        ).svg()
        #expect(!plainYears.contains("<defs>"))
        #expect(!plainYears.contains("hatch"))
        let flagged = YearBarChart(
            id: "f", title: "t", description: "d",
            points: [.init(year: 2019, value: 3, valueLabel: "3", flag: "estimated"), .init(year: 2021, value: 4, valueLabel: "4")],
            tickLabel: plain
        ).svg()
        #expect(flagged.contains(#"<pattern id="f-hatch""#))
        #expect(flagged.contains(#"fill="url(#f-hatch)""#))
    }

    /// A frame shared by many items draws each item's chart as the goldens show it, whatever it drew before.
    @Test func sharedFramesDrawTheGoldenCharts() throws {
        let strip = RangeStrip.Frame(id: "s", minimum: 10, median: 50, maximum: 90, axisMaximum: 100)
        _ = strip.svg(title: "Other", description: "Other city", value: 20)
        _ = strip.svg(title: "No value", description: "No value", value: nil)
        try expectGolden(
            strip.svg(title: "Against the network", description: "Range 10–90, median 50; this city 70.", value: 70),
            "range-strip")
        #expect(!strip.svg(title: "t", description: "d", value: nil).contains("chart-dot"))
        let scale = RatingScaleChart.Frame(id: "r", levels: ["Poor", "Fair", "Good", "Very good", "Excellent"])
        _ = scale.svg(title: "Other", description: "Rated 2", rating: 2)
        try expectGolden(scale.svg(title: "Rating", description: "Rated 4 (Very good).", rating: 4), "rating-scale")
        #expect(!scale.svg(title: "t", description: "d", rating: 0).contains("is-selected"))
    }

    @Test func rangeStripGolden() throws {
        let svg = RangeStrip(id: "s", title: "Against the network", description: "Range 10–90, median 50; this city 70.", minimum: 10, median: 50, maximum: 90, value: 70, axisMaximum: 100).svg()
        try expectGolden(svg, "range-strip")
    }

    @Test func houseLinksEveryPart() throws {
        let part = { (id: String) in HouseDiagram.Part(label: "\(id) Focus area with a fairly long name", href: "../focus-areas/\(id)/") }
        let svg = HouseDiagram(
            id: "h", title: "Framework", description: "Roof, pillars, foundation.",
            roofTitle: "Wider benefits", roof: ["1.1", "1.2", "1.3"].map(part),
            pillarsTitle: "Major building blocks", pillars: ["2.1", "2.2", "2.3", "2.4", "2.5", "2.6"].map(part),
            foundationTitle: "Fundamental conditions", foundation: ["3.1", "3.2", "3.3"].map(part)
        ).svg()
        #expect(svg.components(separatedBy: "<a href=").count - 1 == 12)
        try expectGolden(svg, "house")
    }
}

@Suite("Chart helpers")
struct ChartHelperTests {
    @Test(arguments: [
        (98.2, 100.0, 20.0), (7.3, 8.0, 2.0), (0.0, 1.0, 0.2), (1234.0, 1500.0, 500.0), (100.0, 100.0, 20.0), (3.0, 3.0, 1.0),
    ])
    func niceScaleUsesOneTwoFiveSteps(maximum: Double, expectedTop: Double, expectedStep: Double) {
        let scale = NiceScale(covering: maximum, targetTicks: 5, limit: nil)
        #expect(scale.maximum == expectedTop)
        #expect(scale.step == expectedStep)
        #expect(scale.ticks.first == 0)
    }

    @Test func percentAxisStopsAtOneHundred() {
        #expect(NiceScale(covering: 96, targetTicks: 4, limit: 100).maximum == 100)
        #expect(NiceScale(covering: 96, targetTicks: 4, limit: 100).ticks == [0, 50, 100])
        #expect(NiceScale(covering: 99, targetTicks: 5, limit: 100).maximum == 100)
    }

    @Test func cjkGlyphsAreTwiceAsWideAsLatin() {
        #expect(TextMetrics.width("学习型城市", fontSize: 10) == 50)
        #expect(TextMetrics.width("abcde", fontSize: 10) < 30)
    }

    @Test func wrapsLatinAtSpacesAndCJKAnywhere() {
        let text = "Inclusive learning in the education system"
        let latin = TextMetrics.wrap(text, fontSize: 14, maxWidth: 110)
        #expect(latin.count > 1)
        #expect(latin.joined(separator: " ") == text, "breaks only at spaces")
        #expect(latin.allSatisfy { TextMetrics.width($0, fontSize: 14) <= 110 })
        let lines = TextMetrics.wrap("教育体系内的包容性学习", fontSize: 14, maxWidth: 60)
        #expect(lines == ["教育体系", "内的包容", "性学习"])
    }

    @Test func coordinatesHaveOneDecimalAtMost() {
        #expect(coordinate(12) == "12")
        #expect(coordinate(12.345) == "12.3")
        #expect(coordinate(-0.04) == "0")
        #expect(coordinate(-0.25) == "-0.3")
    }
}

/// A small deterministic random generator for test data.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
