#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Marks for text shown in another language than its page's (a partly translated language's missing texts, shown
/// in its fallback language): the text is wrapped in private-use characters as it is looked up, travels through the
/// views and templates as any text does, and the finished page turns each marked run into
/// `<span lang="…">…</span>` where a span may stand, and drops the marks where it may not (inside tags, the
/// document's `<title>`, SVG). Pages in a fully translated language never contain a mark.
public enum LanguageSpans {
    /// U+E010, then the language code, then U+E011, then the text, then U+E012. (The template renderer's own
    /// markers are U+E000 and U+E001.)
    static let start: [UInt8] = [0xEE, 0x80, 0x90]
    static let codeEnd: [UInt8] = [0xEE, 0x80, 0x91]
    static let end: [UInt8] = [0xEE, 0x80, 0x92]

    /// `text` marked as written in `language`; an empty text stays empty.
    public static func mark(_ text: String, language: String) -> String {
        text.isEmpty ? text : "\u{E010}\(language)\u{E011}\(text)\u{E012}"
    }

    /// Whether `text` holds a mark.
    public static func isMarked(_ text: String) -> Bool {
        // Measuring chart texts asks this of every label: a byte scan, and the scalars only if a private-use lead
        // byte (0xEE, which begins nothing else) is there.
        text.utf8.contains(0xEE) && text.unicodeScalars.contains { (0xE010...0xE012).contains($0.value) }
    }

    /// `text` without its marks (for plain text: measuring, charts, attributes).
    public static func strip(_ text: String) -> String {
        guard isMarked(text) else { return text }
        var result = String.UnicodeScalarView()
        var inCode = false
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0xE010: inCode = true
            case 0xE011: inCode = false
            case 0xE012: continue
            default:
                // A mark cut short (by truncation) leaves its code without U+E011: the code ends with the letters.
                if inCode, scalar.isASCII, scalar.properties.isAlphabetic || scalar == "-" { continue }
                inCode = false
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// Where a text stands in a page, as far as marks are concerned: in text content (a mark becomes a span), in a
    /// tag, the document's `<title>` or an `<svg>` (marks are dropped), or in a `<script>` (marks become escapes its
    /// script resolves). Follows the markup before it byte by byte (`read`).
    public struct Place: Sendable, Equatable {
        var inTag = false
        var inTitle = false
        var inScript = false
        var svgDepth = 0

        /// The start of a page or of a fragment placed in text content.
        public init() {}

        /// Whether a mark here becomes a span.
        var allowsSpans: Bool { !inTag && !inTitle && svgDepth == 0 && !inScript }

        /// Takes in the byte of `html` at `index` (only `<` and `>` matter).
        mutating func read(_ html: UnsafeBufferPointer<UInt8>, at index: Int) {
            let byte = html[index]
            if byte == UInt8(ascii: "<") {
                inTag = true
                if matches(html, at: index + 1, "svg") { svgDepth += 1 }
                if matches(html, at: index + 1, "/svg") { svgDepth = max(0, svgDepth - 1) }
                if svgDepth == 0, matches(html, at: index + 1, "title") { inTitle = true }
                if svgDepth == 0, matches(html, at: index + 1, "/title") { inTitle = false }
                if matches(html, at: index + 1, "script") { inScript = true }
                if matches(html, at: index + 1, "/script") { inScript = false }
            } else if byte == UInt8(ascii: ">") {
                inTag = false
            }
        }

        /// The place after `html`, which follows this one.
        public func after(_ html: UnsafeBufferPointer<UInt8>) -> Place {
            var place = self
            for index in html.indices where html[index] == UInt8(ascii: "<") || html[index] == UInt8(ascii: ">") {
                place.read(html, at: index)
            }
            return place
        }
    }

    /// The page `html` with its marks resolved: `<span lang="code">` and `</span>` in text content; nothing inside a
    /// tag, the document's `<title>` or an `<svg>`; inside a `<script>`, escapes its script resolves (`scriptEscape`).
    /// Returns `html` itself when it holds no mark.
    public static func resolve(_ html: [UInt8]) -> [UInt8] {
        guard html.withUnsafeBufferPointer(containsMark) else { return html }
        return html.withUnsafeBufferPointer { resolve($0, from: Place()) }
    }

    /// The marks of `html`, which stands at `place` in its page, resolved as `resolve(_:)` does.
    public static func resolve(_ html: UnsafeBufferPointer<UInt8>, from place: Place) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(html.count + 256)
        var place = place
        var index = 0
        while index < html.count {
            let byte = html[index]
            if byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") {
                place.read(html, at: index)
            } else if byte == 0xEE, index + 2 < html.count, html[index + 1] == 0x80 {
                switch html[index + 2] {
                case start[2]:
                    var cursor = index + 3
                    var code: [UInt8] = []
                    while cursor < html.count, isCodeByte(html[cursor]) {
                        code.append(html[cursor])
                        cursor += 1
                    }
                    if matches(html, at: cursor, codeEnd) { cursor += 3 }
                    if place.inScript {
                        output.append(contentsOf: scriptEscape(start) + code + scriptEscape(codeEnd))
                    } else if place.allowsSpans && !code.isEmpty {
                        output.append(contentsOf: Array("<span lang=\"".utf8) + code + Array("\">".utf8))
                    }
                    index = cursor
                    continue
                case end[2]:
                    if place.inScript {
                        output.append(contentsOf: scriptEscape(end))
                    } else if place.allowsSpans {
                        output.append(contentsOf: Array("</span>".utf8))
                    }
                    index += 3
                    continue
                case codeEnd[2]:
                    index += 3
                    continue
                default:
                    break
                }
            }
            output.append(byte)
            index += 1
        }
        return output
    }

    /// Resolves the marks of `output[start...]`, which stands at `place` in its page, in place: what a writer calls
    /// on each text it has just written, so that a page is never scanned again once written. Costs one `memchr`
    /// when the text holds no mark.
    public static func resolveTail(of output: inout [UInt8], from start: Int, at place: Place) {
        let resolved: [UInt8]? = output.withUnsafeBufferPointer { buffer in
            let tail = UnsafeBufferPointer(rebasing: buffer[start...])
            return containsMark(tail) ? resolve(tail, from: place) : nil
        }
        if let resolved { output.replaceSubrange(start..., with: resolved) }
    }

    /// A mark inside a `<script>` (the comparison page's JSON configuration): kept for the script to resolve, written
    /// as the escape (`\uE010`) that JSON and JavaScript strings read back as the character.
    static func scriptEscape(_ mark: [UInt8]) -> [UInt8] {
        let scalar = (UInt32(mark[0] & 0x0F) << 12) | (UInt32(mark[1] & 0x3F) << 6) | UInt32(mark[2] & 0x3F)
        return Array("\\u".utf8) + Array(String(scalar, radix: 16, uppercase: true).utf8)
    }

    /// Whether `html` holds a mark: a scan (`memchr`) for 0xEE, the lead byte of U+E000…U+EFFF only.
    static func containsMark(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = buffer.baseAddress else { return false }
        var offset = 0
        while offset < buffer.count, let found = memchr(base + offset, 0xEE, buffer.count - offset) {
            let index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            if index + 2 < buffer.count, buffer[index + 1] == 0x80, (0x90...0x92).contains(buffer[index + 2]) { return true }
            offset = index + 1
        }
        return false
    }

    static func isCodeByte(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "-")
    }

    static func matches(_ html: UnsafeBufferPointer<UInt8>, at index: Int, _ literal: String) -> Bool {
        matches(html, at: index, Array(literal.utf8))
    }

    static func matches(_ html: UnsafeBufferPointer<UInt8>, at index: Int, _ bytes: [UInt8]) -> Bool {
        guard index + bytes.count <= html.count else { return false }
        for offset in bytes.indices where html[index + offset] != bytes[offset] { return false }
        return true
    }
}
