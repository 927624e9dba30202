import Foundation
import Testing

@testable import LCityContent
import LCityTestSupport

/// The plausibility warnings: values far outside the network's, jumps beyond a unit's `yearly_change`, texts copied
/// into the other language or written in the other script, and networks mixing real and illustrative cities.
@Suite("Plausibility")
struct PlausibilityTests {
    /// The fixture site plus one city per value, each reporting 3.1.1a (a count) in 2022.
    static func site(values: [Double], illustrative: Bool = true) throws -> TestSite {
        let site = try TestSite()
        for (number, value) in values.enumerated() {
            try site.write(
                "content/cities/extra-\(number).yaml",
                """
                name: {zh: 城市\(number), en: Extra \(number)}
                illustrative: \(illustrative)
                country: DE
                region: europe_north_america
                observations:
                  3.1.1a:
                    - {year: 2022, value: \(NumberText.plain(value)), source: Office}

                """)
        }
        return site
    }

    static let ordinary: [Double] = [10, 11, 12, 13, 14, 15, 16, 17, 18]

    @Test func valueFarOutsideTheNetworkWarnsWithQuartilesAndFence() throws {
        let site = try Self.site(values: Self.ordinary + [1000])
        defer { site.remove() }
        let lines = site.diagnosticLines()
        #expect(lines == [
            "content/cities/extra-9.yaml:7:27: warning: 3.1.1a is 1000, far above the network's values (quartiles 12–16, far out above 43)",
            "content/cities/extra-9.yaml:7:27: note: far out is more than 3 interquartile ranges beyond the quartiles (on a logarithmic scale) of the latest values of the network's 11 cities",
            "content/cities/extra-9.yaml:7:27: note: check the figure, its unit and its decimal point (an extra zero?); if it is right, the warning can be ignored",
        ])
        let chinese = site.check().diagnostics.first.map { $0.text(in: .zh) } ?? ""
        #expect(chinese.contains("警告：指标 3.1.1a 是 1000 个，远高于网络中的数值（四分位数为 12–16，极端值的界限为高于 43 个）"))
    }

    @Test func smallPoolsAndPoolsWithoutSpreadNeverWarn() throws {
        let small = try Self.site(values: [10, 11, 12, 1000])
        defer { small.remove() }
        #expect(small.diagnosticLines() == [])
        let flat = try Self.site(values: [12, 12, 12, 12, 12, 12, 12, 12, 1000])
        defer { flat.remove() }
        #expect(flat.diagnosticLines() == [])
    }

    @Test func realAndIllustrativeCitiesArePooledApart() throws {
        // Nine real cities with ordinary values; the outlier is illustrative, pooled with the fixture's three.
        let site = try Self.site(values: Self.ordinary, illustrative: false)
        defer { site.remove() }
        try site.write(
            "content/cities/odd.yaml",
            """
            name: {zh: 奇怪, en: Odd}
            illustrative: true
            country: DE
            region: europe_north_america
            observations:
              3.1.1a:
                - {year: 2022, value: 1000, source: Office}

            """)
        let lines = site.diagnosticLines()
        #expect(!lines.contains { $0.contains("far above") })
        // The mixed network is said once, at a real city's file, naming an illustrative one.
        #expect(lines == [
            "content/cities/extra-0.yaml: warning: the network has 9 real and 4 illustrative cities",
            "content/cities/extra-0.yaml: note: an illustrative city: content/cities/alpha.yaml",
            "content/cities/extra-0.yaml: note: illustrative cities are left out of the network's statistics, indicator tables and similar cities; their own profiles are marked as fictional",
        ])
    }

    @Test func cityCheckedAloneGetsWhatTheFullCheckGives() throws {
        let site = try Self.site(values: Self.ordinary + [30])
        defer { site.remove() }
        let content = try #require(site.check().value)
        // The file now says 1000; the loaded content still has 30.
        try site.edit("content/cities/extra-9.yaml", replacing: "value: 30,", with: "value: 1000,")
        let loaded = ContentLoader(root: site.root).loadCity(
            "content/cities/extra-9.yaml", languages: content.config.languages,
            optionalLanguages: content.config.partialLanguages)
        let city = try #require(loaded.value)
        let alone = testValidator.validate(city: city, in: content).map(\.description)
        let full = site.check().diagnostics.filter { $0.location.file == "content/cities/extra-9.yaml" }.map(\.description)
        #expect(!alone.isEmpty)
        #expect(alone == full)
    }

    /// The fixture site with `yearly_change` on the count unit and beta's 3.1.1a given as `observations`.
    static func jumpSite(_ rule: String, _ observations: String) throws -> TestSite {
        let site = try TestSite()
        try site.edit("content/framework.yaml", replacing: "  count:\n", with: "  count:\n    yearly_change: \(rule)\n")
        try site.edit(
            "content/cities/beta.yaml", replacing: "    - {year: 2022, value: 12, source: \"Survey, 2022 (n = 1,000)\"}",
            with: observations)
        return site
    }

    @Test func jumpBeyondTheYearlyFactorWarnsWithBothYears() throws {
        let site = try Self.jumpSite(
            "{factor: 2}",
            """
                - {year: 2020, value: 12, source: Office}
                - {year: 2022, value: 120, source: Office}
            """)
        defer { site.remove() }
        #expect(site.diagnosticLines() == [
            "content/cities/beta.yaml:17:27: warning: 3.1.1a went from 12 in 2020 to 120 in 2022: a change by a factor of 10, more than the 3 that unit 'count' allows over 2 years (2 a year)",
            "content/cities/beta.yaml:17:27: note: the 2020 value is at content/cities/beta.yaml:16:27",
            "content/cities/beta.yaml:17:27: note: check both figures; if the method or definition changed between them, add 'flag: break' to the later year",
        ])
    }

    @Test func jumpsWithinTheScaledLimitBreaksAndZerosDoNotWarn() throws {
        // A factor of 2.9 over two years is within 1 + (2 − 1) × 2 = 3; a break is not compared; from zero there is
        // no factor.
        for observations in [
            "    - {year: 2020, value: 12, source: Office}\n    - {year: 2022, value: 35, source: Office}",
            "    - {year: 2020, value: 12, source: Office}\n    - {year: 2022, value: 120, source: Office, flag: break}",
            "    - {year: 2020, value: 0, source: Office}\n    - {year: 2022, value: 120, source: Office}",
        ] {
            let site = try Self.jumpSite("{factor: 2}", observations)
            defer { site.remove() }
            #expect(site.diagnosticLines() == [], "\(observations)")
        }
    }

    @Test func jumpBeyondTheYearlyPointsWarns() throws {
        let site = try Self.jumpSite(
            "{points: 5}",
            """
                - {year: 2021, value: 12, source: Office}
                - {year: 2022, value: ~, note: {zh: 未收集, en: Not collected}}
                - {year: 2023, value: 25, source: Office}
            """)
        defer { site.remove() }
        let lines = site.diagnosticLines()
        #expect(lines.first == "content/cities/beta.yaml:18:27: warning: 3.1.1a went from 12 in 2021 to 25 in 2023: a change of 13, more than the 10 that unit 'count' allows over 2 years (5 a year)")
    }

    @Test(arguments: [
        ("{points: 0}", "warning"), ("{factor: 1}", "factor"), ("{}", "exactly one"), ("{points: 5, factor: 2}", "exactly one"),
        ("{percent: 5}", "unknown"),
    ])
    func yearlyChangeIsCheckedWhenTheFrameworkLoads(rule: String, expected: String) throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.edit("content/framework.yaml", replacing: "  count:\n", with: "  count:\n    yearly_change: \(rule)\n")
        let errors = site.check().diagnostics.filter { $0.severity == .error }.map(\.description)
        #expect(errors.count >= 1)
        if expected != "warning" {
            #expect(errors.contains { $0.contains(expected) }, "\(errors)")
        }
    }

    /// beta's source of 3.1.1a given as `source`.
    static func textLines(_ source: String) throws -> [String] {
        let site = try TestSite()
        defer { site.remove() }
        try site.edit("content/cities/beta.yaml", replacing: "source: \"Survey, 2022 (n = 1,000)\"", with: "source: \(source)")
        return site.diagnosticLines()
    }

    @Test func textCopiedIntoTheOtherLanguageWarns() throws {
        let lines = try Self.textLines("{zh: Statistics Office, en: Statistics Office}")
        #expect(lines == [
            "content/cities/beta.yaml:16:44: warning: source has the same zh and en text, copied rather than translated: 'Statistics Office'",
            "content/cities/beta.yaml:16:44: note: translate it; or, if it reads the same in every language (a name, an abbreviation), write it once without languages: Statistics Office",
        ])
    }

    @Test func sameTextWrittenOnceOrWithoutLettersDoesNotWarn() throws {
        #expect(try Self.textLines("Statistics Office") == [])
        #expect(try Self.textLines("{zh: \"2022\", en: \"2022\"}") == [])
    }

    @Test func textsInTheOtherScriptWarn() throws {
        let english = try Self.textLines("{zh: 市统计局, en: 市统计局年鉴 2022}")
        #expect(english == [
            "content/cities/beta.yaml:16:54: warning: the en text of source is mostly Chinese characters: '市统计局年鉴 2022'",
            "content/cities/beta.yaml:16:54: note: write English after en: and Chinese after zh: (are the two swapped?)",
        ])
        let chinese = try Self.textLines("{zh: Statistics Office, en: City Statistics Office}")
        #expect(chinese == [
            "content/cities/beta.yaml:16:44: warning: the zh text of source has Latin words and no Chinese character: 'Statistics Office'",
            "content/cities/beta.yaml:16:44: note: write English after en: and Chinese after zh: (are the two swapped?)",
        ])
        // Chinese naming things in Latin letters has Chinese characters too; an English text may quote a Chinese name.
        #expect(try Self.textLines("{zh: 2023年PISA测试, en: PISA 2023}") == [])
        #expect(try Self.textLines("{zh: 市统计局, en: City Statistics Office (市统计局)}") == [])
    }

    @Test func quartilesInterpolateLinearly() {
        #expect(OutlierFences.quantile([1, 2, 3, 4], 0.25) == 1.75)
        #expect(OutlierFences.quantile([1, 2, 3, 4], 0.75) == 3.25)
        #expect(OutlierFences.quantile([5], 0.75) == 5)
    }
}
