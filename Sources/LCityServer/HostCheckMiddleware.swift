import Foundation
import Hummingbird
import LCityContent
import NIOCore

/// Answers `403 Forbidden` to every request whose `Host` header the allow-list refuses, before any other middleware
/// sees it: pages, files, 404s and the live-reload stream alike.
struct HostCheckMiddleware<Context: RequestContext>: RouterMiddleware {
    let allowList: HostAllowList
    /// The language of the refusal (the server's).
    var language: MessageLanguage = .en
    /// The preview's address to suggest instead (known once the server listens).
    var previewURL: @Sendable () -> String

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        // HTTP/1.1's Host header arrives as the request's authority.
        let hostHeader = request.head.authority
        if allowList.allows(hostHeader) { return try await next(request, context) }
        return Self.refusal(hostHeader, language: language, url: previewURL())
    }

    /// The plain-text answer saying why the request was refused and what to open instead; never cached.
    static func refusal(_ hostHeader: String?, language: MessageLanguage, url: String) -> Response {
        let body = Data((Message.hostRefused(hostHeader, url: url).text(in: language) + "\n").utf8)
        var headers = HTTPFields()
        headers[.contentType] = "text/plain; charset=utf-8"
        headers[.cacheControl] = "no-store"
        headers[.contentLength] = String(body.count)
        return Response(status: .forbidden, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }
}
