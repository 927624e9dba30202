import LCityContent
import Mustache

/// HTML escaping, for text put together in Swift and for every `{{value}}` the templates render.
public enum HTML {
    /// `text` with `& < > " '` escaped for element content and attribute values; text without them is returned
    /// as it is (no copy).
    public static func escape(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes -> String? in
            guard bytes.contains(where: needsEscaping) else { return nil }
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count + 16)
            appendEscaped(bytes, to: &result)
            return String(decoding: result, as: UTF8.self)
        } ?? text
    }

    /// Appends `text` to `output`, escaped as `escape` does.
    static func appendEscaped(_ text: String, to output: inout [UInt8]) {
        if text.utf8.withContiguousStorageIfAvailable({ appendEscaped($0, to: &output) }) == nil {
            Array(text.utf8).withUnsafeBufferPointer { appendEscaped($0, to: &output) }
        }
    }

    /// Appends the UTF-8 text `bytes` to `output`, escaped as `escape` does.
    static func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        var start = 0
        for index in bytes.indices where needsEscaping(bytes[index]) {
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
            switch bytes[index] {
            case UInt8(ascii: "&"): output.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): output.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): output.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\""): output.append(contentsOf: "&quot;".utf8)
            default: output.append(contentsOf: "&#39;".utf8)
            }
            start = index + 1
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
    }

    @inline(__always)
    private static func needsEscaping(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "\"")
            || byte == UInt8(ascii: "'")
    }

    /// The Mustache content type of our templates: the same text as swift-mustache's built-in HTML escaping
    /// (`& < > " '`), made on UTF-8 bytes rather than character by character. `TemplateSet` registers it and
    /// selects it in every template.
    struct ContentType: MustacheContentType {
        func escapeText(_ text: String) -> String { HTML.escape(text) }
    }

    /// The name `ContentType` is registered under (`{{% CONTENT_TYPE: … }}`).
    static let contentTypeName = "lcity-html"

    /// Registers `ContentType` with swift-mustache, once per process.
    static let registerContentType: Void = MustacheContentTypes.register(ContentType(), named: contentTypeName)
}

/// Markup put together in Swift, kept as UTF-8 on its way into a page. Pages are written out as bytes, so the tens
/// of kilobytes of a table's rows never become a `String` in between (which would check every byte as UTF-8).
public struct RenderedHTML: Sendable, Equatable {
    public var bytes: [UInt8]

    public init(bytes: [UInt8] = []) {
        self.bytes = bytes
    }

    /// The markup as a string, for the template contexts swift-mustache reads (a new shape, a page rendered directly).
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    public var isEmpty: Bool { bytes.isEmpty }
}

extension RenderedHTML: Encodable {
    /// Encodes the markup as its text. `TemplateEncoder` takes it as markup instead, copied into pages as bytes.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }
}
