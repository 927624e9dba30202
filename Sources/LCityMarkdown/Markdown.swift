import Foundation
import Synchronization
import CCmarkGFM

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A heading found in a Markdown document, with the `id` given to it in the HTML.
public struct MarkdownHeading: Sendable, Equatable {
    /// 1–6.
    public var level: Int
    /// The heading's plain text.
    public var text: String
    /// The `id` attribute written on the heading element.
    public var id: String
}

/// The HTML of a Markdown document and its headings.
public struct RenderedMarkdown: Sendable, Equatable {
    /// HTML fragment (safe: raw HTML and unsafe links are dropped).
    public var html: String
    /// Headings in document order.
    public var headings: [MarkdownHeading]
}

/// Renders GitHub-flavoured Markdown (tables, strikethrough, autolinks, tag filter) to safe HTML with libcmark-gfm.
///
/// The only place that talks to cmark: no C type leaves this file.
public enum Markdown {
    /// Options for one rendering.
    public struct Options: Sendable {
        /// Chooses the `id` of each heading from its level and text; nil leaves the default slug.
        public var headingID: @Sendable (_ level: Int, _ text: String) -> String?
        /// Rewrites link and image destinations (e.g. site-absolute paths to page-relative ones).
        public var rewriteURL: @Sendable (String) -> String
        /// Shifts heading levels down so a document's `#` fits under the page title (`1` turns `#` into `<h2>`).
        public var headingOffset: Int

        /// Default options: slug ids, URLs unchanged, no offset.
        public init(
            headingID: @escaping @Sendable (Int, String) -> String? = { _, _ in nil },
            rewriteURL: @escaping @Sendable (String) -> String = { $0 },
            headingOffset: Int = 0
        ) {
            self.headingID = headingID
            self.rewriteURL = rewriteURL
            self.headingOffset = headingOffset
        }
    }

    private static let parserLock = Mutex(())

    /// Renders `markdown` to an HTML fragment and lists its headings.
    public static func render(_ markdown: String, options: Options = Options()) -> RenderedMarkdown {
        // cmark-gfm keeps the inline parser's special characters in a global table that attaching and freeing a
        // parser with extensions changes (`~` for strikethrough): two parsers at once can lose each other's
        // extensions. One parse at a time.
        parserLock.withLock { _ in parse(markdown, options: options) }
    }

    private static func parse(_ markdown: String, options: Options) -> RenderedMarkdown {
        cmark_gfm_core_extensions_ensure_registered()
        let cmarkOptions = CMARK_OPT_DEFAULT | CMARK_OPT_SMART | CMARK_OPT_VALIDATE_UTF8
        guard let parser = cmark_parser_new(cmarkOptions) else { return RenderedMarkdown(html: "", headings: []) }
        defer { cmark_parser_free(parser) }
        for name in ["table", "strikethrough", "autolink", "tagfilter"] {
            if let extensionPointer = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, extensionPointer)
            }
        }
        var bytes = Array(markdown.utf8)
        bytes.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                cmark_parser_feed(parser, $0, buffer.count)
            }
        }
        guard let document = cmark_parser_finish(parser) else { return RenderedMarkdown(html: "", headings: []) }
        defer { cmark_node_free(document) }

        var headings: [MarkdownHeading] = []
        var usedIDs: [String: Int] = [:]
        if let iterator = cmark_iter_new(document) {
            defer { cmark_iter_free(iterator) }
            while true {
                let event = cmark_iter_next(iterator)
                if event == CMARK_EVENT_DONE { break }
                guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
                switch cmark_node_get_type(node) {
                case CMARK_NODE_HEADING:
                    let level = Int(cmark_node_get_heading_level(node))
                    let shifted = min(6, max(1, level + options.headingOffset))
                    cmark_node_set_heading_level(node, Int32(shifted))
                    let text = plainText(of: node)
                    var id = options.headingID(level, text) ?? slug(text)
                    if id.isEmpty { id = "section" }
                    if let count = usedIDs[id] {
                        usedIDs[id] = count + 1
                        id += "-\(count + 1)"
                    } else {
                        usedIDs[id] = 1
                    }
                    headings.append(MarkdownHeading(level: shifted, text: text, id: id))
                case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                    if let url = cmark_node_get_url(node) {
                        let rewritten = options.rewriteURL(String(cString: url))
                        cmark_node_set_url(node, rewritten)
                    }
                default:
                    break
                }
            }
        }

        guard let rendered = cmark_render_html(document, cmarkOptions, cmark_parser_get_syntax_extensions(parser)) else {
            return RenderedMarkdown(html: "", headings: headings)
        }
        defer { free(rendered) }
        let html = addHeadingIDs(String(cString: rendered), headings)
        return RenderedMarkdown(html: html, headings: headings)
    }

    /// A URL-fragment slug: lowercase letters and digits (any script) joined by hyphens.
    public static func slug(_ text: String) -> String {
        var result = ""
        var pendingHyphen = false
        for character in text.lowercased() {
            if character.isLetter || character.isNumber {
                if pendingHyphen && !result.isEmpty { result.append("-") }
                pendingHyphen = false
                result.append(character)
            } else {
                pendingHyphen = true
            }
        }
        return result
    }

    /// The concatenated literal text below `node`.
    private static func plainText(of node: OpaquePointer) -> String {
        var text = ""
        guard let iterator = cmark_iter_new(node) else { return text }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let child = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(child) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                if let literal = cmark_node_get_literal(child) { text += String(cString: literal) }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                text += " "
            default:
                break
            }
        }
        return text
    }

    /// Writes `id` attributes on the heading tags, which cmark emits in document order as `<hN>`.
    private static func addHeadingIDs(_ html: String, _ headings: [MarkdownHeading]) -> String {
        guard !headings.isEmpty else { return html }
        var output = ""
        output.reserveCapacity(html.utf8.count + headings.count * 24)
        var rest = html[...]
        for heading in headings {
            let tag = "<h\(heading.level)>"
            guard let range = rest.firstRange(of: tag) else { break }
            output += rest[..<range.lowerBound]
            output += "<h\(heading.level) id=\"\(escapeAttribute(heading.id))\">"
            rest = rest[range.upperBound...]
        }
        output += rest
        return output
    }

    private static func escapeAttribute(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "\"": result += "&quot;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            default: result.append(character)
            }
        }
        return result
    }
}
