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

func items(_ values: [(String, Double)], flagged: Set<String> = []) -> [DotStripChart.Item] {
    values.map { DotStripChart.Item(label: $0.0, value: $0.1, valueLabel: percent($0.1), flag: flagged.contains($0.0) ? "estimated" : nil) }
}

func histogramItems(_ values: [(String, Double)], highlight: String? = nil) -> [HistogramChart.Item] {
    values.map { HistogramChart.Item(label: $0.0, value: $0.1, valueLabel: percent($0.1), highlighted: $0.0 == highlight) }
}

/// Numeric attribute values of every element named `element` with class containing `className`.
func attribute(_ name: String, of className: String, in svg: String) throws -> [Double] {
    let pattern = try NSRegularExpression(pattern: "<(?:rect|circle) class=\"[^\"]*\(className)[^\"]*\"[^>]*? \(name)=\"([-0-9.]+)\"")
    let range = NSRange(svg.startIndex..., in: svg)
    return pattern.matches(in: svg, range: range).compactMap { Double(svg[Range($0.range(at: 1), in: svg)!]) }
}

@Suite("Dot strip and histogram")
struct NetworkChartTests {
    static let cities = [("Kesiwa", 80.4), ("Lanjiang", 96.1), ("Ouzirane", 76.3), ("Port Merrow", 88.5), ("Qiaolan", 98.2)]

    static func strip(_ values: [(String, Double)], flagged: Set<String> = [], id: String = "c1") -> DotStripChart {
        DotStripChart(
            id: id, title: "Adult literacy rate", description: "Five cities by region, alphabetical.",
            groups: [
                .init(label: "Africa", items: items(Array(values.prefix(2)), flagged: flagged)),
                .init(label: "Asia and the Pacific", items: items(Array(values.dropFirst(2)), flagged: flagged)),
            ],
            tickLabel: percent, axisLimit: 100, median: 88.5, medianLabel: "median 88.5%",
            flagNote: "* Flagged value (estimated): the table gives each value's flag.")
    }

    /// First and latest values: the axis spans the values, the unjoined row is marked, the median row on top.
    @Test func dumbbellGolden() throws {
        let chart = DumbbellChart(
            id: "chart-1.1.4b-progress", title: "Social mobility: first and latest reported value per city",
            description: "Rows join each city's first reported value to its latest.",
            groups: [
                DumbbellChart.Group(label: "", items: [DumbbellChart.Item(label: "Median of these cities", first: 45.2, latest: 46.5, valueLabel: "45.2% → 46.5%")]),
                DumbbellChart.Group(label: "Arab States", items: [
                    DumbbellChart.Item(label: "Ain Thurayya", first: 35.9, latest: 36.5, valueLabel: "35.9% → 36.5%"),
                    DumbbellChart.Item(label: "Ouzirane", first: 56.1, latest: 56.6, valueLabel: "56.1% → 56.6%"),
                ]),
                DumbbellChart.Group(label: "Asia and the Pacific", items: [
                    DumbbellChart.Item(label: "Qiaolan", first: 38.1, latest: 38.7, valueLabel: "38.1% → 38.7%", joined: false, detail: "Qiaolan: 2021: 38.1% → 2023: 38.7% (break in series)"),
                ]),
            ],
            tickLabel: { "\(Int($0))%" }, axisLimit: 100, legend: "○ first reported year   ● latest reported year",
            breakNote: "† break in series or change of source: the two values are not joined.")
        let svg = chart.svg()
        // The unjoined row has its two circles and no line between them; the joined rows have theirs.
        #expect(svg.components(separatedBy: "class=\"chart-change\"").count - 1 == 3)
        #expect(svg.contains("38.7%†"))
        try expectGolden(svg, "dumbbell-progress")
    }

    @Test func dotStripGolden() throws {
        try expectGolden(Self.strip(Self.cities, flagged: ["Ouzirane"]).svg(), "dots-by-region")
    }

    /// The chart keeps the caller's (alphabetical) order: a row's position says nothing of its value.
    @Test func rowsKeepTheCallersOrderNotTheValues() throws {
        let svg = Self.strip(Self.cities).svg()
        let names = Self.cities.map(\.0)
        let positions = names.map { svg.range(of: ">\($0)</text>")!.lowerBound }
        #expect(positions == positions.sorted(), "rows in the given order")
        let xs = try attribute("cx", of: "chart-point", in: svg)
        #expect(xs.count == 5)
        #expect(xs != xs.sorted(by: >) && xs != xs.sorted(), "dots placed by value, not drawn as a sorted column")
    }

    @Test func flaggedValuesAreHatchedStarredAndExplained() throws {
        let plainChart = Self.strip(Self.cities).svg()
        #expect(!plainChart.contains("hatch"))
        #expect(!plainChart.contains("Flagged value"), "the note appears only when a value is flagged")
        let flagged = Self.strip(Self.cities, flagged: ["Kesiwa"]).svg()
        #expect(flagged.contains(#"fill="url(#c1-hatch)""#))
        #expect(flagged.contains(">80.4%*</text>"))
        #expect(flagged.contains("<title>Kesiwa: 80.4% (estimated)</title>"))
        #expect(flagged.contains("* Flagged value (estimated)"))
    }

    @Test func oneCityAndEqualValues() throws {
        let one = DotStripChart(
            id: "c2", title: "One", description: "One city.", groups: [.init(label: "Europe", items: items([("Solo", 42)]))],
            tickLabel: percent, axisLimit: 100)
        try expectGolden(one.svg(), "dots-one-city")
        let equal = DotStripChart(
            id: "c3", title: "Equal", description: "d", groups: [.init(label: "Arab States", items: items([("A", 5), ("B", 5), ("C", 5)]))],
            tickLabel: plain, median: 5, medianLabel: "median 5")
        #expect(Set(try attribute("cx", of: "chart-point", in: equal.svg())).count == 1)
        // Zero values sit on the axis's start, never before it.
        let zero = DotStripChart(id: "c4", title: "Zero", description: "d", groups: [.init(label: "G", items: items([("A", 0), ("B", 0)]))], tickLabel: plain)
        let zeroes = try attribute("cx", of: "chart-point", in: zero.svg())
        #expect(Set(zeroes).count == 1 && zeroes[0] > 0)
    }

    @Test func longNamesAreAbbreviatedWithTheFullNameInTheTitle() throws {
        let names = [
            ("A city with an extraordinarily long official name that goes on", 50.0), ("联合国教科文组织全球学习型城市网络示例城市", 70.0),
            ("مدينة ذات اسم طويل جدا للغاية في المنطقة العربية", 30.0),
        ]
        let svg = DotStripChart(
            id: "c5", title: "Names", description: "d", groups: [.init(label: "Everywhere", items: items(names))], tickLabel: percent,
            axisLimit: 100
        ).svg()
        #expect(svg.contains("…</text>"))
        #expect(svg.contains("<title>联合国教科文组织全球学习型城市网络示例城市: 70%</title>"))
        try expectGolden(svg, "dots-long-names")
    }

    @Test func tenThousandValuesBecomeADistribution() throws {
        var generator = SplitMix(seed: 7)
        let values = (0..<10_000).map { ("City \($0)", Double(generator.next() % 1000) / 10) }
        let chart = HistogramChart(
            id: "big", title: "Large network", description: "10,000 cities.", items: histogramItems(values, highlight: "City 42"),
            tickLabel: percent, axisLimit: 100, median: 50, medianLabel: "median 50%", countLabel: "number of cities")
        let svg = chart.svg()
        #expect(svg.count < 20_000, "the distribution view does not grow with the number of cities")
        #expect(svg.contains("▶ City 42: "))
        #expect(!svg.contains("City 43"))
        #expect(try attribute("height", of: "chart-bar", in: svg).count <= 20)
        try expectGolden(svg, "histogram-10000")
    }

    @Test func outputIsDeterministic() {
        #expect(Self.strip(Self.cities).svg() == Self.strip(Self.cities).svg())
    }

    @Test func textIsEscaped() {
        let chart = DotStripChart(
            id: "e", title: "A & B <c>", description: "\"quoted\"", groups: [.init(label: "G", items: items([("<script>", 1)]))],
            tickLabel: plain)
        let svg = chart.svg()
        #expect(svg.contains("<title id=\"e-title\">A &amp; B &lt;c&gt;</title>"))
        #expect(!svg.contains("<script>"))
    }

    @Test func everyChartIsAnAccessibleImage() {
        let svg = Self.strip(Self.cities, id: "a").svg()
        #expect(svg.hasPrefix(#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="#))
        #expect(svg.contains(#"role="img" aria-labelledby="a-title a-desc""#))
        #expect(svg.contains(#"<title id="a-title">Adult literacy rate</title><desc id="a-desc">"#))
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
        #expect(svg.contains("<title>2022: 24.0% (estimated)</title>"))
        #expect(svg.contains(">n/a</text>"))
        #expect(try attribute("height", of: "chart-bar", in: svg).count == 2, "a missing year is not drawn as zero")
        try expectGolden(svg, "years")
    }

    /// Ratings are levels, not amounts: dots on five named levels, no bar from zero, a missing year breaks the line.
    @Test func ratingsOverYearsSitOnTheFiveLevels() throws {
        let svg = RatingYearsChart(
            id: "ry", title: "Ratings over the years", description: "d", levels: ["Poor", "Fair", "Good", "Very good", "Excellent"],
            points: [
                .init(year: 2017, rating: 3, valueLabel: "3 Good"), .init(year: 2019, rating: 4, valueLabel: "4 Very good"),
                .init(year: 2021, rating: nil, valueLabel: "n/a"), .init(year: 2023, rating: 5, valueLabel: "5 Excellent", flag: "provisional"),
            ]
        ).svg()
        #expect(!svg.contains("chart-bar"))
        for label in ["1 Poor", "3 Good", "5 Excellent"] { #expect(svg.contains(">\(label)</text>")) }
        let ys = try attribute("cy", of: "chart-point", in: svg)
        #expect(ys.count == 3)
        #expect(ys[0] > ys[1] && ys[1] > ys[2], "higher levels are drawn higher")
        #expect(ys[1] - ys[2] == (ys[0] - ys[1]), "the levels are evenly spaced")
        #expect(svg.components(separatedBy: "chart-connector").count - 1 == 1, "only 2017–2019 joined: 2021 has no rating")
        #expect(svg.contains(">2023*</text>") && svg.contains(#"fill="url(#ry-hatch)""#))
        try expectGolden(svg, "rating-years")
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
        #expect(!strip.svg(title: "t", description: "d", value: nil).contains("chart-dot\""))
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
