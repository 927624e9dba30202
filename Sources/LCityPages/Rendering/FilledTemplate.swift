import LCityUTF8
import LCityContent

/// A text of a template context as `FragmentRenderer` fills it in: a string, or markup rendered in Swift.
enum FragmentText: Sendable {
    case text(String)
    /// Markup already rendered (a table's rows), copied into the page as bytes.
    case html(RenderedHTML)

    /// The text as a string (for tests and messages).
    var string: String {
        switch self {
        case .text(let text): return text
        case .html(let html): return html.text
        }
    }

    /// The length of the text in UTF-8.
    var utf8Count: Int {
        switch self {
        case .text(let text): return text.utf8.count
        case .html(let html): return html.bytes.count
        }
    }
}

/// A template's output for one shape of context: its fixed text as UTF-8, with holes where the context's texts go.
///
/// Each hole knows its place in the markup (text content, a tag, a title or SVG, a script), so the marks of texts
/// shown in a fallback language (`LanguageSpans`) are resolved as each text is written: a filled output holds no
/// mark, and no page is scanned again once written.
struct FilledTemplate: Sendable {
    /// A place in `fixed` where a text goes.
    struct Hole: Sendable {
        /// The offset in `fixed` the text goes before.
        let offset: Int
        /// The text's number in visiting order.
        let index: Int
        /// Whether the template escapes the text (`{{x}}`) or not (`{{{x}}}`).
        let escaped: Bool
        /// Where the text stands in the markup, which says what its marks become.
        let place: LanguageSpans.Place
    }

    let fixed: [UInt8]
    let holes: [Hole]

    /// Cuts `marked`, the template's output with each text replaced by its marker (see `FragmentRenderer`), into
    /// fixed text and holes; nil if a marker was changed on the way (a transform of the text) or names a text that
    /// does not exist.
    init?(marked: String, holes count: Int) {
        // The markers' first and last scalars in UTF-8: EE 80 80 and EE 80 81.
        let bytes = Array(marked.utf8)
        func isMarker(at index: Int, last: UInt8) -> Bool {
            index + 2 < bytes.count && bytes[index] == 0xEE && bytes[index + 1] == 0x80 && bytes[index + 2] == last
        }
        var fixed: [UInt8] = []
        fixed.reserveCapacity(bytes.count)
        var holes: [Hole] = []
        var index = 0
        while index < bytes.count {
            guard isMarker(at: index, last: 0x80) else {
                fixed.append(bytes[index])
                index += 1
                continue
            }
            var end = index + 3
            while end < bytes.count && !isMarker(at: end, last: 0x81) { end += 1 }
            guard end < bytes.count else { return nil }
            let body = String(decoding: bytes[(index + 3)..<end], as: UTF8.self)
            let escaped: Bool
            let number: Substring
            if body.hasSuffix("M&amp;") {
                escaped = true
                number = body.dropLast("M&amp;".count)
            } else if body.hasSuffix("M&") {
                escaped = false
                number = body.dropLast("M&".count)
            } else {
                return nil
            }
            guard number.hasPrefix("m"), let hole = Int(number.dropFirst()), hole >= 0, hole < count else { return nil }
            holes.append(Hole(offset: fixed.count, index: hole, escaped: escaped, place: LanguageSpans.Place()))
            index = end + 3
        }
        // Each hole's place: the markup before it (texts placed raw are whole elements, which leave it as it was).
        var place = LanguageSpans.Place()
        var start = 0
        self.holes = fixed.withUnsafeBufferPointer { fixed in
            holes.map { hole in
                place = place.after(UnsafeBufferPointer(rebasing: fixed[start..<hole.offset]))
                start = hole.offset
                return Hole(offset: hole.offset, index: hole.index, escaped: hole.escaped, place: place)
            }
        }
        self.fixed = fixed
    }

    /// Appends the output for a context with `texts` (in visiting order) to `output`.
    func fill(with texts: [FragmentText], into output: inout [UInt8]) {
        // A new output is sized up front: a page is filled with rows of tens of kilobytes, which would otherwise be
        // copied again at each doubling. (Each text is counted once, wherever it goes; escaping adds a little.)
        if output.isEmpty {
            var capacity = fixed.count + 64
            for text in texts { capacity += text.utf8Count }
            output.reserveCapacity(capacity)
        }
        fixed.withUnsafeBufferPointer { fixed in
            var start = 0
            for hole in holes {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: fixed[start..<hole.offset]))
                start = hole.offset
                let textStart = output.count
                defer { LanguageSpans.resolveTail(of: &output, from: textStart, at: hole.place) }
                switch texts[hole.index] {
                case .text(let text):
                    if hole.escaped { HTML.appendEscaped(text, to: &output) } else { output.appendUTF8(text) }
                case .html(let html):
                    if hole.escaped {
                        html.bytes.withUnsafeBufferPointer { HTML.appendEscaped($0, to: &output) }
                    } else {
                        output.append(contentsOf: html.bytes)
                    }
                }
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: fixed[start...]))
        }
    }
}
