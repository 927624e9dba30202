import Foundation
import Testing

import LCityContent
@testable import LCityPages
@testable import LCityBuild
import LCityTestSupport

/// `check` without `--links`: the content and the templates, without rendering.
@Suite("Check of templates")
struct CheckTests {
    func check(_ site: TestSite) -> [String] {
        var options = Pipeline.BuildOptions()
        options.validator = testValidator
        return Pipeline.checkSite(root: site.root, options: options).diagnostics.map(\.description)
    }

    @Test func shippedSiteChecksClean() throws {
        let site = try TestSite.shipped()
        defer { site.remove() }
        #expect(check(site) == [])
    }

    @Test func syntaxErrorNamesTheTagAndTheSectionLeftOpen() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.write("templates/pages/home.mustache", "{{<base}}\n{{$main}}\n  {{#page}}oops\n{{/main}}\n{{/base}}\n")
        let lines = check(site)
        #expect(lines.first?.hasPrefix("templates/pages/home.mustache:4:") == true, "\(lines)")
        #expect(lines.first?.contains("templates/pages/home.mustache:3:3: the section 'page' opened here is not closed") == true, "\(lines)")
    }

    @Test func unknownUIStringIsAnErrorOfPlainCheck() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.write("templates/pages/home.mustache", "{{<base}}{{$main}}{{t.no_such_string}}{{/main}}{{/base}}\n")
        let lines = check(site)
        #expect(lines.contains { $0.hasPrefix("templates/pages/home.mustache:1:21: error: the template uses UI string 'no_such_string'") })
    }

    @Test func missingPageTemplateIsAnErrorOfPlainCheck() throws {
        let site = try TestSite()
        defer { site.remove() }
        try FileManager.default.removeItem(at: site.url("templates/pages/focus-area.mustache"))
        #expect(check(site).contains { $0.hasPrefix("templates/pages/focus-area.mustache: error: the template 'pages/focus-area' is missing") })
    }

    @Test func unknownPartialIsAnError() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.write("templates/pages/home.mustache", "{{<base}}{{$main}}\n<p>{{> partials/nope}}</p>{{/main}}{{/base}}\n")
        let lines = check(site)
        #expect(lines.contains { $0.hasPrefix("templates/pages/home.mustache:2:4: error: the partial 'partials/nope' does not exist") }, "\(lines)")
    }
}

@Suite("Change classification")
struct SiteChangeTests {
    @Test(arguments: [
        ("content/cities/qiaolan.yaml", SiteChange.FileKind.cityFile(slug: "qiaolan")),
        ("content/cities/.yaml", .content),
        ("content/cities/sub/x.yaml", .content),
        ("content/framework.yaml", .content),
        ("content/i18n/zh.yaml", .content),
        ("templates/pages/city.mustache", .template),
        ("templates/assets/style.css", .template),
        ("README.md", .unrelated),
        ("contents/cities/x.yaml", .unrelated),
    ])
    func kindOfPath(path: String, kind: SiteChange.FileKind) {
        #expect(SiteChange.kind(of: path) == kind)
    }

    @Test func oneExistingCityFileIsACityChange() {
        #expect(SiteChange(["content/cities/a.yaml"]) { _ in true } == .city(path: "content/cities/a.yaml", slug: "a"))
    }

    @Test func aRemovedCityOrSeveralFilesRebuildEverything() {
        #expect(SiteChange(["content/cities/a.yaml"]) { _ in false } == .everything)
        #expect(SiteChange(["content/cities/a.yaml", "content/cities/b.yaml"]) { _ in true } == .everything)
        #expect(SiteChange(["content/cities/a.yaml", "templates/pages/city.mustache"]) { _ in true } == .everything)
        #expect(SiteChange(["content/site.yaml"]) { _ in true } == .everything)
        #expect(SiteChange([]) { _ in true } == .everything)
    }

    @Test func templatesAndAssetsOnlyRerenderPages() {
        #expect(SiteChange(["templates/pages/city.mustache", "templates/assets/style.css"]) { _ in true } == .templates)
    }
}
