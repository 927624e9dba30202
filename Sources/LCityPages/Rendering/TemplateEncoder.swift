import Foundation
import LCityUTF8

/// Derives everything a template needs from a view's `Encodable` conformance, so that a view is described once, by
/// its type: its **shape** (which sections a logic-less template turns on: booleans, absent values, list lengths,
/// empty texts), its **texts** in the order they are encoded, and — only when asked — the **context** that
/// swift-mustache reads (dictionaries, arrays, strings, booleans and `NSNull`).
///
/// Guarantees, for views whose `encode(to:)` is synthesized:
/// - every key is written, `nil` included (as an absent value, `NSNull` in the context), so that an item's missing
///   field never falls through to a field of the same name in an enclosing context;
/// - two values have the same shape exactly when a template renders both the same way up to their texts: shapes
///   record keys, kinds, list boundaries, whether each text is empty, and any other value (numbers) whole;
/// - the texts are numbered in encoding order, and the context made with `markingTexts` holds text *n*'s marker
///   (`FragmentRenderer.marker(n)`) where the text was, empty texts staying empty.
///
/// `RenderedHTML` is encoded as a text that is already markup (copied into pages as bytes).
final class TemplateEncoder: Encoder {
    /// What `encode` makes besides the shape and the texts.
    enum Context {
        /// Nothing: the shape and the texts only (a shape seen before is filled from the texts).
        case none
        /// The context with its texts.
        case texts
        /// The context with each non-empty text replaced by its numbered marker.
        case markers
    }

    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    // An encoder is used by one thread, one value at a time, and its state is touched only by its own methods, each
    // access short and never overlapping another: the run-time exclusivity checks, a tenth of the encoding's cost,
    // are turned off for it.

    /// The shape, as bytes to hash and compare.
    @exclusivity(unchecked) private(set) var shape: [UInt8] = []
    /// The texts, in encoding order.
    @exclusivity(unchecked) private(set) var texts: [FragmentText] = []
    private let context: Context
    /// Whether each container of the values being encoded is a list (or a dictionary), innermost last.
    @exclusivity(unchecked) private var openIsList: [Bool] = []
    /// Their nodes of the context, while it is built.
    @exclusivity(unchecked) private var openNodes: [ContainerNode] = []
    /// A value written through `singleValueContainer()`, waiting to be placed.
    @exclusivity(unchecked) private var single: Any?

    /// - Parameter prefix: bytes that start the shape (a name for the constants the template is rendered with).
    init(context: Context = .none, prefix: String = "") {
        self.context = context
        shape.reserveCapacity(512)
        texts.reserveCapacity(64)
        shape.appendUTF8(prefix)
        shape.append(0)
    }

    /// Starts over with an empty shape beginning with `prefix` and no texts, keeping the buffers' capacity (the rows
    /// of a table are encoded one after another by one encoder).
    func reset(prefix: String) {
        shape.removeAll(keepingCapacity: true)
        texts.removeAll(keepingCapacity: true)
        shape.appendUTF8(prefix)
        shape.append(0)
    }

    /// Encodes `view` (whose encoding must be a keyed container) and returns its context (an empty one unless the
    /// encoder was made to build it).
    @discardableResult
    func encode(_ view: some Encodable) -> [String: Any] {
        // Our containers never throw; a view's own encode(to:) could, and is then a programming error.
        guard let value = try? place(view) as? [String: Any] else { return [:] }
        return value
    }

    // MARK: Values

    /// Encodes `value` and returns what its context holds (nil while the context is not built).
    func place<Value: Encodable>(_ value: Value) throws -> Any? {
        // The types are known equal here: a bit cast, not a dynamic cast, which would cost more than the rest.
        if Value.self == String.self { return text(unsafeBitCast(value, to: String.self)) }
        if Value.self == RenderedHTML.self { return html(unsafeBitCast(value, to: RenderedHTML.self)) }
        if Value.self == Bool.self { return flag(unsafeBitCast(value, to: Bool.self)) }
        let depth = openIsList.count
        single = nil
        try value.encode(to: self)
        if openIsList.count > depth {
            shape.append(openIsList.removeLast() ? 0x5D : 0x7D)
            return context == .none ? nil : openNodes.removeLast().value
        }
        if let placed = single {
            single = nil
            return placed
        }
        return null()
    }

    func text(_ text: String) -> Any? {
        shape.append(text.isEmpty ? 0x65 : 0x73)
        let index = texts.count
        texts.append(.text(text))
        switch context {
        case .none: return nil
        case .texts: return text
        case .markers: return text.isEmpty ? text : FragmentRenderer.marker(index)
        }
    }

    func html(_ html: RenderedHTML) -> Any? {
        shape.append(html.isEmpty ? 0x65 : 0x73)
        let index = texts.count
        texts.append(.html(html))
        switch context {
        case .none: return nil
        case .texts: return html.text
        case .markers: return html.isEmpty ? "" : FragmentRenderer.marker(index)
        }
    }

    func flag(_ flag: Bool) -> Any? {
        shape.append(flag ? 0x54 : 0x46)
        return context == .none ? nil : flag
    }

    /// An absent value: `NSNull`, which swift-mustache treats as present but empty.
    func null() -> Any? {
        shape.append(0x4E)
        return context == .none ? nil : NSNull()
    }

    /// Any other value (a number): printed as it is, so it is part of the shape.
    func other(_ value: some LosslessStringConvertible) -> Any? {
        shape.append(0x3F)
        shape.appendUTF8(value.description)
        shape.append(0)
        return context == .none ? nil : value
    }

    func key(_ key: some CodingKey) {
        shape.appendUTF8(key.stringValue)
        shape.append(0)
    }

    // MARK: Encoder

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        shape.append(0x7B)
        openIsList.append(false)
        return KeyedEncodingContainer(KeyedContainer<Key>(encoder: self, node: openNode(isList: false)))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        shape.append(0x5B)
        openIsList.append(true)
        return UnkeyedContainer(encoder: self, node: openNode(isList: true))
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleValueContainer(encoder: self)
    }

    /// A new node of the context for a container, while the context is built.
    private func openNode(isList: Bool) -> ContainerNode? {
        guard context != .none else { return nil }
        let node = ContainerNode(isList: isList)
        openNodes.append(node)
        return node
    }

    fileprivate func setSingle(_ value: Any?) { single = value ?? NSNull() }
}

/// A dictionary or list of the context being built.
private final class ContainerNode {
    let isList: Bool
    var entries: [String: Any] = [:]
    var items: [Any] = []

    init(isList: Bool) {
        self.isList = isList
    }

    /// The node as the context holds it. A list of texts stays a list of strings, which swift-mustache's `sorted`
    /// can order.
    var value: Any {
        guard isList else { return entries }
        return items as? [String] ?? items
    }
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let encoder: TemplateEncoder
    /// The dictionary of the context, while it is built.
    let node: ContainerNode?
    var codingPath: [any CodingKey] { [] }

    private func set(_ key: Key, _ value: Any?) {
        if let node, let value { node.entries[key.stringValue] = value }
    }

    // Inlined, so that the closures below cost nothing per field.

    /// Writes `key` and what `place` makes of `value`.
    @inline(__always)
    private func put<Value>(_ value: Value, forKey key: Key, _ place: (Value) throws -> Any?) rethrows {
        encoder.key(key)
        set(key, try place(value))
    }

    /// Writes `key` and what `place` makes of `value`, or an absent value for nil: absent optionals are written
    /// rather than left out (see `TemplateEncoder`).
    @inline(__always)
    private func putOptional<Value>(_ value: Value?, forKey key: Key, _ place: (Value) throws -> Any?) rethrows {
        encoder.key(key)
        if let value { set(key, try place(value)) } else { set(key, encoder.null()) }
    }

    mutating func encodeNil(forKey key: Key) throws { put((), forKey: key) { encoder.null() } }
    mutating func encode(_ value: String, forKey key: Key) throws { put(value, forKey: key, encoder.text) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { put(value, forKey: key, encoder.flag) }
    mutating func encode(_ value: Int, forKey key: Key) throws { put(value, forKey: key, encoder.other) }
    mutating func encode(_ value: Double, forKey key: Key) throws { put(value, forKey: key, encoder.other) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { try put(value, forKey: key, encoder.place) }

    mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws { putOptional(value, forKey: key, encoder.text) }
    mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws { putOptional(value, forKey: key, encoder.flag) }
    mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws { putOptional(value, forKey: key, encoder.other) }
    mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws { putOptional(value, forKey: key, encoder.other) }
    mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws {
        try putOptional(value, forKey: key, encoder.place)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        preconditionFailure("views are plain structs: nested containers are not supported")
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        preconditionFailure("views are plain structs: nested containers are not supported")
    }

    mutating func superEncoder() -> any Encoder { encoder }
    mutating func superEncoder(forKey key: Key) -> any Encoder { encoder }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer {
    let encoder: TemplateEncoder
    /// The list of the context, while it is built.
    let node: ContainerNode?
    var codingPath: [any CodingKey] { [] }
    private(set) var count = 0

    init(encoder: TemplateEncoder, node: ContainerNode?) {
        self.encoder = encoder
        self.node = node
    }

    private mutating func append(_ value: Any?) {
        count += 1
        if let node, let value { node.items.append(value) }
    }

    mutating func encodeNil() throws { append(encoder.null()) }
    mutating func encode(_ value: String) throws { append(encoder.text(value)) }
    mutating func encode(_ value: Bool) throws { append(encoder.flag(value)) }
    mutating func encode(_ value: Int) throws { append(encoder.other(value)) }
    mutating func encode(_ value: Double) throws { append(encoder.other(value)) }
    mutating func encode<T: Encodable>(_ value: T) throws { append(try encoder.place(value)) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        preconditionFailure("views are plain structs: nested containers are not supported")
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        preconditionFailure("views are plain structs: nested containers are not supported")
    }

    mutating func superEncoder() -> any Encoder { encoder }
}

private struct SingleValueContainer: SingleValueEncodingContainer {
    let encoder: TemplateEncoder
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() throws { encoder.setSingle(encoder.null()) }
    mutating func encode(_ value: String) throws { encoder.setSingle(encoder.text(value)) }
    mutating func encode(_ value: Bool) throws { encoder.setSingle(encoder.flag(value)) }
    mutating func encode(_ value: Int) throws { encoder.setSingle(encoder.other(value)) }
    mutating func encode(_ value: Double) throws { encoder.setSingle(encoder.other(value)) }
    mutating func encode<T: Encodable>(_ value: T) throws { encoder.setSingle(try encoder.place(value)) }
}
