import Foundation
import Hummingbird
import LCityContent
import LCityPages
import LCityBuild
import Logging
import NIOCore
import Synchronization

/// `lcity-site serve`: the site built in memory, served on 127.0.0.1, rebuilt as files change, pages reloaded live.
///
/// Requests are answered only when their `Host` header names this machine, an IP address, the listening address or
/// one of `allowedHosts` (`HostAllowList`), so that no other site's page can read the preview by DNS rebinding.
public struct PreviewServer: Sendable {
    public var root: URL
    /// The address to listen on (`--host`); loopback unless asked otherwise (`ListenAddress`).
    public var host: String
    public var port: Int
    /// Names the `Host` header may carry besides `localhost`, `*.localhost`, IP literals and `host` (`--allowed-host`).
    public var allowedHosts: [String] = []
    /// Ports to try after `port` when it is taken.
    public var portAttempts = 10
    /// Where one-line messages go (the terminal).
    public var output: @Sendable (String) -> Void
    /// Called with the bound port once the server listens.
    public var onReady: @Sendable (Int) -> Void = { _ in }
    public var strict = false
    /// The language of terminal lines, and of the error page for paths outside `/zh/` and `/en/`.
    public var language: MessageLanguage = .en

    public init(root: URL, host: String = "127.0.0.1", port: Int = 8080, output: @escaping @Sendable (String) -> Void) {
        self.root = root
        self.host = host
        self.port = port
        self.output = output
    }

    /// Errors the server reports to the command line.
    public struct ServerError: Error, CustomStringConvertible {
        /// What went wrong, in every message language.
        public var message: Message
        public var description: String { message.en }
    }

    /// Builds, then serves until cancelled (Ctrl-C).
    public func run() async throws {
        var attempt = 0
        while true {
            let candidate = port == 0 ? 0 : port + attempt
            do {
                try await runOnce(port: candidate)
                return
            } catch let error where Self.isAddressInUse(error) && port != 0 && attempt + 1 < portAttempts {
                output(Message.portInUseTrying(candidate, next: candidate + 1).text(in: language))
                attempt += 1
            } catch where Self.isAddressInUse(error) {
                throw ServerError(message: .portInUse(candidate))
            }
        }
    }

    static func isAddressInUse(_ error: any Error) -> Bool {
        if let error = error as? IOError, error.errnoCode == EADDRINUSE { return true }
        return "\(error)".contains("Address already in use")
    }

    private func runOnce(port: Int) async throws {
        let listen = ListenAddress(host)
        var options = Pipeline.BuildOptions(strict: strict)
        // Served from the root of this host: canonical links and the 404 pages' links follow.
        options.baseURL = listen.url(port: port == 0 ? 8080 : port)
        let state = SiteState(root: root, options: options)
        let box = SnapshotBox()
        let broadcaster = ReloadBroadcaster()
        let output = output
        let language = language

        let first = await state.buildAll()
        box.set(await state.snapshot)
        report(first, output: output)

        let previewURL = PreviewURL(listen.url(port: port))
        let router = Router()
        // First, so that a refused request reaches nothing else.
        router.add(
            middleware: HostCheckMiddleware(
                allowList: HostAllowList(listenHost: host, allowedHosts: allowedHosts), language: language,
                previewURL: { previewURL.get() }))
        router.add(
            middleware: PreviewMiddleware(
                snapshots: box, broadcaster: broadcaster, languages: Self.languages(box), language: language,
                sourceLines: { SourceLines(root: root) }))
        let logger = Logger(label: "lcity-site.serve", factory: { label in ServerLogHandler(label: label) })
        let onReady = onReady
        let app = Application(
            router: router,
            configuration: .init(address: .hostname(host, port: port), serverName: "lcity-site"),
            onServerRunning: { channel in
                let bound = channel.localAddress?.port ?? port
                previewURL.set(listen.url(port: bound))
                output(Message.serving(listen.url(port: bound)).text(in: language))
                if let note = listen.everyInterfaceNote(port: bound) { output(note.text(in: language)) }
                onReady(bound)
            },
            logger: logger)

        let watcher = FileWatcher(root: root, folders: ["content", "templates"])
        let watch = Task {
            await watcher.run { changed in
                let report = await state.rebuild(changed: changed)
                box.set(await state.snapshot)
                let names: Message = changed.count == 1 ? .verbatim(changed[0]) : .filesChanged(changed.count)
                output(Self.line(report, trigger: names).text(in: language))
                if report.kind == .failed {
                    output(Self.errors(report, root: root, language: language))
                }
                await broadcaster.broadcast("reload")
                // The downloads' workbook and archive hold every city: made again once edits pause for a moment,
                // not at every save (they take about as long as the rest of an edit's rebuild many times over).
                if await state.bundlesPending {
                    let version = await state.snapshot.version
                    Task {
                        try? await Task.sleep(for: Self.bundleDelay)
                        if await state.completeBundles(ifStill: version) { box.set(await state.snapshot) }
                    }
                }
            }
        }
        // Keep-alive comments let the server notice pages that were closed.
        let keepAlive = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(15))
                await broadcaster.broadcast("ping")
            }
        }
        defer {
            watch.cancel()
            keepAlive.cancel()
        }
        try await app.runService()
        await broadcaster.finishAll()
    }

    /// How long edits must pause before the downloads' workbook and archive are made again.
    static let bundleDelay = Duration.seconds(2)

    static func languages(_ box: SnapshotBox) -> [String] {
        Set(box.get().files.keys.compactMap { path -> String? in
            let parts = path.split(separator: "/")
            return parts.count == 2 && parts[1] == "404.html" ? String(parts[0]) : nil
        }).sorted()
    }

    private func report(_ report: SiteSession.Report, output: @Sendable (String) -> Void) {
        output(Self.line(report, trigger: .triggerStart).text(in: language))
        if report.kind == .failed {
            output(Self.errors(report, root: root, language: language))
        }
    }

    /// The errors of a failed rebuild for the terminal, each with its source line and a caret.
    static func errors(_ report: SiteSession.Report, root: URL, language: MessageLanguage) -> String {
        let lines = SourceLines(root: root)
        return DiagnosticFormatter.textWithExcerpts(
            report.diagnostics.filter { $0.severity == .error }, language: language, sourceLine: lines.line)
    }

    /// One line per rebuild: what triggered it, what was rebuilt, how long it took.
    static func line(_ report: SiteSession.Report, trigger: Message) -> Message {
        let ms = String(format: "%.0f ms", report.seconds * 1000)
        switch report.kind {
        case .failed:
            return .rebuildFailed(trigger, errors: report.diagnostics.errorCount, time: ms)
        case .full:
            return .rebuiltAll(trigger, pages: report.pagesRendered, time: ms)
        case .pages:
            return .rerendered(trigger, pages: report.pagesRendered, time: ms)
        case .incremental:
            return .rebuiltIncrementally(trigger, pages: report.pagesRendered, files: report.changedPaths.count, time: ms)
        }
    }
}

/// Answers every request from the in-memory site (or the error page), plus the live-reload event stream.
struct PreviewMiddleware<Context: RequestContext>: RouterMiddleware {
    let snapshots: SnapshotBox
    let broadcaster: ReloadBroadcaster
    let languages: [String]
    /// The language of the error page for paths outside `/zh/` and `/en/`.
    var language: MessageLanguage = .en
    /// Reads the site's source lines for the error page's excerpts (made per page, so that edits show).
    var sourceLines: @Sendable () -> SourceLines? = { nil }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let path = request.uri.path
        if path == LiveReload.eventsPath { return events() }
        guard request.method == .get || request.method == .head else {
            return plain(.methodNotAllowed, "method not allowed\n")
        }
        let snapshot = snapshots.get()
        // The site's own paths, as its links spell them, are found at once; others are resolved.
        if let file = snapshot.served[path] { return serve(file, snapshot: snapshot, path: path) }
        switch SitePaths.resolve(path, files: snapshot.files, languages: languages) {
        case .refused:
            return plain(.badRequest, "bad request\n")
        case .redirect(let location):
            var headers = HTTPFields()
            headers[.location] = location
            headers[.cacheControl] = "no-cache"
            return Response(status: .movedPermanently, headers: headers)
        case .file(let file):
            return serve(snapshot.served[file: file]!, snapshot: snapshot, path: path)
        case .notFound(let page):
            if snapshot.hasErrors { return errorPage(snapshot.diagnostics, path: path) }
            guard let file = snapshot.served[file: page] else { return plain(.notFound, "not found\n") }
            return file.response(.notFound)
        }
    }

    /// A file of the site, or the error page instead of a page while the content has errors.
    private func serve(_ file: ServedFile, snapshot: Snapshot, path: String) -> Response {
        if snapshot.hasErrors && file.isPage { return errorPage(snapshot.diagnostics, path: path) }
        return file.response()
    }

    /// The error page in the language of the requested page (`/zh/…`, `/en/…`), else the server's.
    private func errorPage(_ diagnostics: [Diagnostic], path: String) -> Response {
        let lines = sourceLines()
        let page = LiveReload.errorPage(
            diagnostics, language: LiveReload.language(ofPath: path, default: language),
            sourceLine: { file, number in lines?.line(file, number) })
        return html(.internalServerError, page)
    }

    private func html(_ status: HTTPResponse.Status, _ data: Data) -> Response {
        body(status, data, contentType: "text/html; charset=utf-8")
    }

    private func plain(_ status: HTTPResponse.Status, _ text: String) -> Response {
        body(status, Data(text.utf8), contentType: "text/plain; charset=utf-8")
    }

    private func body(_ status: HTTPResponse.Status, _ data: Data, contentType: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = contentType
        headers[.cacheControl] = "no-cache"
        headers[.contentLength] = String(data.count)
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// Server-Sent Events: `data: reload` after every rebuild.
    private func events() -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/event-stream"
        headers[.cacheControl] = "no-cache"
        let broadcaster = broadcaster
        return Response(
            status: .ok, headers: headers,
            body: ResponseBody { writer in
                let stream = await broadcaster.subscribe()
                try await writer.write(ByteBuffer(string: ": connected\n\n"))
                for await event in stream {
                    // A closed page makes this write throw, which ends the stream and frees the connection.
                    try await writer.write(ByteBuffer(string: event == "ping" ? ": ping\n\n" : "data: \(event)\n\n"))
                }
                try await writer.finish(nil)
            })
    }
}

/// The preview's address, known for certain once the server listens (the system may choose the port).
final class PreviewURL: Sendable {
    private let value: Mutex<String>

    init(_ url: String) { value = Mutex(url) }

    func get() -> String { value.withLock { $0 } }

    func set(_ url: String) { value.withLock { $0 = url } }
}
