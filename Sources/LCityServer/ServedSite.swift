import Foundation
import Hummingbird
import NIOCore

/// One file of the site as the preview sends it: its bytes (a page with the live-reload script) and its headers.
struct ServedFile: Sendable {
    let body: ByteBuffer
    let headers: HTTPFields
    /// An HTML page: the error page stands in for it while the content has errors.
    let isPage: Bool

    init(path: String, data: Data) {
        isPage = path.hasSuffix(".html")
        body = ByteBuffer(bytes: isPage ? LiveReload.inject(into: data) : data)
        var headers = HTTPFields()
        headers[.contentType] = SitePaths.contentType(path)
        headers[.cacheControl] = "no-cache"
        headers[.contentLength] = String(body.readableBytes)
        self.headers = headers
    }

    /// The answer carrying this file (shares its bytes).
    func response(_ status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: headers, body: ResponseBody(byteBuffer: body))
    }
}

/// The site's files ready to be sent, by the request paths that name them exactly (`/en/cities/x/index.html` and
/// `/en/cities/x/`): made when a rebuild is published, for the files it changed, so that a request for a page of
/// the site only looks it up. Other paths (percent-encoded, without their trailing slash, missing, malformed) go
/// through `SitePaths.resolve`.
struct ServedSite: Sendable {
    private var byRequestPath: [String: ServedFile] = [:]

    /// The file a request path names exactly.
    subscript(requestPath: String) -> ServedFile? { byRequestPath[requestPath] }

    /// A file by its path in the site (`en/index.html`).
    subscript(file path: String) -> ServedFile? { byRequestPath["/" + path] }

    /// Makes the entries of the files at `paths` again from `files`, and drops those no longer in it.
    mutating func update(_ paths: some Sequence<String>, from files: [String: Data]) {
        for path in paths {
            let served = files[path].map { ServedFile(path: path, data: $0) }
            for requestPath in Self.requestPaths(of: path) { byRequestPath[requestPath] = served }
        }
    }

    /// The request paths that name a file exactly: `/` and its path, and its folder's path for an `index.html`.
    static func requestPaths(of path: String) -> [String] {
        let index = "index.html"
        guard path == index || path.hasSuffix("/" + index) else { return ["/" + path] }
        return ["/" + path, "/" + path.dropLast(index.count)]
    }
}
