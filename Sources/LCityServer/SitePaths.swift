import Foundation
import LCityContent
import LCityPages
import LCityBuild

/// Maps request paths onto the files of the built site, refusing anything that could point elsewhere.
enum SitePaths {
    /// The outcome of looking a request path up.
    enum Resolution: Equatable {
        /// Serve this file of the site.
        case file(String)
        /// The directory exists without its trailing slash: redirect, as static hosts do.
        case redirect(String)
        /// No such file: serve the 404 page (path of the page to use).
        case notFound(String)
        /// A path that tries to leave the site or is malformed.
        case refused
    }

    /// Resolves the raw (percent-encoded) request path against the site's files.
    static func resolve(_ rawPath: String, files: [String: Data], languages: [String]) -> Resolution {
        guard let decoded = rawPath.removingPercentEncoding, decoded.hasPrefix("/") else { return .refused }
        if decoded.contains("\0") || decoded.contains("\\") { return .refused }
        let segments = decoded.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        if segments.contains(where: { $0 == ".." || $0 == "." }) { return .refused }
        if decoded.contains("//") { return .refused }
        let relative = String(decoded.dropFirst())
        if relative.isEmpty || relative.hasSuffix("/") {
            let index = relative + "index.html"
            return files[index] != nil ? .file(index) : notFound(relative, files: files, languages: languages)
        }
        if files[relative] != nil { return .file(relative) }
        if files[relative + "/index.html"] != nil { return .redirect(decoded + "/") }
        return notFound(relative, files: files, languages: languages)
    }

    /// The language's 404 page for paths below `/<lang>/`, else the root one.
    static func notFound(_ relative: String, files: [String: Data], languages: [String]) -> Resolution {
        let first = relative.split(separator: "/").first.map(String.init) ?? ""
        if languages.contains(first), files["\(first)/404.html"] != nil { return .notFound("\(first)/404.html") }
        return .notFound("404.html")
    }

    /// The Content-Type of a site file, with a charset for text.
    static func contentType(_ path: String) -> String {
        switch (path as NSString).pathExtension.lowercased() {
        case "html": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "js": return "text/javascript; charset=utf-8"
        case "json": return "application/json; charset=utf-8"
        case "csv": return "text/csv; charset=utf-8"
        case "xml": return "application/xml; charset=utf-8"
        case "txt": return "text/plain; charset=utf-8"
        case "svg": return "image/svg+xml"
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "webp": return "image/webp"
        case "ico": return "image/x-icon"
        case "woff2": return "font/woff2"
        default: return "application/octet-stream"
        }
    }
}

/// The bits `serve` adds to pages: the live-reload script and the error page. Never in `build` output.
enum LiveReload {
    static let eventsPath = "/__lcity/events"

    /// Reconnects after the server restarts; reloads on every rebuild.
    static let script = """
        <script>(() => { const s = new EventSource("\(eventsPath)"); s.onmessage = (e) => { if (e.data === "reload") location.reload(); }; })();</script>
        """

    /// `html` with the live-reload script before `</body>`.
    static func inject(into html: Data) -> Data {
        let marker = Data("</body>".utf8)
        guard let range = html.range(of: marker, options: .backwards) else { return html + Data(script.utf8) }
        var result = html
        result.replaceSubrange(range.lowerBound..<range.lowerBound, with: Data((script + "\n").utf8))
        return result
    }

    /// The message language of a request path: `/zh/…` Chinese, `/en/…` English, else `fallback`.
    static func language(ofPath path: String, default fallback: MessageLanguage) -> MessageLanguage {
        let first = path.split(separator: "/").first.map(String.init) ?? ""
        return MessageLanguage(rawValue: first) ?? fallback
    }

    /// A page listing the current errors (file:line:col) in `language`, each with its source line and a caret under
    /// the column when `sourceLine(file, line)` can give it; the page reloads itself once the errors are fixed.
    static func errorPage(
        _ diagnostics: [Diagnostic], language: MessageLanguage = .en, sourceLine: (String, Int) -> String? = { _, _ in nil }
    ) -> Data {
        let items = diagnostics.map { diagnostic in
            let notes = diagnostic.notes.map {
                "<br><span class=\"note\">\(escape(Message.noteLabel.text(in: language) + $0.text(in: language)))</span>"
            }.joined()
            var excerpt = ""
            let location = diagnostic.location
            if location.sheet == nil, location.line > 0, location.column > 0, let line = sourceLine(location.file, location.line) {
                let lines = SourceExcerpt(line: line, column: location.column)
                excerpt = "\n<pre class=\"excerpt\" aria-label=\"\(escape(Message.errorPageSourceLabel.text(in: language)))\">"
                    + "\(escape(lines.source))\n<span class=\"caret\">\(escape(lines.caret))</span></pre>"
            }
            let label = diagnostic.severity.label.text(in: language).trimmingCharacters(in: .whitespaces)
            return "<li class=\"\(diagnostic.severity.rawValue)\"><code>\(escape(location.description))</code> <strong>\(escape(label))</strong> \(escape(diagnostic.message.text(in: language)))\(notes)\(excerpt)</li>"
        }.joined(separator: "\n")
        let errors = diagnostics.count { $0.severity == .error }
        let html = """
            <!DOCTYPE html>
            <html lang="\(language.rawValue)">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(escape(Message.errorPageTitle(errors: errors).text(in: language)))</title>
            <style>body{font-family:system-ui,sans-serif;margin:2rem;max-width:60rem;line-height:1.5}li{margin:.5rem 0}
            code{background:#f3f3f3;padding:.1rem .3rem}.error strong{color:#b00020}.warning strong{color:#8a5a00}.note{color:#555}
            pre.excerpt{background:#f6f6f6;padding:.4rem .6rem;margin:.3rem 0;overflow-x:auto;tab-size:8}.caret{color:#b00020;font-weight:bold}</style>
            </head>
            <body>
            <main>
            <h1>\(escape(Message.errorPageHeading(errors: errors).text(in: language)))</h1>
            <p>\(escape(Message.errorPageIntro.text(in: language)))</p>
            <ol>
            \(items)
            </ol>
            </main>
            \(script)
            </body>
            </html>
            """
        return Data(html.utf8)
    }

    static func escape(_ text: String) -> String { HTML.escape(text) }
}
