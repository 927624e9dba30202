import Foundation
import Testing

@testable import LCityContent
import LCityTestSupport

/// Release files: written and read back, compared, and the warning for a value revised since the previous release.
@Suite("Releases")
struct ReleaseTests {
    /// Two small releases of two cities: 2025.1 and 2025.2.
    static let earlier = """
        city,name_zh,name_en,measure,category,year,value,flag
        qiaolan,桥岚市,Qiaolan,1.1.2b,,2019,27.5,
        qiaolan,桥岚市,Qiaolan,1.1.2b,,2021,28.9,provisional
        qiaolan,桥岚市,Qiaolan,1.2.1a,,2022,24811,
        qiaolan,桥岚市,Qiaolan,1.2.2a,male,2022,5,
        qiaolan,桥岚市,Qiaolan,1.2.2a,female,2022,5.4,
        fernhaven,芬港,Fernhaven,1.1.2b,,2023,,

        """
    static let later = """
        city,name_zh,name_en,measure,category,year,value,flag
        qiaolan,桥岚市,Qiaolan,1.1.2b,,2019,27.5,
        qiaolan,桥岚市,Qiaolan,1.1.2b,,2021,29.1,
        qiaolan,桥岚市,Qiaolan,1.2.1a,,2022,248110,
        qiaolan,桥岚市,Qiaolan,1.2.2a,female,2022,5.4,
        qiaolan,桥岚市,Qiaolan,1.2.2a,female,2023,5.1,estimated
        kesiwa,凯西瓦,Kesiwa,1.1.2b,,2023,40,

        """

    static func read(_ text: String, _ version: String) throws -> ReleaseData {
        let sink = DiagnosticSink()
        let data = ReleaseData.read(text, version: version, file: "content/releases/\(version).csv", sink: sink)
        #expect(sink.diagnostics.isEmpty, "\(sink.diagnostics)")
        return try #require(data)
    }

    @Test func comparesTwoReleasesValueByValue() throws {
        let site = try TestSite.shipped()
        defer { site.remove() }
        let framework = try #require(site.check().value).framework
        let comparison = ReleaseComparison(
            from: try Self.read(Self.earlier, "2025.1"), to: try Self.read(Self.later, "2025.2"), framework: framework)
        #expect(comparison.from == "2025.1" && comparison.to == "2025.2")
        #expect(comparison.cities.map(\.slug) == ["fernhaven", "kesiwa", "qiaolan"])
        #expect(comparison.citiesAdded.map(\.slug) == ["kesiwa"])
        #expect(comparison.citiesRemoved.map(\.slug) == ["fernhaven"])
        let qiaolan = try #require(comparison.city("qiaolan"))
        let listed = qiaolan.changes.map { "\($0.kind.rawValue) \($0.key.measure) \($0.key.category) \($0.key.year)" }
        // Framework order of measures, then category order (male before female), then year.
        #expect(listed == [
            "revised 1.1.2b  2021", "revised 1.2.1a  2022", "withdrawn 1.2.2a male 2022", "added 1.2.2a female 2023",
        ])
        #expect(qiaolan.changes[1].before?.value == 24811 && qiaolan.changes[1].after?.value == 248110)
        // A flag alone is a revision: provisional → none.
        #expect(qiaolan.changes[0].before?.flag == "provisional" && qiaolan.changes[0].after?.flag == nil)
        #expect(comparison.count(.added) == 2 && comparison.count(.revised) == 2 && comparison.count(.withdrawn) == 2)
        // Not available counts as a value: fernhaven's withdrawn value had none.
        #expect(comparison.city("fernhaven")?.changes.first?.before == ReleasedValue(value: nil, flag: nil))
    }

    @Test func theShippedDataRoundTripsThroughTheReleaseFile() throws {
        let site = try TestSite.shipped()
        defer { site.remove() }
        let content = try #require(site.check().value)
        let data = ReleaseData(version: "x", cities: content.cities)
        let text = data.csv(languages: content.config.languages, framework: content.framework)
        let read = try Self.read(text, "x")
        #expect(read.cities == data.cities)
        // Written again from what was read, the text is the same: the file is a fixed point.
        #expect(read.csv(languages: content.config.languages, framework: content.framework) == text)
    }

    @Test func aBrokenReleaseFileIsReportedAtItsLineAndColumn() {
        let sink = DiagnosticSink()
        let text = "city,measure,category,year,value,flag\nqiaolan,1.1.2b,,2019,27.5,\nqiaolan,1.1.2b,,2021,about 30,\nBad Slug,1.1.2b,,2021,3,\n"
        let data = ReleaseData.read(text, version: "v", file: "content/releases/v.csv", sink: sink)
        let lines = sink.diagnostics.map(\.description)
        #expect(lines.contains { $0.hasPrefix("content/releases/v.csv:3:22: error: value must be a number, found 'about 30'") }, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("content/releases/v.csv:4:1: error:") }, "\(lines)")
        #expect(data?.cities["qiaolan"]?.values.count == 1)
        let missing = DiagnosticSink()
        #expect(ReleaseData.read("city,year\n", version: "v", file: "v.csv", sink: missing) == nil)
        #expect(missing.diagnostics.first?.description.contains("measure, category, value, flag") == true)
    }

    @Test func versionsAreOrderedByTheirNumbers() {
        #expect(Release.precedes("2025.2", "2026.1"))
        #expect(Release.precedes("2026.9", "2026.10"))
        #expect(!Release.precedes("2026.10", "2026.9"))
        #expect(Release.precedes("2026", "2026.1"))
        #expect(Release.isValidVersion("2026.1-rc1") && !Release.isValidVersion("../x") && !Release.isValidVersion(".hidden"))
    }

    @Test func aValueRevisedSinceThePreviousReleaseIsAWarningWithBothValues() throws {
        let site = try TestSite.shipped()
        defer { site.remove() }
        // The shipped content checks clean against its previous release (its one revision says `revised: "2026.1"`).
        #expect(site.check(strict: true).diagnostics.isEmpty, "\(site.check(strict: true).diagnostics)")
        try site.edit("content/cities/qiaolan.yaml", replacing: "      value: 24811\n", with: "      value: 248110\n")
        let lines = site.diagnosticLines()
        #expect(lines.contains {
            $0.hasPrefix("content/cities/qiaolan.yaml:")
                && $0.contains("warning: 1.2.1a 2022 was revised since release 2025.2: it was 24811 and is now 248110")
        }, "\(lines)")
        #expect(lines.contains { $0.contains("revised: \"2026.1\"") })
        // Marked as an intended correction of this release, it is not.
        try site.edit(
            "content/cities/qiaolan.yaml", replacing: "      value: 248110\n", with: "      value: 248110\n      revised: \"2026.1\"\n")
        #expect(!site.diagnosticLines().contains { $0.contains("was revised since release") })
    }
}
