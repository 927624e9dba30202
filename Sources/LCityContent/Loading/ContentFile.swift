import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads content files as text, refusing what is not a sensible text file, and saying what it is instead: a
/// folder, a named pipe (which would block a read forever), a device or socket, UTF-16 text, an unreadable file.
package enum ContentFile {
    /// Largest content file accepted (a city file with 60 measures × years is ~30 KB).
    static let maximumSize = 4 * 1024 * 1024
    /// Largest release file accepted (`content/releases/<version>.csv`: 425 cities × 60 measures × 5 years ≈ 10 MB).
    static let maximumReleaseSize = 256 * 1024 * 1024

    /// What is at a path, as far as reading it as text goes.
    enum Kind: Equatable {
        case missing, regular, directory, fifo, device, socket
    }

    /// The kind of what `url` names, following symbolic links (`stat`, not `lstat`).
    static func kind(of url: URL) -> Kind {
        var info = stat()
        guard stat(url.path, &info) == 0 else { return .missing }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return .directory
        case S_IFIFO: return .fifo
        case S_IFCHR, S_IFBLK: return .device
        case S_IFSOCK: return .socket
        default: return .regular
        }
    }

    /// The text of `url`, or nil with a diagnostic when missing, not a regular file, unreadable, empty, too large,
    /// UTF-16 or otherwise not UTF-8.
    package static func read(
        _ url: URL, displayPath: String, sink: DiagnosticSink, maximumSize: Int = ContentFile.maximumSize
    ) -> String? {
        let at = SourceLocation(file: displayPath)
        let data: Data
        switch kind(of: url) {
        case .missing:
            sink.error(.fileMissing, at: at)
            return nil
        case .directory:
            sink.error(.isAFolder, at: at, notes: [.renameTheFolder])
            return nil
        case .fifo, .device, .socket:
            let what: Message = kind(of: url) == .fifo ? .aNamedPipe : kind(of: url) == .device ? .aDevice : .aSocket
            sink.error(.notARegularFile(what), at: at, notes: [.replaceWithTextFile])
            return nil
        case .regular:
            break
        }
        guard FileManager.default.isReadableFile(atPath: url.path) else {
            sink.error(.permissionDenied, at: at, notes: [.makeReadable(displayPath)])
            return nil
        }
        do {
            let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
            if let size = attributes[.size] as? Int, size > maximumSize {
                sink.error(
                    .fileTooLarge(size.formatted(.byteCount(style: .file)), maximumMB: maximumSize / 1024 / 1024), at: at)
                return nil
            }
            data = try Data(contentsOf: url)
        } catch {
            sink.error(.cannotReadFile((error as NSError).localizedDescription), at: at)
            return nil
        }
        return text(of: data, displayPath: displayPath, sink: sink)
    }

    /// The text of a content file's bytes, or nil with a diagnostic when they are UTF-16, otherwise not UTF-8, hold a
    /// NUL or only whitespace. A UTF-8 byte-order mark is dropped. `read` checks every file's bytes so; the fuzzing
    /// harnesses give theirs here too.
    package static func text(of data: Data, displayPath: String, sink: DiagnosticSink) -> String? {
        let at = SourceLocation(file: displayPath)
        if isUTF16(data) {
            sink.error(.fileIsUTF16, at: at, notes: [.saveAsUTF8FromUTF16])
            return nil
        }
        let body = data.starts(with: [0xEF, 0xBB, 0xBF]) ? data.dropFirst(3) : data[...]
        guard let text = String(validating: body, as: UTF8.self) else {
            let invalid = TextPosition.firstInvalidUTF8(in: [UInt8](body), file: displayPath) ?? at
            sink.error(.notUTF8, at: invalid, notes: [.saveAsUTF8])
            return nil
        }
        if text.utf8.contains(0) {
            sink.error(.containsNUL, at: at)
            return nil
        }
        if text.allSatisfy(\.isWhitespace) {
            sink.error(.fileEmpty, at: at)
            return nil
        }
        return text
    }

    /// Whether `data` looks like UTF-16: a UTF-16 byte-order mark, or (without one) a NUL in every other byte of
    /// its start, as ASCII text saved in UTF-16 has.
    static func isUTF16(_ data: Data) -> Bool {
        if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) { return true }
        let start = Array(data.prefix(64))
        guard start.count >= 8 else { return false }
        let even = stride(from: 0, to: start.count, by: 2).filter { start[$0] == 0 }.count
        let odd = stride(from: 1, to: start.count, by: 2).filter { start[$0] == 0 }.count
        let half = start.count / 2
        return even * 10 >= half * 9 || odd * 10 >= half * 9
    }
}
