import Foundation
import Testing

import LCityBuild
import LCityContent
import LCityPages
import LCityTestSupport

/// Real and illustrative cities: once one real city exists, illustrative ones stay out of everything computed across
/// cities, and the notice that every city is fictional is shown only while that is true.
@Suite("Real and illustrative cities")
struct IllustrativeTests {
    /// The fixture site (three illustrative cities) plus real cities reporting 3.1.1a (a count) in 2022.
    static func mixedSite(realValues: [Double] = [100, 200, 300, 400]) throws -> TestSite {
        let site = try TestSite()
        for (number, value) in realValues.enumerated() {
            try site.write(
                "content/cities/real-\(number).yaml",
                """
                name: {zh: 真实\(number), en: Real \(number)}
                illustrative: false
                country: KE
                region: africa
                population: \(300_000 + number * 10_000)
                observations:
                  3.1.1a:
                    - {year: 2022, value: \(Int(value)), source: {zh: 统计局, en: Statistics office}}
                  2.1.1a:
                    - {year: 2022, value: \(number % 5 + 1), source: {zh: 专家组, en: Expert panel}}

                """)
        }
        return site
    }

    static func model(_ site: TestSite) throws -> SiteModel {
        SiteModel(content: try #require(site.check().value))
    }

    @Test func mediansAndTablesOfAMixedNetworkLeaveIllustrativeCitiesOut() throws {
        let site = try Self.mixedSite()
        defer { site.remove() }
        let model = try Self.model(site)
        #expect(model.hasRealCities)
        #expect(!model.allIllustrative)
        #expect(model.countedCityCount == 4)
        let statistics = try #require(model.statistics["3.1.1a"])
        #expect(statistics.values.map(\.slug) == ["real-0", "real-1", "real-2", "real-3"])
        #expect(statistics.headline?.median == 250)
        #expect(statistics.headline?.minimum == 100)
        #expect(!statistics.missing.contains { $0 == "alpha" || $0 == "beta" || $0 == "gamma" })
        for measure in model.framework.measures {
            let listed = (model.statistics[measure.id]?.values.map(\.slug) ?? []) + (model.statistics[measure.id]?.missing ?? [])
            #expect(listed.allSatisfy { $0.hasPrefix("real-") }, "\(measure.id): \(listed)")
        }
    }

    @Test func similarCitiesAreOfTheSameKind() throws {
        let site = try Self.mixedSite()
        defer { site.remove() }
        let model = try Self.model(site)
        for city in model.cities {
            for peer in model.peers[city.slug] ?? [] {
                #expect(model.city(peer.slug)?.illustrative == city.illustrative, "\(city.slug) → \(peer.slug)")
            }
        }
        #expect(model.peers["real-0"]?.isEmpty == false)
    }

    @Test func anIncrementalEditKeepsIllustrativeCitiesOut() throws {
        let site = try Self.mixedSite()
        defer { site.remove() }
        let model = try Self.model(site)
        try site.edit("content/cities/real-0.yaml", replacing: "value: 100,", with: "value: 120,")
        let fresh = try Self.model(site)
        let edited = try #require(fresh.city("real-0"))
        let (updated, changed) = model.replacing(edited)
        #expect(changed == ["3.1.1a"])
        #expect(updated.statistics["3.1.1a"]?.summary == fresh.statistics["3.1.1a"]?.summary)
        #expect(updated.statistics["3.1.1a"]?.values.map(\.slug) == fresh.statistics["3.1.1a"]?.values.map(\.slug))
        #expect(updated.peers == fresh.peers)
    }

    @Test func noticeOnlyWhileEveryCityIsIllustrative() throws {
        let notice = "Every city on this site is a fictional example"
        let illustrative = try TestSite()
        defer { illustrative.remove() }
        let (allRendered, _) = illustrative.render()
        let allPage = String(decoding: try #require(allRendered?.files["en/measures/3.1.1a/index.html"]), as: UTF8.self)
        #expect(allPage.contains(notice))

        let mixed = try Self.mixedSite()
        defer { mixed.remove() }
        let (rendered, report) = mixed.render()
        #expect(report.diagnostics.errorCount == 0)
        let files = try #require(rendered?.files)
        let page = String(decoding: try #require(files["en/measures/3.1.1a/index.html"]), as: UTF8.self)
        #expect(!page.contains(notice))
        // The indicator table lists the real cities only, and counts them alone.
        #expect(page.contains("Real 0"))
        #expect(!page.contains(">Beta<"))
        // An illustrative city keeps its profile, marked, with its values but not on the real network's range.
        let beta = String(decoding: try #require(files["en/cities/beta/index.html"]), as: UTF8.self)
        #expect(beta.contains("notice-illustrative"))
        #expect(!beta.contains("chart-3.1.1a-strip"))
        let real = String(decoding: try #require(files["en/cities/real-0/index.html"]), as: UTF8.self)
        #expect(real.contains("chart-3.1.1a-strip"))
    }
}
