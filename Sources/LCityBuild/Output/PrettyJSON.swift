import Foundation
import LCityUTF8
import LCityContent
import LCityPages

/// JSON written the way `JSONEncoder` writes it with `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]`, byte
/// for byte (a test compares the two), straight into UTF-8 bytes, for the downloads written by the thousand.
/// Callers write object keys in sorted order.
struct PrettyJSON {
    /// The JSON so far, UTF-8.
    private(set) var bytes: [UInt8] = []
    /// Whether the open containers (innermost last) have had an item yet.
    private var started: [Bool] = []

    init() {
        bytes.reserveCapacity(16_384)
    }

    mutating func object(_ members: (inout PrettyJSON) -> Void) {
        open("{")
        members(&self)
        close("}")
    }

    mutating func array(_ elements: (inout PrettyJSON) -> Void) {
        open("[")
        elements(&self)
        close("]")
    }

    /// An object's member: `"key" : ` then the value the closure writes.
    mutating func member(_ key: String, _ value: (inout PrettyJSON) -> Void) {
        item()
        string(key)
        write(" : ")
        value(&self)
    }

    mutating func member(_ key: String, _ value: String) { member(key) { $0.string(value) } }
    mutating func member(_ key: String, _ value: Int) { member(key) { $0.write(String(value)) } }
    mutating func member(_ key: String, _ value: Double) { member(key) { $0.number(value) } }
    mutating func member(_ key: String, _ value: Bool) { member(key) { $0.write(value ? "true" : "false") } }

    /// An object of texts, keys sorted.
    mutating func member(_ key: String, _ values: [String: String]) { member(key, values) { $0.string($1) } }

    /// An object of numbers, keys sorted.
    mutating func member(_ key: String, _ values: [String: Double]) { member(key, values) { $0.number($1) } }

    private mutating func member<Value>(_ key: String, _ values: [String: Value], _ write: (inout PrettyJSON, Value) -> Void) {
        member(key) { json in
            json.object { json in
                for name in values.keys.sorted() { json.member(name) { write(&$0, values[name]!) } }
            }
        }
    }

    /// An array's element.
    mutating func element(_ value: (inout PrettyJSON) -> Void) {
        item()
        value(&self)
    }

    // MARK: Values

    mutating func string(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        defer { bytes.append(UInt8(ascii: "\"")) }
        if bytes.appendUTF8(value, unless: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) { return }
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\""): write("\\\"")
            case UInt8(ascii: "\\"): write("\\\\")
            case 0x0A: write("\\n")
            case 0x0D: write("\\r")
            case 0x09: write("\\t")
            case 0x08: write("\\b")
            case 0x0C: write("\\f")
            case ..<0x20:
                let hex = String(byte, radix: 16)
                write("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
            default: bytes.append(byte)
            }
        }
    }

    /// A number as `JSONEncoder` writes a `Double`: its shortest form, without a trailing `.0`.
    mutating func number(_ value: Double) {
        let description = value.description
        write(description.hasSuffix(".0") ? String(description.dropLast(2)) : description)
    }

    private mutating func write(_ text: String) {
        bytes.appendUTF8(text)
    }

    // MARK: Layout

    private mutating func open(_ bracket: String) {
        write(bracket)
        started.append(false)
    }

    private mutating func close(_ bracket: String) {
        let hadItems = started.removeLast()
        write(hadItems ? "\n" : "\n\n")
        indent()
        write(bracket)
    }

    private mutating func item() {
        write(started[started.count - 1] ? ",\n" : "\n")
        started[started.count - 1] = true
        indent()
    }

    private mutating func indent() {
        for _ in 0..<started.count * 2 { bytes.append(UInt8(ascii: " ")) }
    }
}
