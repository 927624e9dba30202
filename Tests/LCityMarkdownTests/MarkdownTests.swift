import Foundation
import Testing

@testable import LCityMarkdown

@Suite("Markdown")
struct MarkdownTests {
    @Test func rendersGitHubExtensions() {
        let html = Markdown.render("| a | b |\n|---|---|\n| 1 | ~~2~~ |\n\nsee https://example.org\n").html
        #expect(html.contains("<table>"))
        #expect(html.contains("<del>2</del>"))
        #expect(html.contains(#"<a href="https://example.org">https://example.org</a>"#))
    }

    @Test func dropsRawHTMLAndUnsafeLinks() {
        let html = Markdown.render("<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n[x](javascript:alert(1))\n").html
        #expect(!html.contains("<script"))
        #expect(!html.contains("onerror"))
        #expect(!html.contains("javascript:"))
        #expect(html.contains("raw HTML omitted"))
    }

    @Test func givesHeadingsUniqueIDs() {
        let rendered = Markdown.render("## Intro\n\n## Intro\n\n### 学习 城市\n")
        #expect(rendered.headings.map(\.id) == ["intro", "intro-2", "学习-城市"])
        #expect(rendered.html.contains(#"<h2 id="intro">Intro</h2>"#))
        #expect(rendered.html.contains(#"<h2 id="intro-2">Intro</h2>"#))
        #expect(rendered.html.contains(#"<h3 id="学习-城市">学习 城市</h3>"#))
    }

    @Test func customHeadingIDsAndOffset() {
        let options = Markdown.Options(headingID: { level, text in level == 1 ? "top-\(text.count)" : nil }, headingOffset: 1)
        let rendered = Markdown.render("# Title\n\n## Part *one*\n", options: options)
        #expect(rendered.headings == [
            MarkdownHeading(level: 2, text: "Title", id: "top-5"),
            MarkdownHeading(level: 3, text: "Part one", id: "part-one"),
        ])
        #expect(rendered.html.hasPrefix(#"<h2 id="top-5">Title</h2>"#))
    }

    @Test func rewritesLinkDestinations() {
        let options = Markdown.Options(rewriteURL: { $0.hasPrefix("/") ? "../.." + $0 : $0 })
        let html = Markdown.render("[csv](/data/all.csv) [ext](https://example.org/a)", options: options).html
        #expect(html.contains(#"href="../../data/all.csv""#))
        #expect(html.contains(#"href="https://example.org/a""#))
    }

    @Test func escapesHeadingIDAttributes() {
        let rendered = Markdown.render("## a&b<c\n", options: Markdown.Options(headingID: { _, text in text }))
        #expect(rendered.html.contains(#"<h2 id="a&amp;b&lt;c">"#))
    }

    @Test func emptyInputGivesEmptyOutput() {
        #expect(Markdown.render("") == RenderedMarkdown(html: "", headings: []))
    }

    @Test func slugKeepsLettersOfAnyScript() {
        #expect(Markdown.slug("1. Empowering individuals!") == "1-empowering-individuals")
        #expect(Markdown.slug("行动呼吁") == "行动呼吁")
        #expect(Markdown.slug("  --  ") == "")
    }

    /// cmark-gfm changes global tables when parsers with extensions come and go: renders on many threads at once
    /// must all keep their extensions.
    @Test func rendersOnManyThreadsAtOnce() {
        let count = 2000
        let outputs = LockedSlots(count: count)
        let filler = String(repeating: "Some *text* with `code` and a [link](https://example.org). ", count: 20)
        DispatchQueue.concurrentPerform(iterations: count) { index in
            outputs.set(index, Markdown.render("\(filler)\n\n~~\(index)~~ \(filler)\n").html)
        }
        for index in 0..<count {
            #expect(outputs.get(index).contains("<del>\(index)</del>"), "render \(index) lost strikethrough")
        }
    }
}

/// Results written from many threads, each to its own slot.
final class LockedSlots: @unchecked Sendable {
    private var values: [String]
    private let lock = NSLock()
    init(count: Int) { values = Array(repeating: "", count: count) }
    func set(_ index: Int, _ value: String) { lock.lock(); values[index] = value; lock.unlock() }
    func get(_ index: Int) -> String { lock.lock(); defer { lock.unlock() }; return values[index] }
}
