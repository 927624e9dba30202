import Foundation

/// Reads content files as text, refusing what is not a sensible text file.
package enum ContentFile {
    /// Largest content file accepted (a city file with 60 measures × years is ~30 KB).
    static let maximumSize = 4 * 1024 * 1024

    /// The text of `url`, or nil with a diagnostic when missing, empty, too large or not UTF-8.
    package static func read(_ url: URL, displayPath: String, sink: DiagnosticSink) -> String? {
        let at = SourceLocation(file: displayPath)
        let data: Data
        guard FileManager.default.fileExists(atPath: url.path) else {
            sink.error("the file is missing", at: at)
            return nil
        }
        do {
            let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
            if let size = attributes[.size] as? Int, size > maximumSize {
                sink.error(
                    "the file is too large (\(size.formatted(.byteCount(style: .file)))); content files may be at most \(maximumSize / 1024 / 1024) MB",
                    at: at)
                return nil
            }
            data = try Data(contentsOf: url)
        } catch {
            sink.error("cannot read the file: \((error as NSError).localizedDescription)", at: at)
            return nil
        }
        let body = data.starts(with: [0xEF, 0xBB, 0xBF]) ? data.dropFirst(3) : data[...]
        guard let text = String(validating: body, as: UTF8.self) else {
            let invalid = TextPosition.firstInvalidUTF8(in: [UInt8](body), file: displayPath) ?? at
            sink.error("the file is not valid UTF-8", at: invalid, notes: ["save it as UTF-8 (without a different encoding such as GBK or Latin-1)"])
            return nil
        }
        if text.utf8.contains(0) {
            sink.error("the file contains a NUL byte; it does not look like a text file", at: at)
            return nil
        }
        if text.allSatisfy(\.isWhitespace) {
            sink.error("the file is empty", at: at)
            return nil
        }
        return text
    }
}
