/// The CSV-injection guard every CSV we write uses (OWASP, "CSV Injection"): a field a spreadsheet program would
/// take for a formula — one starting with `=`, `+`, `-`, `@`, a tab or a carriage return — gets a leading `'`, so
/// that `=HYPERLINK("http://x","y")` in a source shows as text instead of running.
///
/// Two exceptions keep the data usable and the rule reversible:
/// - a plain number (`-5`, `+3.2`, `-0.25`, `1e-3`) stays as it is: it is a value, never a formula, and a `'` would
///   turn every negative number into text;
/// - a field that already starts with `'` followed by one of those characters gets one more `'`, so that
///   `unguarded(guarded(x)) == x` for every text and a reader that removes one `'` gets back what was written.
public enum SpreadsheetFormula {
    /// Whether a field starting with `byte` could be read as a formula.
    @usableFromInline
    static func isTrigger(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "=") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "@")
            || byte == 0x09 || byte == 0x0D
    }

    /// Whether `text` must be written with a leading `'`. Cheap for the usual field: only the first byte is looked
    /// at unless it is a trigger (or a `'`).
    @inlinable
    public static func needsGuard(_ text: String) -> Bool {
        var bytes = text.utf8.makeIterator()
        guard let first = bytes.next() else { return false }
        if first == UInt8(ascii: "'") { return bytes.next().map(isTrigger) ?? false }
        return isTrigger(first) && !isPlainNumber(text)
    }

    /// `text` as a CSV field may hold it: with a leading `'` where `needsGuard`.
    public static func guarded(_ text: String) -> String {
        needsGuard(text) ? "'" + text : text
    }

    /// What `guarded` wrote, read back: a leading `'` followed by a trigger character (or by `'` and a trigger) is
    /// removed; any other text is kept as it is.
    public static func unguarded(_ text: String) -> String {
        let bytes = Array(text.utf8.prefix(3))
        guard bytes.count >= 2, bytes[0] == UInt8(ascii: "'") else { return text }
        if isTrigger(bytes[1]) || (bytes[1] == UInt8(ascii: "'") && bytes.count == 3 && isTrigger(bytes[2])) {
            return String(text.dropFirst())
        }
        return text
    }

    /// Whether `text` is a decimal number as CSV readers take it: an optional sign, digits with at most one `.`, an
    /// optional exponent (`-5`, `+3.2`, `-.25`, `1e-3`).
    public static func isPlainNumber(_ text: String) -> Bool {
        var digits = 0
        var seenPoint = false
        var bytes = text.utf8[...]
        if let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        while let byte = bytes.first {
            if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                digits += 1
            } else if byte == UInt8(ascii: ".") && !seenPoint {
                seenPoint = true
            } else {
                break
            }
            bytes = bytes.dropFirst()
        }
        guard digits > 0 else { return false }
        guard let e = bytes.first else { return true }
        guard e == UInt8(ascii: "e") || e == UInt8(ascii: "E") else { return false }
        bytes = bytes.dropFirst()
        if let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        return !bytes.isEmpty && bytes.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }
}
