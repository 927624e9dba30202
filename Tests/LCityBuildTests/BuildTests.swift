import Foundation
import Testing

import LCityContent
@testable import LCityPages
@testable import LCityBuild
import LCityTestSupport

@Suite("Build output")
struct BuildTests {
    /// One page of each kind, compared byte for byte with `Golden/<name>.html` (re-record with LCITY_RECORD=1).
    static let goldenPages: [(name: String, path: String)] = [
        ("chooser", "index.html"),
        ("not-found", "404.html"),
        ("home-en", "en/index.html"),
        ("declaration-zh", "zh/declaration/index.html"),
        ("framework-en", "en/framework/index.html"),
        ("focus-area-en", "en/focus-areas/1.1/index.html"),
        ("indicators-zh", "zh/measures/index.html"),
        ("indicator-en", "en/measures/1.1.1a/index.html"),
        ("indicator-rating-zh", "zh/measures/2.1.1a/index.html"),
        ("city-en", "en/cities/alpha/index.html"),
        ("city-zh", "zh/cities/beta/index.html"),
        ("cities-en", "en/cities/index.html"),
        ("region-en", "en/regions/africa/index.html"),
        ("country-zh", "zh/countries/de/index.html"),
        ("page-en", "en/about/index.html"),
        ("search-zh", "zh/search/index.html"),
    ]

    @Test(arguments: goldenPages.map(\.name))
    func pageMatchesGoldenFile(name: String) throws {
        let site = try TestSite()
        defer { site.remove() }
        let (rendered, report) = site.render()
        #expect(report.diagnostics.map(\.description) == [])
        let path = try #require(Self.goldenPages.first { $0.name == name }?.path)
        let data = try #require(rendered?.files[path], "no \(path) in the build")
        let golden = repositoryRoot.appendingPathComponent("Tests/LCityBuildTests/Golden/\(name).html")
        let difference = try Golden.difference(data, file: golden)
        #expect(difference == nil, "\(difference ?? "")")
    }

    @Test func everyRouteIsRenderedWithNoEmptyEssentials() throws {
        let site = try TestSite()
        defer { site.remove() }
        let (rendered, _) = site.render()
        let files = try #require(rendered).files
        // 2 neutral pages + per language: home, 404, declaration, framework, indicators, cities, regions, compare,
        // search, changes, data, 3 focus areas, 4 indicators, 3 cities, 3 regions, 3 countries, 1 page = 28.
        #expect(try #require(rendered).pageCount == 2 + 2 * 28)
        for (path, data) in files where path.hasSuffix(".html") {
            let html = String(decoding: data, as: UTF8.self)
            #expect(!html.contains("<title></title>"), "\(path): empty title")
            #expect(!html.contains("<h1></h1>"), "\(path): empty h1")
            #expect(!html.contains("content=\"\""), "\(path): empty meta content")
            #expect(!html.contains("href=\"\""), "\(path): empty link")
            #expect(!html.contains("lcity-root:"), "\(path): unresolved Markdown link")
            #expect(html.contains("CC BY-SA 3.0 IGO"), "\(path): no licence in the footer")
        }
    }

    /// Mustache looks a missing name up in the enclosing contexts: an observation without a note or flag must not
    /// show its measure's note or its row's flag.
    @Test func optionalFieldsDoNotLeakFromEnclosingContexts() throws {
        let site = try TestSite()
        defer { site.remove() }
        let (rendered, _) = site.render()
        let files = try #require(rendered).files
        let indicator = String(decoding: try #require(files["en/measures/1.1.1b/index.html"]), as: UTF8.self)
        #expect(indicator.components(separatedBy: "The printed table gives no unit.").count == 2)
        let city = String(decoding: try #require(files["en/cities/alpha/index.html"]), as: UTF8.self)
        #expect(city.contains("<li>2019: 75.2%</li>"))
        #expect(city.contains(#"<li>2022: 78.1% <span class="flag">provisional</span></li>"#))
    }

    /// The home page and the list of cities map every city with coordinates (one link each, to its profile) and
    /// name the others under the map; a region's first page maps its own cities only.
    @Test func mapsMarkPlacedCitiesAndNameTheOthers() throws {
        let site = try TestSite()
        defer { site.remove() }
        let (rendered, _) = site.render()
        let files = try #require(rendered).files
        for (path, link) in [("en/index.html", "../en/cities/alpha/"), ("en/cities/index.html", "../../en/cities/alpha/")] {
            let html = String(decoding: try #require(files[path]), as: UTF8.self)
            let map = try #require(html.range(of: #"<svg[^>]*class="map".*?</svg>"#, options: .regularExpression).map { String(html[$0]) })
            #expect(map.components(separatedBy: "<a href=").count - 1 == 1, "\(path): one mark")
            #expect(map.contains("<a href=\"\(link)\" tabindex=\"-1\"><title>Alpha</title>"), "\(path)")
            let notPlaced = try #require(html.range(of: "Not on the map").map { String(html[$0.upperBound...].prefix(400)) })
            #expect(notPlaced.contains(">Beta</a>") && notPlaced.contains(">Gamma</a>") && !notPlaced.contains(">Alpha</a>"), "\(path)")
            #expect(html.contains("Natural Earth"))
        }
        let alpha = try #require(rendered?.files.keys.first { $0.hasPrefix("en/regions/") && $0.hasSuffix("/index.html") && String(decoding: files[$0]!, as: UTF8.self).contains("<title>Alpha</title>") })
        #expect(!alpha.contains("/page/"))
    }

    @Test func largeNetworksArePaginated() throws {
        let site = try TestSite()
        defer { site.remove() }
        let beta = try String(contentsOf: site.url("content/cities/beta.yaml"), encoding: .utf8)
        for index in 0..<230 {
            try site.write("content/cities/copy-\(index).yaml", beta.replacingOccurrences(of: "en: Beta}", with: "en: Copy \(index)}"))
        }
        let (rendered, report) = site.render()
        #expect(report.diagnostics.errorCount == 0)
        let files = try #require(rendered).files
        // 232 cities report 1.1.1a: 100 rows a page.
        #expect(files["en/measures/1.1.1a/page/3/index.html"] != nil)
        #expect(files["en/measures/1.1.1a/page/4/index.html"] == nil)
        // 231 cities in Europe and North America: 200 a page.
        #expect(files["en/regions/europe_north_america/page/2/index.html"] != nil)
        let page = String(decoding: try #require(files["en/cities/index.html"]), as: UTF8.self)
        // The map names the cities it cannot place (the first 60 of them); the list shows countries only.
        let map = try #require(page.range(of: #"(?s)<figure class="city-map">.*?</figure>"#, options: .regularExpression))
        #expect(page[map].contains(">Copy 100</a>") && page[map].contains("and 172 more"))
        let cities = page.replacingCharacters(in: map, with: "")
        #expect(!cities.contains("Copy 17"), "the list of all cities shows countries only above 200 cities")
        let first = String(decoding: try #require(files["en/measures/1.1.1a/index.html"]), as: UTF8.self)
        #expect(first.contains("chart-distribution"), "above 60 cities the comparison chart is a distribution")
        #expect(first.components(separatedBy: "<tr>").count - 1 <= 100 + 10)
        let broken = LinkChecker(site: try #require(rendered)).check().broken
        #expect(broken.isEmpty, "\(broken.prefix(5))")
    }

    @Test func twoBuildsAreByteIdentical() throws {
        let site = try TestSite.shipped()
        defer { site.remove() }
        let first = site.url("out1")
        let second = site.url("out2")
        var options = Pipeline.BuildOptions(strict: true)
        options.validator = testValidator
        #expect(Pipeline.build(root: site.root, output: first, options: options).succeeded)
        #expect(Pipeline.build(root: site.root, output: second, options: options).succeeded)
        let firstFiles = try Self.readTree(first)
        let secondFiles = try Self.readTree(second)
        #expect(firstFiles.count > 200)
        #expect(firstFiles.keys.sorted() == secondFiles.keys.sorted())
        for (path, data) in firstFiles {
            #expect(secondFiles[path] == data, "\(path) differs between builds")
        }
    }

    @Test func failedBuildLeavesThePreviousOutputUntouched() throws {
        let site = try TestSite()
        defer { site.remove() }
        let output = site.url("public")
        var options = Pipeline.BuildOptions()
        options.validator = testValidator
        #expect(Pipeline.build(root: site.root, output: output, options: options).succeeded)
        let before = try Self.readTree(output)
        try site.write("content/cities/broken.yaml", "name: {zh: 坏, en: Broken\n")
        let report = Pipeline.build(root: site.root, output: output, options: options)
        #expect(!report.succeeded)
        #expect(report.diagnostics.first?.location.file == "content/cities/broken.yaml")
        #expect(try Self.readTree(output) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter { $0.contains("staging") }
        #expect(leftovers.isEmpty)
    }

    @Test func rebuildReplacesOutputCompletely() throws {
        let site = try TestSite()
        defer { site.remove() }
        let output = site.url("public")
        var options = Pipeline.BuildOptions()
        options.validator = testValidator
        #expect(Pipeline.build(root: site.root, output: output, options: options).succeeded)
        try Data("stale".utf8).write(to: output.appendingPathComponent("stale.txt"))
        try FileManager.default.removeItem(at: site.url("content/cities/gamma.yaml"))
        #expect(Pipeline.build(root: site.root, output: output, options: options).succeeded)
        let files = try Self.readTree(output)
        #expect(files["stale.txt"] == nil)
        #expect(files["en/cities/gamma/index.html"] == nil)
        #expect(files["en/cities/alpha/index.html"] != nil)
    }

    @Test func templateErrorsNameTheFileLineAndColumn() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.write("templates/pages/home.mustache", "{{<base}}\n{{$main}}\n  {{#page}}oops\n{{/main}}\n{{/base}}\n")
        let (_, report) = site.render()
        #expect(report.diagnostics.first?.description.hasPrefix("templates/pages/home.mustache:4:") == true)
        try site.write("templates/pages/home.mustache", "{{<base}}{{$main}}{{t.no_such_string}}{{/main}}{{/base}}\n")
        let (_, second) = site.render()
        #expect(second.diagnostics.map(\.message.en).contains("the template uses UI string 'no_such_string', which content/i18n/zh.yaml does not define"))
        #expect(second.diagnostics.first?.location.description == "templates/pages/home.mustache:1:21")
    }

    @Test func linkCheckerFindsBrokenLinksAndAnchors() throws {
        let site = try TestSite()
        defer { site.remove() }
        let (rendered, _) = site.render()
        var files = try #require(rendered).files
        #expect(LinkChecker(site: try #require(rendered)).check().broken.isEmpty)
        files["en/broken/index.html"] = Data(
            #"<a href="../../en/nowhere/">x</a> <a href="../../en/framework/#no-such-id">y</a> <a href="../../../../etc/passwd">z</a> <a href="/other/en/">w</a> <a href="/sub/en/">ok</a> <a href="https://example.org/">ok</a> <a href="../../en/framework/#key-feature-1.1.1">ok</a>"#.utf8)
        let summary = LinkChecker(site: RenderedSite(files: files, pageCount: 0, basePath: "/sub/")).check()
        #expect(summary.broken.filter { $0.page == "en/broken/index.html" }.map(\.link) == [
            "../../en/nowhere/", "../../en/framework/#no-such-id", "../../../../etc/passwd", "/other/en/",
        ])
    }

    @Test func notFoundPagesUseHostAbsoluteLinks() throws {
        let site = try TestSite()
        defer { site.remove() }
        let (rendered, _) = site.render()
        let html = String(decoding: try #require(rendered?.files["404.html"]), as: UTF8.self)
        #expect(html.contains(#"href="/sub/assets/style.css""#))
        #expect(html.contains(#"href="/sub/en/""#))
    }

    @Test func baseURLOptionOverridesSiteYAML() throws {
        let site = try TestSite()
        defer { site.remove() }
        let (rendered, _) = site.render(baseURL: "https://cities.example.net")
        let html = String(decoding: try #require(rendered?.files["en/index.html"]), as: UTF8.self)
        #expect(html.contains(#"<link rel="canonical" href="https://cities.example.net/en/">"#))
        let sitemap = String(decoding: try #require(rendered?.files["sitemap.xml"]), as: UTF8.self)
        #expect(sitemap.contains(#"<xhtml:link rel="alternate" hreflang="zh" href="https://cities.example.net/zh/cities/alpha/"/>"#))
        #expect(String(decoding: try #require(rendered?.files["robots.txt"]), as: UTF8.self).contains("Sitemap: https://cities.example.net/sitemap.xml"))
    }

    static func readTree(_ root: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = enumerator?.nextObject() as? URL {
            guard try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true else { continue }
            let relative = String(url.standardizedFileURL.path.dropFirst(root.standardizedFileURL.path.count + 1))
            files[relative] = try Data(contentsOf: url)
        }
        return files
    }
}
