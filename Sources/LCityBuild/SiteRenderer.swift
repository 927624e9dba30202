import Foundation
import LCityContent
import LCityPages
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
    /// The renderers of the templates; shapes they learnt stay valid while templates and UI strings are the same.
    public let fragments: Fragments
    /// Makes the pages' views; what it derives once from the model, an incremental rebuild keeps.
    public let builder: PageBuilder

    /// A renderer of `model` with `templates`; `fragments` and `builder`, when given, must have been made for these
    /// templates and (the builder) this model.
    public init(model: SiteModel, templates: TemplateSet, fragments: Fragments? = nil, builder: PageBuilder? = nil) {
        self.model = model
        self.templates = templates
        let fragments = fragments ?? Fragments(templates: templates)
        self.fragments = fragments
        self.builder = builder ?? PageBuilder(model: model, fragments: fragments)
    }

    /// Renders every page, download and asset into memory. `progress` is called with (done, total) from any thread.
    public func render(progress: (@Sendable (Int, Int) -> Void)? = nil) -> StageResult<RenderedSite> {
        let sink = MemorySink()
        let result = render(to: sink, progress: progress)
        guard let pageCount = result.value else { return StageResult(value: nil, diagnostics: result.diagnostics) }
        return StageResult(
            value: RenderedSite(files: sink.contents, pageCount: pageCount, basePath: model.basePath),
            diagnostics: result.diagnostics)
    }

    /// Renders every page, download and asset into `sink` as they are produced (pages on all cores), so that a
    /// large site never has to fit in memory. Returns the number of pages.
    public func render(to sink: some OutputSink, progress: (@Sendable (Int, Int) -> Void)? = nil) -> StageResult<Int> {
        let routes = model.routes
        var diagnostics = templates.validate(against: model, routes: routes)
        if diagnostics.errorCount > 0 { return StageResult(value: nil, diagnostics: diagnostics) }
        // The downloads (long serial parts: the workbook, the zip) are made beside the pages, which take every core
        // they find free.
        let (failures, downloadFailure) = concurrently({ renderPages(routes, to: sink, progress: progress) }) {
            [self] () -> Diagnostic? in
            do {
                try writeFiles(routes: routes, to: sink)
                return nil
            } catch {
                return Diagnostic.error(.writeFailed(error), at: SourceLocation(file: "public"))
            }
        }
        diagnostics += failures
        if let downloadFailure { diagnostics.append(downloadFailure) }
        return StageResult(value: diagnostics.errorCount == 0 ? routes.count : nil, diagnostics: diagnostics)
    }

    /// Everything but the pages: assets, downloads, search indexes, the sitemap and robots.txt.
    func writeFiles(routes: [Route], to sink: some OutputSink) throws {
        for (path, data) in templates.assets.sorted(by: { $0.key < $1.key }) { try sink.write(path, data) }
        try DataExport(model: model).write(to: sink)
        try writeSearchIndexes(to: sink)
        try sink.write("sitemap.xml", Data(Sitemap.xml(model: model, routes: routes).utf8))
        try sink.write("robots.txt", Data("User-agent: *\nAllow: /\n\nSitemap: \(model.baseURL)sitemap.xml\n".utf8))
    }

    /// The search index of each language, in its search page's folder (`<lang>/search/index.json` …).
    public func writeSearchIndexes(to sink: some OutputSink) throws {
        let files = parallelMap(builder.searchIndexes()) { $0.files() }
        for (language, files) in zip(model.languages, files) {
            for file in files { try sink.write(Route.path(.search, language: language) + file.name, bytes: file.bytes) }
        }
    }

    /// Renders `routes` into `sink`; returns a diagnostic for each page that could not be rendered or written.
    public func renderPages(
        _ routes: [Route], to sink: some OutputSink, progress: (@Sendable (Int, Int) -> Void)? = nil
    ) -> [Diagnostic] {
        let builder = self.builder
        let failures = parallelMap(routes, progress: progress) { route -> Diagnostic? in
            guard let html = builder.render(route) else {
                let template = PageBuilder.template(for: route.kind)
                return .error(
                    .templateMissingForPage(template, page: route.outputFile),
                    at: SourceLocation(file: "templates/\(template).mustache"))
            }
            do {
                try sink.write(route.outputFile, bytes: html)
                return nil
            } catch {
                return .error(.writeFailed(error), at: SourceLocation(file: route.outputFile))
            }
        }
        return failures.compactMap { $0 }
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
