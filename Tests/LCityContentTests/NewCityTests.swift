import Foundation
import Testing

@testable import LCityContent
import LCityTestSupport

@Suite("New city template")
struct NewCityTests {
    @Test func templateListsEveryMeasureAndPassesCheckOnceFilledIn() throws {
        let site = try TestSite.shipped()
        defer { site.remove() }
        let content = try #require(site.check().value)
        let text = CityTemplate.yaml(slug: "new-town", content: content, year: 2025)
        for measure in content.framework.measures {
            #expect(text.contains("  # \(measure.id):\n"), "\(measure.id) missing from the template")
        }
        #expect(text.contains("成人识字率"))
        #expect(text.contains("Adult literacy rate"))
        #expect(text.contains("source type: expert"))

        // As generated, the identity fields are empty: check says exactly where.
        try site.write("content/cities/new-town.yaml", text)
        let lines = site.diagnosticLines()
        #expect(lines.contains("content/cities/new-town.yaml:5:12: error: name (zh) must not be empty"))
        #expect(site.check().value == nil)

        // A coordinator fills in the identity and uncomments two measures.
        var filled = text
            .replacingOccurrences(of: #"name: {zh: "", en: ""}"#, with: "name: {zh: 新城, en: New Town}")
            .replacingOccurrences(of: #"country: """#, with: "country: KE")
            .replacingOccurrences(of: #"region: """#, with: "region: africa")
            .replacingOccurrences(of: "population: 0", with: "population: 250000")
            .replacingOccurrences(of: "# coordinates: {lat: 0.0, lon: 0.0}", with: "coordinates: {lat: -0.1, lon: 34.7}")
        filled = filled.replacingOccurrences(
            of: "  # 1.1.1a:\n  #   - year: 2025\n  #     values: {male: , female: , total: }\n  #     source: {zh: , en: }",
            with: "  1.1.1a:\n    - year: 2025\n      values: {male: 80, female: 78, total: 79}\n      source: {zh: 统计局, en: Statistics office}")
        filled = filled.replacingOccurrences(
            of: "  # 3.3.5a:\n  #   - year: 2025\n  #     value: \n  #     source: {zh: , en: }",
            with: "  3.3.5a:\n    - year: 2025\n      value: 4\n      source: {zh: 专家组, en: Expert panel}")
        try site.write("content/cities/new-town.yaml", filled)
        // The new city is real, the shipped ones illustrative: check says so once, and nothing else.
        #expect(site.diagnosticLines() == [
            "content/cities/new-town.yaml: warning: the network has 1 real and 10 illustrative cities",
            "content/cities/new-town.yaml: note: an illustrative city: content/cities/ain-thurayya.yaml",
            "content/cities/new-town.yaml: note: illustrative cities are left out of the network's statistics, indicator tables and similar cities; their own profiles are marked as fictional",
        ])
        let city = try #require(site.check().value?.cities.first { $0.slug == "new-town" })
        #expect(city.series.map(\.measureID.value) == ["1.1.1a", "3.3.5a"])
    }

    @Test func uncommentedButUnfilledMeasureIsAnError() throws {
        let site = try TestSite()
        defer { site.remove() }
        let content = try #require(site.check().value)
        let text = CityTemplate.yaml(slug: "x", content: content, year: 2025)
            .replacingOccurrences(of: #"name: {zh: "", en: ""}"#, with: "name: {zh: 新城, en: New Town}")
            .replacingOccurrences(of: #"country: """#, with: "country: KE")
            .replacingOccurrences(of: #"region: """#, with: "region: africa")
            .replacingOccurrences(of: "population: 0", with: "population: 250000")
        // The coordinator uncomments a block but forgets the value and the source.
        try site.write("content/cities/x.yaml", text + "  3.1.1a:\n    - year: 2025\n      value: \n      source: {zh: , en: }\n")
        let lines = site.diagnosticLines()
        let count = text.split(separator: "\n", omittingEmptySubsequences: false).count
        #expect(lines.contains("content/cities/x.yaml:\(count + 2):13: error: value is empty"))
        #expect(lines.contains("content/cities/x.yaml:\(count + 3):20: error: source (zh) must not be empty"))
    }
}
