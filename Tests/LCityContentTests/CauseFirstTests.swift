import Foundation
import Testing

@testable import LCityContent
import LCityTestSupport

/// A problem in the files every city depends on is listed first, with what follows from it counted, not listed.
@Suite("Cause first")
struct CauseFirstTests {
    @Test func brokenMeasureIsReportedFirstWithTheCountOfWhatFollows() throws {
        let site = try TestSite.shipped()
        defer { site.remove() }
        // Measure 1.1.1a loses its 'source': every city's observations of 1.1.1a become unknown.
        try site.edit("content/framework.yaml", replacing: "source: official", with: "sorce: official")
        let diagnostics = site.check().diagnostics
        let first = try #require(diagnostics.first)
        #expect(first.location.file == "content/framework.yaml")
        #expect(!diagnostics.contains { $0.location.file.hasPrefix("content/cities/") })
        let notes = diagnostics.flatMap(\.notes).map(\.en).filter { $0.contains("follow from this") }
        #expect(notes.count == 1)
        #expect(notes.first?.hasSuffix("errors in 8 city files follow from this; fix it first") == true, "\(notes)")
        #expect(diagnostics.errorCount == 2)
    }

    @Test func brokenFrameworkStillValidatesTheCities() throws {
        let site = try TestSite.shipped()
        defer { site.remove() }
        try site.edit("content/framework.yaml", replacing: "\nunits:", with: "\nunits: [")
        try site.edit("content/cities/ain-thurayya.yaml", replacing: "population: 351000", with: "population: 0")
        let lines = site.diagnosticLines()
        #expect(lines.first?.hasPrefix("content/framework.yaml:") == true)
        #expect(lines.contains { $0.contains("errors in 10 city files follow from this; fix it first") })
        // Reported in the same run, not after the framework is fixed.
        #expect(lines.contains("content/cities/ain-thurayya.yaml:6:13: error: population must be positive, found 0"))
        #expect(!lines.contains { $0.contains("unknown measure id") })
    }

    @Test func brokenCountriesFileCollapsesUnknownCountriesOfEveryCity() throws {
        let site = try TestSite.shipped()
        defer { site.remove() }
        try site.edit("content/countries.yaml", replacing: "\nregions:", with: "\nregions: [")
        let diagnostics = site.check().diagnostics
        #expect(diagnostics.first?.location.file == "content/countries.yaml")
        #expect(!diagnostics.contains { $0.message.en.hasPrefix("unknown country code") })
        #expect(diagnostics.flatMap(\.notes).contains { $0.zh.contains("个城市文件中的") })
    }

    @Test func brokenUnitCountsTheMeasuresThatUseIt() throws {
        let site = try TestSite.shipped()
        defer { site.remove() }
        try site.edit("content/framework.yaml", replacing: "name: {zh: 百分比, en: percent}", with: "nme: {zh: 百分比, en: percent}")
        let diagnostics = site.check().diagnostics
        #expect(!diagnostics.contains { $0.message.en.contains("has unknown unit 'percent'") })
        #expect(diagnostics.flatMap(\.notes).contains { $0.en.hasSuffix("errors in 1 file follow from this; fix it first") })
    }

    @Test func causeFilesAreListedBeforeCityFiles() {
        let city = Diagnostic.error(.fileEmpty, at: SourceLocation(file: "content/cities/a.yaml", line: 1, column: 1))
        let framework = Diagnostic.error(.fileEmpty, at: SourceLocation(file: "content/framework.yaml", line: 9))
        let site = Diagnostic.error(.fileEmpty, at: SourceLocation(file: "content/site.yaml", line: 9))
        let page = Diagnostic.error(.fileEmpty, at: SourceLocation(file: "content/pages/x.en.md"))
        #expect([page, city, framework, site].sortedByLocation() == [site, framework, city, page])
    }
}
