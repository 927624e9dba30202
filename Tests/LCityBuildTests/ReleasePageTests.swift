import Foundation
import Testing

@testable import LCityBuild
import LCityContent
import LCityPages
import LCitySynthetic
import LCityTestSupport

/// The changes page, `data/changes/<version>.csv`, the links to them, and the Dataset metadata, on the shipped site.
@Suite("Releases in the site")
struct ReleasePageTests {
    @Test func theChangesPageListsEveryChangeAndIsLinkedWhereItMatters() throws {
        let site = try TestSite.shipped()
        defer { site.remove() }
        let files = try #require(site.render().0).files
        func page(_ path: String) throws -> String { String(decoding: try #require(files[path], "\(path)"), as: UTF8.self) }
        let en = try page("en/changes/index.html")
        #expect(en.contains("<h1>What changed in release 2026.1</h1>"))
        #expect(en.contains("46 values added, 1 revised and 1 withdrawn, in 2 cities."))
        #expect(en.contains(#"id="city-qiaolan""#) && en.contains(#"id="measure-1.2.1a""#))
        #expect(en.contains("21,300 US$ PPP (provisional)") && en.contains("+168 US$ PPP"))
        let zh = try page("zh/changes/index.html")
        #expect(zh.contains("新增 46 个数值，修改 1 个，撤回 1 个，涉及2个城市。"))
        // Linked from the home page, the profiles and the measures it concerns, and not from the others.
        #expect(try page("en/index.html").contains(#"href="../en/changes/""#))
        #expect(try page("en/cities/qiaolan/index.html").contains(#"href="../../../en/changes/#city-qiaolan""#))
        #expect(!(try page("en/cities/fernhaven/index.html")).contains("changes/#city-"))
        #expect(try page("en/measures/1.2.1a/index.html").contains(#"href="../../../en/changes/#measure-1.2.1a""#))
        #expect(!(try page("en/measures/3.1.1a/index.html")).contains("changes/#measure-"))
        let csv = String(decoding: try #require(files["data/changes/2026.1.csv"]), as: UTF8.self)
        let lines = csv.split(separator: "\r\n")
        #expect(lines.first == "\u{FEFF}from_release,to_release,city,city_name_zh,city_name_en,measure,category,year,change,value_before,flag_before,value_after,flag_after,unit")
        #expect(lines.count == 1 + 48)
        #expect(lines.contains("2025.2,2026.1,qiaolan,桥岚市,Qiaolan,1.2.1a,,2018,revised,21300,provisional,21468,,usd_ppp"))
    }

    @Test func theDatasetMetadataParsesAndNamesEveryDownload() throws {
        let site = try TestSite.shipped()
        defer { site.remove() }
        let files = try #require(site.render().0).files
        var pages = 0
        for (path, data) in files where path.hasSuffix(".html") {
            let html = String(decoding: data, as: UTF8.self)
            guard let start = html.range(of: #"<script type="application/ld+json">"#),
                let end = html.range(of: "</script>", range: start.upperBound..<html.endIndex)
            else { continue }
            pages += 1
            let json = try #require(
                try JSONSerialization.jsonObject(with: Data(html[start.upperBound..<end.lowerBound].utf8)) as? [String: Any], "\(path)")
            #expect(json["@type"] as? String == "Dataset", "\(path)")
            #expect(json["version"] as? String == "2026.1" && json["license"] as? String == "https://creativecommons.org/licenses/by/4.0/")
            for key in ["name", "description", "spatialCoverage", "temporalCoverage", "publisher"] {
                #expect(json[key] != nil, "\(path): no \(key)")
            }
            let distributions = try #require(json["distribution"] as? [[String: Any]], "\(path)")
            #expect(!distributions.isEmpty)
            for distribution in distributions {
                let url = try #require(distribution["contentUrl"] as? String)
                let prefix = "https://learningcities.example.org/"
                #expect(url.hasPrefix(prefix))
                #expect(files[String(url.dropFirst(prefix.count))] != nil, "\(path): \(url) is not a file of the site")
                #expect(distribution["encodingFormat"] as? String != nil)
            }
            // The data page names every file it lists.
            if path.hasSuffix("/data/index.html") {
                let links = html.components(separatedBy: #"<a href=""#).dropFirst().map { $0.prefix { $0 != "\"" } }
                    .filter { $0.hasPrefix("../../data/") }
                #expect(Set(links.map { "https://learningcities.example.org/" + $0.dropFirst(6) })
                    == Set(distributions.compactMap { $0["contentUrl"] as? String }))
            }
        }
        // Each language's data page and every measure's first page.
        #expect(pages == 2 * (1 + 60))
    }

    @Test func anEditedCityUpdatesTheChangesLikeAFullBuild() throws {
        let site = try TestSite.shipped()
        defer { site.remove() }
        var options = Pipeline.BuildOptions()
        options.validator = testValidator
        let session = SiteSession(root: site.root, options: options)
        session.rebuildAll()
        try site.edit(
            "content/cities/fernhaven.yaml", replacing: "  1.1.2b:\n", with: "  1.1.2b:\n    - {year: 2010, value: 10, source: x}\n")
        let report = session.rebuild(changed: ["content/cities/fernhaven.yaml"])
        #expect(report.kind == .incremental)
        #expect(report.changedPaths.contains("en/changes/index.html") && report.changedPaths.contains("data/changes/2026.1.csv"))
        // The workbook and archive are made again once edits pause (`completeBundles`), as `serve` does.
        session.completeBundles()
        let full = try #require(site.render().0)
        #expect(SiteSession.difference(session.files, full.files) == [])
    }

    /// A release that changes many cities: the changes pages list `Paging.changedCities` cities each, at most
    /// `Paging.changedValues` rows a city and `Paging.changedCitiesPerMeasure` cities a measure; every city changed is
    /// on exactly one page, which its profile links to; an edit that brings a city into the list (moving others to
    /// the next page) rebuilds what a full build would.
    @Test func manyChangesArePagedAndEveryCityIsLinkedToItsPage() throws {
        let root = try temporaryFolder("lcity-changes-pages")
        defer { try? FileManager.default.removeItem(at: root) }
        let site = root.appendingPathComponent("site")
        try SyntheticNetwork.write(cities: 60, seed: 5, from: repositoryRoot, to: site, baselineChanged: 1)
        var options = Pipeline.BuildOptions()
        options.validator = testValidator
        let session = SiteSession(root: site, options: options)
        #expect(session.rebuildAll().kind == .full)
        let model = try #require(session.model)
        let comparison = try #require(model.releaseChanges)
        let changed = comparison.cities.map(\.slug)
        let pages = Paging.pageCount(changed.count, perPage: Paging.changedCities)
        try #require(pages >= 2, "\(changed.count) cities changed")
        func text(_ path: String) throws -> String {
            String(decoding: try #require(session.files[path], "\(path)"), as: UTF8.self)
        }
        for language in model.languages {
            var listed: [String] = []
            for page in 1...pages {
                let html = try text(Route(.changes(page: page), language: language).outputFile)
                let slugs = html.matches(of: /<section id="city-([a-z0-9-]+)" class="changed-city">/).map { String($0.1) }
                #expect(slugs.count <= Paging.changedCities)
                listed += slugs
                for slug in slugs {
                    // The profile links to this page's section.
                    let profile = try text(Route(.city(slug), language: language).outputFile)
                    #expect(profile.contains("changes/\(page > 1 ? "page/\(page)/" : "")#city-\(slug)\""), "\(slug)")
                }
                for section in html.split(separator: "class=\"changed-city\"").dropFirst() {
                    #expect(section.matches(of: /<tr class="change-/).count <= Paging.changedValues)
                }
            }
            #expect(listed.sorted() == changed.sorted())
        }
        // Page 1 names at most a dozen cities per measure.
        let first = try text("en/changes/index.html")
        for row in first.split(separator: "<tr id=\"measure-").dropFirst() {
            let cell = row.prefix { $0 != "\n" }
            #expect(cell.matches(of: /#city-/).count <= Paging.changedCitiesPerMeasure)
        }
        // A city without changes gains one: it enters the list, and the cities after it may move to the next page.
        let unchanged = try #require(model.cities.first { city in
            comparison.city(city.slug) == nil && city.series(for: "1.1.2a") != nil
        })
        let path = "content/cities/\(unchanged.slug).yaml"
        let file = site.appendingPathComponent(path)
        let original = try String(contentsOf: file, encoding: .utf8)
        try original.replacingOccurrences(of: "  1.1.2a:\n", with: "  1.1.2a:\n    - {year: 2010, value: 10, source: x}\n")
            .write(to: file, atomically: true, encoding: .utf8)
        #expect(session.rebuild(changed: [path]).kind == .incremental)
        session.completeBundles()
        let full = try #require(Pipeline.render(root: site, options: options).site)
        #expect(SiteSession.difference(session.files, full.files) == [])
    }
}
