import Foundation
import LCityUTF8
import LCityContent
import Mustache
import Synchronization

/// Renders one template over many views of the same few shapes — the rows of the big tables, the pagers, the
/// pages of each kind — with exactly the output swift-mustache gives for each view, running swift-mustache once
/// per shape instead of once per view.
///
/// Mustache is logic-less: what a template writes for a context depends on the context's *shape* (which sections
/// are on: booleans, absent values, list lengths, empty texts) and, where values are printed, on the printed texts
/// themselves. `TemplateEncoder` gives a view's shape and texts; for a shape not seen before, swift-mustache renders
/// the view's context with each text replaced by a numbered marker, and the output is cut at the markers into a
/// `FilledTemplate` (fixed bytes and holes). Every view of that shape, the first included, is then written by
/// filling the holes with its texts, escaped where the template escapes them.
///
/// Guarantees:
/// - Empty texts stay empty in the marked context, so sections on them (`empty(x)`) go the same way.
/// - Only a transform can make the output depend on a text's characters. With `verifiesNewShapes` (set by
///   `Fragments` when some template uses a transform outside `shapeOnlyTransforms`), the first view of each shape
///   is also rendered directly and compared: a template that depends on its texts is rendered directly from then on.
/// - `constants` (the UI strings) must be the same for every view rendered with the same `constantsKey`.
/// - Thread-safe: compiled shapes are shared under a mutex; rendering a known shape takes the lock only to look it up.
final class FragmentRenderer: Sendable {
    /// The template's name in the library.
    let template: String
    /// Whether the output loses the template file's final line end (rows placed on a line of their own by the page
    /// template) or keeps it (whole pages).
    let trimsFinalLineEnd: Bool
    /// Whether each new shape is checked against swift-mustache's own rendering of its first context.
    let verifiesNewShapes: Bool
    /// Whether every context is rendered by swift-mustache, without shapes (for tests that compare the two).
    let rendersDirectly: Bool
    private let library: MustacheLibrary
    private let compiled = Mutex<[Shape: Compiled]>([:])

    /// swift-mustache's transforms whose result depends on a value's shape only (a list's length and positions,
    /// whether a text is empty), never on the characters of a text.
    static let shapeOnlyTransforms: Set<String> = ["first", "last", "count", "empty", "even", "odd", "plusone", "minusone"]

    init(
        library: MustacheLibrary, template: String, trimsFinalLineEnd: Bool = true, verifiesNewShapes: Bool = true,
        rendersDirectly: Bool = false
    ) {
        self.library = library
        self.template = template
        self.trimsFinalLineEnd = trimsFinalLineEnd
        self.verifiesNewShapes = verifiesNewShapes
        self.rendersDirectly = rendersDirectly
    }

    /// How many shapes have been compiled (for tests and benchmarks).
    var shapeCount: Int { compiled.withLock { $0.count } }

    /// The template rendered for `view` plus `constants`, as UTF-8.
    func render(_ view: some Encodable, constants: [String: Any], constantsKey: String) -> [UInt8] {
        var output: [UInt8] = []
        render(view, constants: constants, constantsKey: constantsKey, into: &output)
        return output
    }

    /// Appends the template rendered for `view` plus `constants` to `output` (the rows of a table, one after
    /// another, without a text of their own each). `constants` must be the same for every call with the same
    /// `constantsKey`. The view's context is made only for a shape not seen before.
    func render(_ view: some Encodable, constants: [String: Any], constantsKey: String, into output: inout [UInt8]) {
        render(view, constants: constants, encoder: TemplateEncoder(prefix: constantsKey), into: &output)
    }

    /// `render(_:constants:constantsKey:into:)` with an encoder already reset to the constants' key, for the rows
    /// of a table, which one encoder takes one after another.
    func render(_ view: some Encodable, constants: [String: Any], encoder: TemplateEncoder, into output: inout [UInt8]) {
        if rendersDirectly { return appendDirect(renderDirectly(view, constants: constants), to: &output) }
        encoder.encode(view)
        let shape = Shape(bytes: encoder.shape)
        switch compiled.withLock({ $0[shape] }) {
        case .template(let template)?:
            template.fill(with: encoder.texts, into: &output)
        case .direct?:
            appendDirect(renderDirectly(view, constants: constants), to: &output)
        case nil:
            let expected = verifiesNewShapes ? renderDirectly(view, constants: constants) : nil
            let entry = compile(view, constants: constants, texts: encoder.texts, expected: expected)
            compiled.withLock { $0[shape] = entry }
            if case .template(let template) = entry {
                template.fill(with: encoder.texts, into: &output)
            } else {
                appendDirect(expected ?? renderDirectly(view, constants: constants), to: &output)
            }
        }
    }

    /// Appends swift-mustache's own output, its marks resolved as `FilledTemplate` resolves them (the fragment
    /// stands in text content).
    private func appendDirect(_ rendered: String, to output: inout [UInt8]) {
        let start = output.count
        output.appendUTF8(rendered)
        LanguageSpans.resolveTail(of: &output, from: start, at: LanguageSpans.Place())
    }

    /// The template rendered for `view` plus `constants` by swift-mustache, without compiling its shape: for a
    /// view whose shape will not come again.
    func renderDirectly(_ view: some Encodable, constants: [String: Any]) -> String {
        direct(TemplateEncoder(context: .texts).encode(view), constants: constants)
    }

    // MARK: Rendering

    private func direct(_ context: [String: Any], constants: [String: Any]) -> String {
        let output = library.render(context.merging(constants) { own, _ in own }, withTemplate: template) ?? ""
        return trimsFinalLineEnd && output.hasSuffix("\n") ? String(output.dropLast()) : output
    }

    enum Compiled: Sendable {
        /// The template's output for the shape, with holes for the texts.
        case template(FilledTemplate)
        /// The template depends on texts beyond the shape: always rendered by swift-mustache.
        case direct
    }

    /// Renders the marked context of `view` and cuts it into fixed text and holes; checks it against `expected`,
    /// swift-mustache's rendering of the view, when given.
    private func compile(
        _ view: some Encodable, constants: [String: Any], texts: [FragmentText], expected: String?
    ) -> Compiled {
        let marked = TemplateEncoder(context: .markers).encode(view)
        guard let template = FilledTemplate(marked: direct(marked, constants: constants), holes: texts.count)
        else { return .direct }
        if let expected {
            var filled: [UInt8] = []
            template.fill(with: texts, into: &filled)
            var direct: [UInt8] = []
            appendDirect(expected, to: &direct)
            guard filled == direct else { return .direct }
        }
        return .template(template)
    }

    /// The marker of text number `index`: U+E000, "m", the number, "M", "&", U+E001. Escaping turns the "&" into
    /// "&amp;", which tells escaped holes from raw ones; letters of both cases make any change of case visible.
    static func marker(_ index: Int) -> String { "\u{E000}m\(index)M&\u{E001}" }
}

/// The `FragmentRenderer`s of one template set and set of UI strings: one per page template and per row template.
/// A build makes one; `SiteSession` keeps it between edits of city files, whose pages keep their shapes, and makes a
/// new one whenever templates or strings may have changed.
public final class Fragments: Sendable {
    let templates: TemplateSet
    let cityRows: FragmentRenderer
    let indicatorRows: FragmentRenderer
    /// A profile's similar cities with their reasons (`templates/partials/similar-cities.mustache`): rendered apart,
    /// so that a profile's shape does not depend on how many peers and reasons it lists.
    let similarCities: FragmentRenderer
    /// Rows of the indicator pages' progress tables (`templates/partials/progress-row.mustache`).
    let progressRows: FragmentRenderer
    /// Pagination links of long lists (`templates/partials/pager.mustache`).
    let pagers: FragmentRenderer
    /// One renderer per page template (`pages/…`).
    private let pages: [String: FragmentRenderer]

    /// The templates of the pieces rendered apart from their pages.
    static let pieceTemplates = [
        "partials/city-measure-row", "partials/indicator-row", "partials/pager", "partials/progress-row",
        "partials/similar-cities",
    ]

    /// Whether new shapes are checked against swift-mustache: only when some template uses a transform that may
    /// depend on a text's characters.
    let verifiesNewShapes: Bool

    /// - Parameter rendersDirectly: render every context with swift-mustache, without shapes (for tests).
    public init(templates: TemplateSet, rendersDirectly: Bool = false) {
        self.templates = templates
        let verifies = !templates.transforms.isSubset(of: FragmentRenderer.shapeOnlyTransforms)
        verifiesNewShapes = verifies
        func renderer(_ template: String, trimsFinalLineEnd: Bool = true) -> FragmentRenderer {
            FragmentRenderer(
                library: templates.library, template: template, trimsFinalLineEnd: trimsFinalLineEnd,
                verifiesNewShapes: verifies, rendersDirectly: rendersDirectly)
        }
        cityRows = renderer(Self.pieceTemplates[0])
        indicatorRows = renderer(Self.pieceTemplates[1])
        pagers = renderer(Self.pieceTemplates[2])
        progressRows = renderer(Self.pieceTemplates[3])
        similarCities = renderer(Self.pieceTemplates[4])
        var pages: [String: FragmentRenderer] = [:]
        for name in templates.names where name.hasPrefix("pages/") {
            pages[name] = renderer(name, trimsFinalLineEnd: false)
        }
        self.pages = pages
    }

    /// The renderer of a page template (nil if the template set has no such template).
    func page(_ template: String) -> FragmentRenderer? { pages[template] }
}

/// The shape of a context and its texts in visiting order.
struct Shape: Hashable {
    var bytes: [UInt8]

    // All bytes at once: an array's own hashing feeds the hasher one element at a time.
    func hash(into hasher: inout Hasher) {
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
    }
}
