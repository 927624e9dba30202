/// Writing text into UTF-8 byte buffers, for the writers that build output piece by piece (charts here; CSV and
/// JSON in LCityKit). Appending a string's UTF-8 view, or scanning it with `contains`, goes byte by byte through
/// the view; these copy a string's contiguous bytes as one buffer.
extension Array where Element == UInt8 {
    /// Appends the UTF-8 of `text`.
    @inlinable
    package mutating func appendUTF8(_ text: String) {
        if text.utf8.withContiguousStorageIfAvailable({ append(contentsOf: $0) }) == nil {
            append(contentsOf: text.utf8)
        }
    }

    /// Appends the UTF-8 of `text` unless some byte of it is `special` (one that needs escaping); returns whether it
    /// did.
    @inlinable
    package mutating func appendUTF8(_ text: String, unless special: (UInt8) -> Bool) -> Bool {
        let appended = text.utf8.withContiguousStorageIfAvailable { buffer -> Bool in
            for byte in buffer where special(byte) { return false }
            append(contentsOf: buffer)
            return true
        }
        if let appended { return appended }
        guard !text.utf8.contains(where: special) else { return false }
        append(contentsOf: text.utf8)
        return true
    }
}
