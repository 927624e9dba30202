import Foundation

/// JSON written the way `JSONEncoder` writes it with `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]`, byte
/// for byte (a test compares the two), without its generic machinery: the per-city downloads of a 10,000-city
/// network took a tenth of the build through `JSONEncoder`. Callers write object keys in sorted order.
struct PrettyJSON {
    private(set) var text = ""
    /// Whether the open containers (innermost last) have had an item yet.
    private var started: [Bool] = []

    init() {
        text.reserveCapacity(16_384)
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
        text += " : "
        value(&self)
    }

    mutating func member(_ key: String, _ value: String) { member(key) { $0.string(value) } }
    mutating func member(_ key: String, _ value: Int) { member(key) { $0.text += String(value) } }
    mutating func member(_ key: String, _ value: Double) { member(key) { $0.number(value) } }
    mutating func member(_ key: String, _ value: Bool) { member(key) { $0.text += value ? "true" : "false" } }

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
        text += "\""
        guard value.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) else {
            text += value
            text += "\""
            return
        }
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case "\u{8}": text += "\\b"
            case "\u{C}": text += "\\f"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: text.unicodeScalars.append(scalar)
            }
        }
        text += "\""
    }

    /// A number as `JSONEncoder` writes a `Double`: its shortest form, without a trailing `.0`.
    mutating func number(_ value: Double) {
        let description = value.description
        text += description.hasSuffix(".0") ? String(description.dropLast(2)) : description
    }

    // MARK: Layout

    private mutating func open(_ bracket: String) {
        text += bracket
        started.append(false)
    }

    private mutating func close(_ bracket: String) {
        let hadItems = started.removeLast()
        text += hadItems ? "\n" : "\n\n"
        indent()
        text += bracket
    }

    private mutating func item() {
        text += started[started.count - 1] ? ",\n" : "\n"
        started[started.count - 1] = true
        indent()
    }

    private mutating func indent() {
        for _ in 0..<started.count { text += "  " }
    }
}
