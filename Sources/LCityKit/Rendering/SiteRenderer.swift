import Foundation
import Mustache

/// The built site in memory: output path → bytes.
public struct RenderedSite: Sendable {
    /// Every file of the site, keyed by path below the output folder.
    public var files: [String: Data]
    /// Number of HTML pages.
    public var pageCount: Int
    /// The URL path the site is served under (`/` or `/sub/`).
    public var basePath: String = "/"
    /// Paths of the HTML pages, sorted.
    public var pages: [String] { files.keys.filter { $0.hasSuffix(".html") }.sorted() }
}

/// Renders every route of a model with the templates, in parallel, plus downloads and assets.
public struct SiteRenderer: Sendable {
    public let model: SiteModel
    public let templates: TemplateSet

    public init(model: SiteModel, templates: TemplateSet) {
        self.model = model
        self.templates = templates
    }

    /// Renders every page, download and asset. `progress` is called with (done, total) from any thread.
    public func render(progress: (@Sendable (Int, Int) -> Void)? = nil) -> StageResult<RenderedSite> {
        let routes = model.routes
        var diagnostics = templates.validate(against: model, routes: routes)
        if diagnostics.errorCount > 0 { return StageResult(value: nil, diagnostics: diagnostics) }

        let builder = PageBuilder(model: model)
        let library = templates.library
        let pages = parallelMap(routes, progress: progress) { route -> (String, Data?) in
            let view = builder.view(for: route)
            let context = TemplateContext.make(view.context)
            guard let html = library.render(context, withTemplate: view.template) else { return (route.outputFile, nil) }
            return (route.outputFile, Data(html.utf8))
        }
        var files: [String: Data] = [:]
        for (path, data) in pages {
            guard let data else {
                diagnostics.append(.error("rendering produced nothing for \(path)", at: SourceLocation(file: "templates")))
                continue
            }
            files[path] = data
        }
        for (path, data) in templates.assets { files[path] = data }
        for (path, data) in DataExport(model: model).files() { files[path] = data }
        files["sitemap.xml"] = Data(Sitemap.xml(model: model, routes: routes).utf8)
        files["robots.txt"] = Data("User-agent: *\nAllow: /\n\nSitemap: \(model.baseURL)sitemap.xml\n".utf8)
        return StageResult(
            value: RenderedSite(files: files, pageCount: pages.count, basePath: model.basePath), diagnostics: diagnostics)
    }
}

/// Maps `items` on all cores, keeping their order.
func parallelMap<Item: Sendable, Result: Sendable>(
    _ items: [Item], progress: (@Sendable (Int, Int) -> Void)? = nil, _ transform: @Sendable (Item) -> Result
) -> [Result] {
    let count = items.count
    guard count > 0 else { return [] }
    let buffer = UnsafeMutableBufferPointer<Result?>.allocate(capacity: count)
    buffer.initialize(repeating: nil)
    defer {
        buffer.deinitialize()
        buffer.deallocate()
    }
    nonisolated(unsafe) let results = buffer
    let counter = ProgressCounter()
    let chunk = max(1, count / (ProcessInfo.processInfo.activeProcessorCount * 8))
    let chunks = (count + chunk - 1) / chunk
    DispatchQueue.concurrentPerform(iterations: chunks) { chunkIndex in
        let range = (chunkIndex * chunk)..<min(count, (chunkIndex + 1) * chunk)
        for index in range { results[index] = transform(items[index]) }
        if let progress { progress(counter.add(range.count), count) }
    }
    return buffer.map { $0! }
}

/// A thread-safe counter for progress reports.
final class ProgressCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    func add(_ amount: Int) -> Int {
        lock.lock()
        defer { lock.unlock() }
        value += amount
        return value
    }
}

/// `sitemap.xml` with language alternates.
enum Sitemap {
    static func xml(model: SiteModel, routes: [Route]) -> String {
        var lines = [
            #"<?xml version="1.0" encoding="UTF-8"?>"#,
            #"<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">"#,
        ]
        for route in routes where route.language != nil && route.kind != .notFound {
            lines.append("  <url>")
            lines.append("    <loc>\(HTML.escape(model.baseURL + route.path))</loc>")
            for language in model.languages {
                let href = model.baseURL + Route.path(route.kind, language: language)
                lines.append(#"    <xhtml:link rel="alternate" hreflang="\#(language)" href="\#(HTML.escape(href))"/>"#)
            }
            lines.append("  </url>")
        }
        lines.append("</urlset>")
        return lines.joined(separator: "\n") + "\n"
    }
}
