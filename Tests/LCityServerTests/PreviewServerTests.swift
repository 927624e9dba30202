import Foundation
import Synchronization
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

@testable import LCityServer
import LCityContent
import LCityTestSupport
import NIOCore


/// A copy of the shipped site, served on an ephemeral port of 127.0.0.1 for the duration of a test.
final class RunningServer: @unchecked Sendable {
    let root: URL
    private(set) var port = 0
    private var task: Task<Void, any Error>?
    let lines = LineLog()

    init(allowedHosts: [String] = []) async throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("lcity-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for folder in ["content", "templates"] {
            try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent(folder), to: root.appendingPathComponent(folder))
        }
        let ready = AsyncStream<Int>.makeStream()
        var server = PreviewServer(root: root, port: 0) { [lines] line in lines.append(line) }
        server.allowedHosts = allowedHosts
        server.onReady = { port in ready.continuation.yield(port) }
        task = Task { try await server.run() }
        for await port in ready.stream {
            self.port = port
            break
        }
    }

    func stop() async {
        task?.cancel()
        _ = await task?.result
        try? FileManager.default.removeItem(at: root)
    }

    func get(_ path: String) async throws -> (status: Int, body: String, headers: [String: String]) {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!)
        request.cachePolicy = .reloadIgnoringLocalCacheData
        let (data, response) = try await URLSession.shared.data(for: request)
        let http = response as! HTTPURLResponse
        var headers: [String: String] = [:]
        for (key, value) in http.allHeaderFields { headers["\(key)".lowercased()] = "\(value)" }
        return (http.statusCode, String(decoding: data, as: UTF8.self), headers)
    }

    /// Sends a raw request line (no client-side normalisation of `..` or `%2e`) and returns the status code.
    func rawStatus(_ target: String) throws -> Int {
        let response = try RawHTTP.request("GET \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n", port: port)
        return Int(response.split(separator: " ").dropFirst().first ?? "") ?? 0
    }

    /// Sends a GET with exactly this `Host` header (none when nil) and returns the raw response.
    func rawResponse(_ target: String, host: String?) throws -> String {
        let hostLine = host.map { "Host: \($0)\r\n" } ?? ""
        return try RawHTTP.request("GET \(target) HTTP/1.1\r\n\(hostLine)Connection: close\r\n\r\n", port: port)
    }

    func edit(_ relative: String, replacing old: String, with new: String) throws {
        let url = root.appendingPathComponent(relative)
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(text.contains(old))
        try text.replacingOccurrences(of: old, with: new).write(to: url, atomically: false, encoding: .utf8)
    }

    /// Polls `path` until `body` satisfies `condition` (rebuilds are asynchronous), for at most `seconds`: generous,
    /// since on a loaded machine, with other suites running in parallel, a debug build's rebuild can take seconds.
    func waitFor(_ path: String, seconds: Double = 30, _ condition: (Int, String) -> Bool) async throws -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            let (status, body, _) = try await get(path)
            if condition(status, body) { return true }
            try await Task.sleep(for: .milliseconds(100))
        }
        return false
    }
}

/// The lines the server printed, collected from its tasks.
final class LineLog: Sendable {
    private let lines = Mutex<[String]>([])

    func append(_ line: String) { lines.withLock { $0.append(line) } }

    var all: [String] { lines.withLock { $0 } }
}

/// A minimal HTTP client on a plain socket: sends exactly the bytes given.
enum RawHTTP {
    static func connect(port: Int) throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else { throw POSIXError(.ECONNREFUSED) }
        return fd
    }

    static func request(_ text: String, port: Int) throws -> String {
        let fd = try connect(port: port)
        defer { close(fd) }
        _ = text.withCString { send(fd, $0, strlen($0), 0) }
        var response = Data()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = recv(fd, &buffer, buffer.count, 0)
            if count <= 0 { break }
            response.append(contentsOf: buffer[0..<count])
        }
        return String(decoding: response, as: UTF8.self)
    }
}

@Suite("Preview server", .serialized)
struct PreviewServerTests {
    @Test func servesPagesAssetsAndNotFound() async throws {
        let server = try await RunningServer()
        let page = try await server.get("/en/cities/qiaolan/")
        #expect(page.status == 200)
        #expect(page.headers["content-type"] == "text/html; charset=utf-8")
        #expect(page.headers["cache-control"] == "no-cache")
        #expect(page.body.contains("EventSource(\"/__lcity/events\")"), "serve pages carry the live-reload script")
        let root = try await server.get("/")
        #expect(root.status == 200)
        #expect(root.body.contains("Enter the English site"))
        let css = try await server.get("/assets/style.css")
        #expect(css.headers["content-type"] == "text/css; charset=utf-8")
        let csv = try await server.get("/data/all.csv")
        #expect(csv.headers["content-type"] == "text/csv; charset=utf-8")
        let missing = try await server.get("/en/no-such-page/")
        #expect(missing.status == 404)
        #expect(missing.body.contains("Page not found"))
        #expect(try server.rawStatus("/en") == 301)
        await server.stop()
    }

    @Test func refusesPathsOutsideTheSite() async throws {
        let server = try await RunningServer()
        for target in ["/../etc/passwd", "/%2e%2e/etc/passwd", "/..%2fetc%2fpasswd", "/%2E%2E/%2E%2E/etc/passwd", "/en/%00", "/en/..\\..\\x", "//etc/passwd"] {
            let status = try server.rawStatus(target)
            #expect(status == 400 || status == 404, "\(target) answered \(status)")
            #expect(status != 200)
        }
        await server.stop()
    }

    @Test func refusesRequestsForOtherHostNamesOnEveryRoute() async throws {
        let server = try await RunningServer(allowedHosts: ["preview.example.org"])
        // A page, the live-reload stream, a 404 and a file: refused for a name the server does not answer to.
        for target in ["/en/", LiveReload.eventsPath, "/en/no-such-page/", "/assets/style.css"] {
            for host in ["evil.example", "evil.example:\(server.port)", "127.0.0.1.evil.example"] {
                let response = try server.rawResponse(target, host: host)
                #expect(response.hasPrefix("HTTP/1.1 403 Forbidden\r\n"), "\(target) for \(host): \(response.prefix(40))")
            }
        }
        let refused = try server.rawResponse("/en/", host: "evil.example")
        #expect(refused.lowercased().contains("\r\ncache-control: no-store\r\n"))
        #expect(refused.lowercased().contains("content-type: text/plain; charset=utf-8"))
        #expect(refused.contains("'evil.example', which is not an allowed host name"))
        #expect(refused.contains("Open http://127.0.0.1:\(server.port)/ instead"))
        #expect(refused.contains("--allowed-host evil.example."))
        #expect(!refused.contains("<html"))
        #expect(try server.rawResponse("/en/", host: nil).hasPrefix("HTTP/1.1 403 "))
        #expect(try server.rawResponse("/en/", host: "").hasPrefix("HTTP/1.1 403 "))
        // This machine by its address or name, and a name given with --allowed-host.
        for host in ["127.0.0.1:\(server.port)", "localhost:\(server.port)", "[::1]:\(server.port)", "Preview.Example.org:\(server.port)"] {
            let response = try server.rawResponse("/en/", host: host)
            #expect(response.hasPrefix("HTTP/1.1 200 OK\r\n"), "\(host): \(response.prefix(40))")
        }
        let page = try await server.get("/en/")
        #expect(page.status == 200)
        await server.stop()
    }

    @Test func editingACityFileUpdatesThePageAndSignalsAReload() async throws {
        let server = try await RunningServer()
        // Listen for the reload event on a raw connection.
        let fd = try RawHTTP.connect(port: server.port)
        defer { close(fd) }
        let request = "GET /__lcity/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
        _ = request.withCString { send(fd, $0, strlen($0), 0) }
        try await Task.sleep(for: .milliseconds(300))
        try server.edit("content/cities/qiaolan.yaml", replacing: "total: 98.2}", with: "total: 97.9}")
        let updated = try await server.waitFor("/en/cities/qiaolan/") { status, body in status == 200 && body.contains("97.9%") }
        #expect(updated)
        var received = ""
        var buffer = [UInt8](repeating: 0, count: 4096)
        let deadline = Date().addingTimeInterval(10)
        while !received.contains("data: reload"), Date() < deadline {
            let count = recv(fd, &buffer, buffer.count, 0)
            if count <= 0 { break }
            received += String(decoding: buffer[0..<count], as: UTF8.self)
        }
        #expect(received.contains("text/event-stream"))
        #expect(received.contains("data: reload"))
        #expect(server.lines.all.contains { $0.hasPrefix("content/cities/qiaolan.yaml: rebuilt") })
        await server.stop()
    }

    @Test func invalidEditShowsTheErrorPageAndRecovers() async throws {
        let server = try await RunningServer()
        try server.edit("content/cities/qiaolan.yaml", replacing: "total: 98.2}", with: "total: 198.2}")
        let broken = try await server.waitFor("/en/cities/qiaolan/") { status, body in
            status == 500 && body.contains("content/cities/qiaolan.yaml:") && body.contains("a percentage must be 0–100")
        }
        #expect(broken)
        // In the language of the page asked for, with the offending line and a caret under the column.
        let chinese = try await server.get("/zh/cities/qiaolan/")
        #expect(chinese.status == 500)
        #expect(chinese.body.contains(#"<html lang="zh">"#))
        #expect(chinese.body.contains("百分比必须在 0–100 之间"))
        #expect(chinese.body.contains("网站无法重新生成"))
        #expect(chinese.body.contains(#"<pre class="excerpt""#) && chinese.body.contains("total: 198.2}"))
        #expect(!chinese.body.contains("a percentage must be"))
        let english = try await server.get("/en/cities/qiaolan/")
        #expect(english.body.contains(#"<html lang="en">"#) && english.body.contains("The site cannot be rebuilt"))
        try server.edit("content/cities/qiaolan.yaml", replacing: "total: 198.2}", with: "total: 98.3}")
        let recovered = try await server.waitFor("/en/cities/qiaolan/") { status, body in status == 200 && body.contains("98.3%") }
        #expect(recovered)
        await server.stop()
    }

    @Test func errorPageShowsTheSourceLineWithACaretInThePagesLanguage() {
        let diagnostics = [
            Diagnostic.error(
                .unknownCountry("Kenya"), at: SourceLocation(file: "content/cities/a.yaml", line: 2, column: 17),
                notes: [.countryCodeNotName("KE")]),
            Diagnostic.error(.fileEmpty, at: SourceLocation(file: "content/cities/b.yaml")),
        ]
        let source = ["name: {zh: 甲}", "\t国家：x, country: Kenya"]
        let page = String(
            decoding: LiveReload.errorPage(diagnostics, language: .zh) { file, line in
                file == "content/cities/a.yaml" ? source[line - 1] : nil
            }, as: UTF8.self)
        #expect(page.contains(#"<html lang="zh">"#))
        #expect(page.contains("<title>lcity-site：2 个错误</title>"))
        #expect(page.contains("<strong>错误：</strong> 未知的国家代码“Kenya”"))
        #expect(page.contains("附注：您是不是要写“KE”？"))
        // A tab stays a tab, each wide character becomes an ideographic space: the caret stands under 'K'.
        let caret = "\t\u{3000}\u{3000}\u{3000}" + String(repeating: " ", count: 12) + "^"
        #expect(page.contains("\t国家：x, country: Kenya\n<span class=\"caret\">\(caret)</span></pre>"))
        #expect(page.components(separatedBy: "<pre").count == 2)
        #expect(!page.contains("error:") && !page.contains("note:"))
        #expect(LiveReload.language(ofPath: "/zh/cities/a/", default: .en) == .zh)
        #expect(LiveReload.language(ofPath: "/en/", default: .zh) == .en)
        #expect(LiveReload.language(ofPath: "/assets/x.css", default: .zh) == .zh)
    }

    @Test func servedSiteIsMadeOnceAndKeptUpToDateByTheChangedPaths() throws {
        var files = [
            "index.html": Data("<html><body>root</body></html>".utf8), "en/index.html": Data("<body>en</body>".utf8),
            "assets/style.css": Data("a{}".utf8),
        ]
        var site = ServedSite()
        site.update(files.keys, from: files)
        // A page by its file path and by its folder's, with the live-reload script and headers made once.
        let page = try #require(site["/en/"])
        #expect(page.isPage && site["/en/index.html"]?.body == page.body)
        #expect(String(buffer: page.body) == "<body>en" + LiveReload.script + "\n</body>")
        #expect(page.headers[.contentType] == "text/html; charset=utf-8" && page.headers[.cacheControl] == "no-cache")
        #expect(page.headers[.contentLength] == String(page.body.readableBytes))
        #expect(site["/"]?.isPage == true && site[file: "index.html"]?.body == site["/"]?.body)
        let css = try #require(site["/assets/style.css"])
        #expect(!css.isPage && String(buffer: css.body) == "a{}" && css.headers[.contentType] == "text/css; charset=utf-8")
        // Only exact paths: anything else is left to SitePaths.resolve.
        for path in ["/en", "/assets/", "/assets/style.css/", "/%65n/", "/en//", "/en/../en/", "en/"] { #expect(site[path] == nil) }
        // A rebuild changes one file and removes another: only those entries change.
        files["assets/style.css"] = Data("b{}".utf8)
        files["en/index.html"] = nil
        site.update(["assets/style.css", "en/index.html"], from: files)
        #expect(String(buffer: try #require(site["/assets/style.css"]).body) == "b{}")
        #expect(site["/en/"] == nil && site["/en/index.html"] == nil && site["/"] != nil)
        #expect(ServedSite.requestPaths(of: "a/b/index.html") == ["/a/b/index.html", "/a/b/"])
        #expect(ServedSite.requestPaths(of: "a/notindex.html") == ["/a/notindex.html"])
    }

    @Test func resolvesPathsLikeAStaticHost() {
        let files = ["index.html": Data(), "en/index.html": Data(), "en/404.html": Data(), "404.html": Data(), "assets/style.css": Data()]
        #expect(SitePaths.resolve("/", files: files, languages: ["en"]) == .file("index.html"))
        #expect(SitePaths.resolve("/en/", files: files, languages: ["en"]) == .file("en/index.html"))
        #expect(SitePaths.resolve("/en", files: files, languages: ["en"]) == .redirect("/en/"))
        #expect(SitePaths.resolve("/en/x/", files: files, languages: ["en"]) == .notFound("en/404.html"))
        #expect(SitePaths.resolve("/x", files: files, languages: ["en"]) == .notFound("404.html"))
        #expect(SitePaths.resolve("/assets/../en/", files: files, languages: ["en"]) == .refused)
        #expect(SitePaths.resolve("/%2e%2e/x", files: files, languages: ["en"]) == .refused)
        #expect(SitePaths.resolve("/a%00b", files: files, languages: ["en"]) == .refused)
    }
}
