import Foundation
import LCitySVG
import Mustache

/// Renders one template over many contexts of the same few shapes — the rows of the big tables, the pagers, the
/// pages of each kind — with the output swift-mustache gives, at a small part of its cost.
///
/// Mustache is logic-less: what a template writes for a context depends on the context's *shape* (which sections
/// are on: booleans, absent values, list lengths, empty texts) and, where values are printed, on the printed texts
/// themselves. So swift-mustache renders the template once per shape, with every text of the context replaced by a
/// numbered marker; the output is cut at the markers into fixed text and holes, and each later context of that
/// shape is written by filling the holes with its own texts, escaped where the template escapes them. The rows of
/// 1,000 city profiles come in about 100 shapes and the profiles themselves in 16, so the template engine runs a
/// hundred-odd times instead of 120,000.
///
/// Empty texts stay empty in the marked context, so that sections on them go the same way. Only a transform can
/// make the output depend on texts beyond the shape (sorting texts, changing their case). With `verifiesNewShapes`
/// (which `Fragments` sets when some template uses a transform outside `shapeOnlyTransforms`), the first context of
/// each shape is also rendered directly and compared: a template that depends on its texts is found there and is
/// then always rendered directly. Otherwise the first context of a shape is filled like the others, which saves a
/// render of every new shape (those renders were a twentieth of a 1,000-city build). Contexts hold dictionaries,
/// arrays, strings, booleans and `NSNull`; any other value is part of the shape. `constants` (the UI strings) are
/// the same for every context with the same `constantsKey`.
final class FragmentRenderer: @unchecked Sendable {
    /// The template's name in the library.
    let template: String
    /// Whether the output loses the template file's final line end (rows placed on a line of their own by the page
    /// template) or keeps it (whole pages).
    let trimsFinalLineEnd: Bool
    /// Whether each new shape is checked against swift-mustache's own rendering of its first context.
    let verifiesNewShapes: Bool
    private let library: MustacheLibrary
    private let lock = NSLock()
    private var compiled: [Shape: Compiled] = [:]

    /// swift-mustache's transforms whose result depends on a value's shape only (a list's length and positions,
    /// whether a text is empty), never on the characters of a text.
    static let shapeOnlyTransforms: Set<String> = ["first", "last", "count", "empty", "even", "odd", "plusone", "minusone"]

    init(library: MustacheLibrary, template: String, trimsFinalLineEnd: Bool = true, verifiesNewShapes: Bool = true) {
        self.library = library
        self.template = template
        self.trimsFinalLineEnd = trimsFinalLineEnd
        self.verifiesNewShapes = verifiesNewShapes
    }

    /// How many shapes have been compiled (for tests and benchmarks).
    var shapeCount: Int {
        lock.lock()
        defer { lock.unlock() }
        return compiled.count
    }

    /// The template rendered for `context` plus `constants`.
    func render(_ context: [String: Any], constants: [String: Any], constantsKey: String) -> String {
        var walk = ShapeWalk()
        walk.add(constantsKey)
        walk.visit(context)
        var output: [UInt8] = []
        render(walk, context: { context }, constants: constants, into: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// The template rendered for `view` plus `constants`, as UTF-8; the view describes its shape itself, and its
    /// dictionary is made only for a shape not seen before.
    func render(_ view: some FragmentContext, constants: [String: Any], constantsKey: String) -> [UInt8] {
        var output: [UInt8] = []
        render(view, constants: constants, constantsKey: constantsKey, into: &output)
        return output
    }

    /// Appends the template rendered for `view` plus `constants` to `output` (the rows of a table, one after
    /// another, without a text of their own each).
    func render(_ view: some FragmentContext, constants: [String: Any], constantsKey: String, into output: inout [UInt8]) {
        var walk = ShapeWalk()
        walk.add(constantsKey)
        view.walk(&walk)
        render(walk, context: { view.templateContext }, constants: constants, into: &output)
    }

    /// The template rendered for `view` plus `constants` by swift-mustache, without compiling its shape: for a
    /// context whose shape will not come again.
    func renderDirectly(_ view: some FragmentContext, constants: [String: Any]) -> String {
        direct(view.templateContext, constants: constants)
    }

    private func render(
        _ walk: ShapeWalk, context makeContext: () -> [String: Any], constants: [String: Any],
        into output: inout [UInt8]
    ) {
        let shape = Shape(bytes: walk.shape)
        lock.lock()
        let known = compiled[shape]
        lock.unlock()
        switch known {
        case .template(let template)?:
            template.fill(with: walk.texts, into: &output)
        case .direct?:
            output.appendUTF8(direct(makeContext(), constants: constants))
        case nil:
            let context = makeContext()
            let expected = verifiesNewShapes ? direct(context, constants: constants) : nil
            let entry = compile(context, constants: constants, texts: walk.texts, expected: expected)
            lock.lock()
            compiled[shape] = entry
            lock.unlock()
            if let expected {
                output.appendUTF8(expected)
            } else if case .template(let template) = entry {
                template.fill(with: walk.texts, into: &output)
            } else {
                output.appendUTF8(direct(context, constants: constants))
            }
        }
    }

    // MARK: Rendering

    private func direct(_ context: [String: Any], constants: [String: Any]) -> String {
        let output = library.render(context.merging(constants) { own, _ in own }, withTemplate: template) ?? ""
        return trimsFinalLineEnd && output.hasSuffix("\n") ? String(output.dropLast()) : output
    }

    enum Compiled {
        /// The template's output for the shape, with holes for the texts.
        case template(FilledTemplate)
        /// The template depends on texts beyond the shape: always rendered by swift-mustache.
        case direct
    }

    /// Renders the markers version of `context` and cuts it into fixed text and holes; checks it against `expected`,
    /// swift-mustache's rendering of `context`, when given.
    private func compile(
        _ context: [String: Any], constants: [String: Any], texts: [FragmentText], expected: String?
    ) -> Compiled {
        var counter = 0
        let marked = Self.markingTexts(context, counter: &counter)
        guard counter == texts.count, let template = FilledTemplate(marked: direct(marked, constants: constants), holes: counter)
        else { return .direct }
        if let expected {
            var filled: [UInt8] = []
            template.fill(with: texts, into: &filled)
            guard filled.elementsEqual(expected.utf8) else { return .direct }
        }
        return .template(template)
    }

    // Markers: U+E000, "m", the text's number, "M", "&", U+E001. Escaping turns the "&" into "&amp;", which tells
    // escaped holes from raw ones; letters of both cases make any change of case visible.
    private static func marker(_ index: Int) -> String { "\u{E000}m\(index)M&\u{E001}" }

    /// `value` with every text replaced by its marker, numbered in the order `ShapeWalk` visits texts (keys sorted).
    /// Empty texts keep their number but stay empty: they are falsy in sections, and fill nothing.
    private static func markingTexts(_ value: Any, counter: inout Int) -> [String: Any] {
        func mark(_ value: Any) -> Any {
            switch ContextValue(value) {
            case .text(let text):
                defer { counter += 1 }
                return text.isEmpty ? text : marker(counter)
            case .dictionary(let dictionary):
                var result: [String: Any] = [:]
                for key in dictionary.keys.sorted() { result[key] = mark(dictionary[key]!) }
                return result
            case .list(let elements):
                return elements.map(mark)
            case .flag, .null, .other:
                return value
            }
        }
        return mark(value) as! [String: Any]
    }
}

/// The `FragmentRenderer`s of one template set and set of UI strings: one per page template and per row template.
/// A build makes one; `SiteSession` keeps it between edits of city files, whose pages keep their shapes, and makes a
/// new one whenever templates or strings may have changed.
public final class Fragments: @unchecked Sendable {
    let templates: TemplateSet
    let cityRows: FragmentRenderer
    let indicatorRows: FragmentRenderer
    /// Pagination links of long lists (`templates/partials/pager.mustache`).
    let pagers: FragmentRenderer
    private let lock = NSLock()
    private var pages: [String: FragmentRenderer] = [:]

    /// The templates of the pieces rendered apart from their pages.
    static let pieceTemplates = ["partials/city-measure-row", "partials/indicator-row", "partials/pager"]

    /// Whether new shapes are checked against swift-mustache: only when some template uses a transform that may
    /// depend on a text's characters.
    let verifiesNewShapes: Bool

    public init(templates: TemplateSet) {
        self.templates = templates
        let verifies = !templates.transforms.isSubset(of: FragmentRenderer.shapeOnlyTransforms)
        verifiesNewShapes = verifies
        func renderer(_ template: String) -> FragmentRenderer {
            FragmentRenderer(library: templates.library, template: template, verifiesNewShapes: verifies)
        }
        cityRows = renderer(Self.pieceTemplates[0])
        indicatorRows = renderer(Self.pieceTemplates[1])
        pagers = renderer(Self.pieceTemplates[2])
    }

    /// The renderer of a page template (nil if the template set has no such template).
    func page(_ template: String) -> FragmentRenderer? {
        guard templates.library.getTemplate(named: template) != nil else { return nil }
        lock.lock()
        defer { lock.unlock() }
        if let renderer = pages[template] { return renderer }
        let renderer = FragmentRenderer(
            library: templates.library, template: template, trimsFinalLineEnd: false, verifiesNewShapes: verifiesNewShapes)
        pages[template] = renderer
        return renderer
    }
}

/// The shape of a context and its texts in visiting order.
struct Shape: Hashable {
    var bytes: [UInt8]

    // All bytes at once: an array's own hashing feeds the hasher one element at a time.
    func hash(into hasher: inout Hasher) {
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
    }
}

/// Visits a context once, writing its shape and collecting its texts.
struct ShapeWalk {
    var shape: [UInt8] = []
    var texts: [FragmentText] = []

    init() {
        shape.reserveCapacity(512)
        texts.reserveCapacity(64)
    }

    mutating func add(_ name: String) {
        shape.append(contentsOf: name.utf8)
        shape.append(0)
    }

    /// A key written in the code (the views that describe themselves): the same shape as the text `name`.
    mutating func add(key name: StaticString) {
        name.withUTF8Buffer { shape.append(contentsOf: $0) }
        shape.append(0)
    }

    // The shape of each kind of value.

    /// A text: only whether it is empty (`empty(x)` tells empty texts apart); the text itself is a hole.
    mutating func text(_ text: String) {
        shape.append(text.isEmpty ? 0x65 : 0x73)
        texts.append(.text(text))
    }

    /// Markup rendered in Swift: the same shape as its text.
    mutating func html(_ html: RenderedHTML) {
        shape.append(html.isEmpty ? 0x65 : 0x73)
        texts.append(.html(html))
    }

    mutating func flag(_ flag: Bool) { shape.append(flag ? 0x54 : 0x46) }

    /// An absent value (`NSNull` in a template context).
    mutating func null() { shape.append(0x4E) }

    /// A dictionary: `entries` writes its keys in sorted order (equal dictionaries iterate in different orders,
    /// per-instance hash seeds).
    mutating func dictionary(_ entries: (inout ShapeWalk) -> Void) {
        shape.append(0x7B)
        entries(&self)
        shape.append(0x7D)
    }

    mutating func list<Element>(_ elements: [Element], _ element: (inout ShapeWalk, Element) -> Void) {
        shape.append(0x5B)
        for item in elements { element(&self, item) }
        shape.append(0x5D)
    }

    mutating func visit(_ value: Any) {
        // Exact type checks: a failed `as?` cast of a dictionary to a class (`NSNull`) bridges the whole dictionary.
        switch ContextValue(value) {
        case .text(let text): self.text(text)
        case .flag(let flag): self.flag(flag)
        case .null: null()
        case .dictionary(let values):
            dictionary { walk in
                for key in values.keys.sorted() {
                    walk.add(key)
                    walk.visit(values[key]!)
                }
            }
        case .list(let elements): list(elements) { $0.visit($1) }
        case .other(let value):
            // Numbers and anything else are printed as they are: part of the shape.
            shape.append(0x3F)
            add(String(describing: value))
        }
    }
}

/// A view that describes its `templateContext` to a `ShapeWalk` itself — the same shape and texts in the same order
/// (keys sorted) — so that rendering a known shape needs no dictionary. For the views rendered by the ten thousand.
protocol FragmentContext: TemplateRepresentable {
    func walk(_ walk: inout ShapeWalk)
}

extension ShapeWalk {
    // A dictionary's entries, for views that describe themselves.

    mutating func entry(_ key: StaticString, _ text: String) {
        add(key: key)
        self.text(text)
    }

    mutating func entry(_ key: StaticString, _ html: RenderedHTML) {
        add(key: key)
        self.html(html)
    }

    /// Optional markup: absent is `NSNull` in the template context.
    mutating func entry(_ key: StaticString, _ html: RenderedHTML?) {
        add(key: key)
        if let html { self.html(html) } else { null() }
    }

    mutating func entry(_ key: StaticString, _ flag: Bool) {
        add(key: key)
        self.flag(flag)
    }

    /// An optional text: absent is `NSNull` in the template context.
    mutating func entry(_ key: StaticString, _ text: String?) {
        add(key: key)
        if let text { self.text(text) } else { null() }
    }

    mutating func entry<Element>(_ key: StaticString, _ elements: [Element], _ element: (inout ShapeWalk, Element) -> Void) {
        add(key: key)
        list(elements, element)
    }

    mutating func entry(_ key: StaticString, _ texts: [String]) {
        entry(key, texts) { $0.text($1) }
    }
}

/// The kinds of value a template context holds, told apart by exact type.
enum ContextValue {
    case text(String)
    case flag(Bool)
    case null
    case dictionary([String: Any])
    case list([Any])
    case other(Any)

    init(_ value: Any) {
        let type = Swift.type(of: value)
        if type == String.self {
            self = .text(value as! String)
        } else if type == [String: Any].self {
            self = .dictionary(value as! [String: Any])
        } else if type == Bool.self {
            self = .flag(value as! Bool)
        } else if type == [[String: Any]].self {
            self = .list(value as! [[String: Any]])
        } else if type == [String].self {
            self = .list(value as! [String])
        } else if type == [Any].self {
            self = .list(value as! [Any])
        } else if value is NSNull {
            self = .null
        } else {
            self = .other(value)
        }
    }
}
