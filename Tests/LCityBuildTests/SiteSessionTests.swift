import Foundation
import Testing

import LCityContent
@testable import LCityPages
@testable import LCityBuild
import LCityTestSupport

@Suite("Incremental rebuilds")
struct SiteSessionTests {
    func session(_ site: TestSite) -> SiteSession {
        var options = Pipeline.BuildOptions()
        options.validator = testValidator
        return SiteSession(root: site.root, options: options)
    }

    /// After any incremental rebuild, the site must be exactly what a full build of the same content gives (once
    /// the downloads' workbook and archive, left out by an edit, are made).
    func expectSameAsFullBuild(_ session: SiteSession, _ site: TestSite, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        session.completeBundles()
        let (full, _) = site.render()
        guard let full else {
            Issue.record("the full build failed", sourceLocation: sourceLocation)
            return
        }
        let differing = SiteSession.difference(session.files, full.files)
        #expect(differing == [], "incremental output differs from a full build", sourceLocation: sourceLocation)
    }

    @Test func firstBuildEqualsAFullRender() throws {
        let site = try TestSite()
        defer { site.remove() }
        let session = session(site)
        let report = session.rebuildAll()
        #expect(report.kind == .full)
        expectSameAsFullBuild(session, site)
    }

    @Test(arguments: [
        // A value that stays inside the network's range: only the city, its indicator pages and downloads.
        ("values: {male: 82, female: 74.4, total: 78.1}", "values: {male: 82, female: 74.4, total: 77.9}"),
        // A new minimum: every city profile shows the network's range, so all profiles change.
        ("value: 1234.5, source: Police", "value: 3.5, source: Police"),
        // A measure no longer reported: counts on the framework pages change.
        ("  1.1.1b:\n    - {year: 2021, value: 1234.5, source: Police}\n", ""),
        // A year added to a series.
        ("  2.1.1a:\n    - {year: 2021, value: 3,", "  2.1.1a:\n    - {year: 2019, value: 2, source: Panel}\n    - {year: 2021, value: 3,"),
        // The description (Markdown) only.
        ("en: A **fictional** city.", "en: A *fictional* city with [data](/data/all.csv)."),
    ])
    func cityEditRebuildsExactlyWhatAFullBuildWould(old: String, new: String) throws {
        let site = try TestSite()
        defer { site.remove() }
        let session = session(site)
        session.rebuildAll()
        try site.edit("content/cities/alpha.yaml", replacing: old, with: new)
        let report = session.rebuild(changed: ["content/cities/alpha.yaml"])
        #expect(report.kind == .incremental)
        #expect(report.changedPaths.contains("en/cities/alpha/index.html"))
        #expect(report.pagesRendered < 50)
        expectSameAsFullBuild(session, site)
    }

    /// The city's rows in `data/all.csv` and a measure's CSV are replaced where they stand; a measure the city did
    /// not report before has no rows to replace, and its CSV is made again.
    @Test func aMeasureDroppedAndReportedAgainLeavesAndReentersTheTables() throws {
        let site = try TestSite()
        defer { site.remove() }
        let session = session(site)
        session.rebuildAll()
        let series = "  1.1.1b:\n    - {year: 2021, value: 1234.5, source: Police}\n"
        let tables = ["data/all.csv", "data/measures/1.1.1b.csv"]
        for (old, new) in [(series, ""), ("", series)] {
            let file = try String(contentsOf: site.url("content/cities/alpha.yaml"), encoding: .utf8)
            let edited = old.isEmpty ? file.replacingOccurrences(of: "observations:\n", with: "observations:\n" + new) : file.replacingOccurrences(of: old, with: new)
            #expect(edited != file)
            try site.write("content/cities/alpha.yaml", edited)
            let report = session.rebuild(changed: ["content/cities/alpha.yaml"])
            #expect(report.kind == .incremental)
            #expect(tables.allSatisfy(report.changedPaths.contains), "\(report.changedPaths)")
            expectSameAsFullBuild(session, site)
        }
    }

    @Test func invalidEditKeepsTheLastGoodSiteAndRecovers() throws {
        let site = try TestSite()
        defer { site.remove() }
        let session = session(site)
        session.rebuildAll()
        let good = session.files
        try site.edit("content/cities/alpha.yaml", replacing: "total: 78.1", with: "total: 178.1")
        let broken = session.rebuild(changed: ["content/cities/alpha.yaml"])
        #expect(broken.kind == .failed)
        #expect(broken.diagnostics.map(\.description).contains { $0.hasPrefix("content/cities/alpha.yaml:18:") && $0.contains("a percentage must be 0–100") })
        #expect(session.files == good)
        try site.edit("content/cities/alpha.yaml", replacing: "total: 178.1", with: "total: 78.0")
        let fixed = session.rebuild(changed: ["content/cities/alpha.yaml"])
        #expect(fixed.kind != .failed)
        #expect(fixed.diagnostics.isEmpty)
        expectSameAsFullBuild(session, site)
    }

    @Test func renamingACityRebuildsEverything() throws {
        let site = try TestSite()
        defer { site.remove() }
        let session = session(site)
        session.rebuildAll()
        try site.edit("content/cities/alpha.yaml", replacing: "en: Alpha}", with: "en: Aleph}")
        #expect(session.rebuild(changed: ["content/cities/alpha.yaml"]).kind == .full)
        expectSameAsFullBuild(session, site)
    }

    @Test func templateEditRerendersPagesFromTheSameModel() throws {
        let site = try TestSite()
        defer { site.remove() }
        let session = session(site)
        session.rebuildAll()
        try site.edit("templates/pages/city.mustache", replacing: "<h2 id=\"coverage-title\">", with: "<h2 class=\"edited\" id=\"coverage-title\">")
        let report = session.rebuild(changed: ["templates/pages/city.mustache"])
        #expect(report.kind == .pages)
        #expect(report.changedPaths.contains("zh/cities/beta/index.html"))
        #expect(!report.changedPaths.contains("zh/index.html"))
        expectSameAsFullBuild(session, site)
    }

    @Test func addedCityRebuildsEverything() throws {
        let site = try TestSite()
        defer { site.remove() }
        let session = session(site)
        session.rebuildAll()
        let beta = try String(contentsOf: site.url("content/cities/beta.yaml"), encoding: .utf8)
        try site.write("content/cities/delta.yaml", beta.replacingOccurrences(of: "en: Beta}", with: "en: Delta}"))
        let report = session.rebuild(changed: ["content/cities/delta.yaml"])
        #expect(report.kind == .full)
        #expect(session.files["en/cities/delta/index.html"] != nil)
        expectSameAsFullBuild(session, site)
    }
}

@Suite("Incremental rebuilds of the downloads")
struct BundleSessionTests {
    /// An edit of a city's values leaves the workbook and the archive out (never out of date) until they are asked
    /// for; the small tables of all cities are right at once.
    @Test func anEditLeavesTheBundlesOutUntilTheyAreCompleted() throws {
        let site = try TestSite()
        defer { site.remove() }
        var options = Pipeline.BuildOptions()
        options.validator = testValidator
        let session = SiteSession(root: site.root, options: options)
        session.rebuildAll()
        #expect(session.files["data/lcity-data.xlsx"] != nil && session.files["data/lcity-data.zip"] != nil)
        try site.edit("content/cities/alpha.yaml", replacing: "population: 1200000", with: "population: 1300000")
        try site.edit("content/cities/alpha.yaml", replacing: "values: {male: 82, female: 74.4, total: 78.1}", with: "values: {male: 82, female: 74.4, total: 77.9}")
        let report = session.rebuild(changed: ["content/cities/alpha.yaml"])
        #expect(report.kind == .incremental)
        #expect(session.bundlesPending)
        #expect(session.files["data/lcity-data.xlsx"] == nil && session.files["data/lcity-data.zip"] == nil)
        let full = try #require(site.render().0).files
        for path in ["data/cities.csv", "data/wide.zh.csv", "data/wide.en.csv", "data/all.csv"] {
            #expect(session.files[path] == full[path], "\(path)")
        }
        #expect(session.completeBundles().changedPaths == ["data/lcity-data.xlsx", "data/lcity-data.zip"])
        #expect(!session.bundlesPending)
        #expect(SiteSession.difference(session.files, full) == [])
    }
}
