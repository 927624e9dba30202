import Foundation
import Testing

import LCityContent
@testable import LCityPages
@testable import LCityBuild
import LCityTestSupport
import LCityUTF8

/// Chinese reads as Chinese and English as English on the shipped site.
@Suite("Language conventions")
struct LanguageTests {
    /// A text shown in its fallback language becomes a span with its `lang` where markup may stand, and loses its
    /// marks where it may not: in a tag, an SVG. A script's data keeps them as escapes, for the script to resolve.
    @Test func fallbackTextsAreSpansOnlyWhereMarkupMayStand() {
        let text = LanguageSpans.mark("Male", language: "en")
        let page = "<p>\(text)</p><svg><text>\(text)</text></svg><script type=\"application/json\">{\"name\":\"\(text)\"}</script><p title=\"\(text)\">x</p>"
        let resolved = String(decoding: LanguageSpans.resolve(Array(page.utf8)), as: UTF8.self)
        #expect(resolved == #"<p><span lang="en">Male</span></p><svg><text>Male</text></svg><script type="application/json">{"name":"\uE010en\uE011Male\uE012"}</script><p title="Male">x</p>"#)
    }

    static func shippedPages() throws -> [String: String] {
        let site = try TestSite.shipped()
        defer { site.remove() }
        let (rendered, report) = site.render()
        #expect(report.diagnostics.filter { $0.severity == .error }.isEmpty)
        let files = try #require(rendered?.files)
        return files.filter { $0.key.hasSuffix(".html") }.mapValues { String(decoding: $0, as: UTF8.self) }
    }

    @Test func chineseNamesAreInPinyinOrderEnglishInLetterOrder() {
        func order(_ names: [String], _ language: String) -> [String] {
            let collation = Locale(identifier: language)
            return names.map { (name: $0, slug: $0) }.sorted { SiteModel.namesAscending($0, $1, in: collation) }.map(\.name)
        }
        #expect(order(["乌兰市", "凯岭市", "圣安市", "艾川市"], "zh") == ["艾川市", "凯岭市", "圣安市", "乌兰市"])
        #expect(order(["Zeta", "éire", "Eagle", "alpha"], "en") == ["alpha", "Eagle", "éire", "Zeta"])
    }

    @Test func printedColumnIsReadOutAndNeverEmpty() throws {
        let pages = try Self.shippedPages()
        for (path, html) in pages where path.contains("/measures/") {
            #expect(!html.contains("<dd></dd>"), "\(path) has an empty definition")
            #expect(!html.contains("(empty)"), "\(path)")
        }
        let english = try #require(pages["en/measures/1.3.2b/index.html"])
        #expect(english.contains("<dd>5–1: Excellent, Very good, Good, Fair, Poor (printed: <span lang=\"zh\">5–1 优秀 很好 好 一般 很差</span>)</dd>"))
        let blank = try #require(pages["zh/measures/1.1.4a/index.html"])
        #expect(blank.contains("<dt>原表数据栏</dt><dd>原表此栏空白</dd>"))
    }

    @Test func unitsAndCommitmentsAreNotSaidTwice() throws {
        let pages = try Self.shippedPages()
        let rating = try #require(pages["en/measures/1.3.2b/index.html"])
        #expect(rating.contains("<dt>Unit</dt><dd>five-point rating</dd>"))
        let area = try #require(pages["zh/focus-areas/1.2/index.html"])
        #expect(area.contains("《北京宣言》第2项承诺：促进经济发展和文化繁荣</a>"))
        let english = try #require(pages["en/focus-areas/1.4/index.html"] ?? pages["en/focus-areas/2.1/index.html"])
        #expect(english.contains("of the Beijing Declaration: ") && !english.contains("Declaration: 4.") && !english.contains("Declaration: 1."))
    }

    @Test func everyPageNamesItsIcon() throws {
        for (path, html) in try Self.shippedPages() {
            #expect(html.contains("assets/favicon.svg\" type=\"image/svg+xml\">"), "\(path)")
        }
    }
}
