import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads the site's files, and only them.
///
/// Guarantees, for every file read through it:
/// - it lies inside the site folder once every symbolic link is followed: a link that leads out of the site (or
///   nowhere) is an error naming the link, and nothing of its target is read or shown;
/// - it is a regular file: a folder, named pipe (which would block a read forever), device or socket is named as
///   such and not opened;
/// - its text is UTF-8 with no control character other than tab and line ends; a byte-order mark is dropped, and
///   CRLF (and lone CR) line ends read as LF, so that every later stage sees one form and the same lines.
package enum ContentFile {
    /// Largest content file accepted (a city file with 60 measures × years is ~30 KB).
    static let maximumSize = 4 * 1024 * 1024
    /// Largest release file accepted (`content/releases/<version>.csv`: 425 cities × 60 measures × 5 years ≈ 10 MB).
    package static let maximumReleaseSize = 256 * 1024 * 1024

    /// What is at a path, as far as reading it goes.
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

    // MARK: Where a site file is

    /// The real place of `relative` (a path inside the site folder `root`) with every link followed, or nil with a
    /// diagnostic when it is missing, a link to nothing, or — through a link anywhere on its path — outside the
    /// site folder. The diagnostic names `relative`, never the link's target.
    package static func locate(_ relative: String, in root: URL, sink: DiagnosticSink) -> URL? {
        let at = SourceLocation(file: relative)
        switch place(of: relative, in: root) {
        case .inside(let real):
            return real
        case .outside:
            sink.error(.linkLeavesSite, at: at, notes: [.replaceLinkWithFile])
        case .missing where isLink(root.appendingPathComponent(relative)):
            sink.error(.brokenLink, at: at, notes: [.replaceLinkWithFile])
        case .missing:
            sink.error(.fileMissing, at: at)
        }
        return nil
    }

    /// Where a site-relative path really is, every link followed.
    enum Place: Equatable {
        case inside(URL), outside, missing
    }

    /// The real place of `relative` in the site folder `root`, without diagnostics (for `locate` and `SourceLines`).
    static func place(of relative: String, in root: URL) -> Place {
        guard let real = realPath(root.appendingPathComponent(relative)) else { return .missing }
        guard let site = realPath(root), site == "/" || real == site || real.hasPrefix(site + "/") else { return .outside }
        return .inside(URL(fileURLWithPath: real))
    }

    /// Whether anything — a file, folder or link, even a link to nothing — is at `relative` in the site folder `root`.
    package static func exists(_ relative: String, in root: URL) -> Bool {
        var info = stat()
        return lstat(root.appendingPathComponent(relative).path, &info) == 0
    }

    /// `realpath(3)`: the absolute path with every link, `.` and `..` resolved; nil when something on it is missing.
    static func realPath(_ url: URL) -> String? {
        guard let resolved = realpath(url.path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private static func isLink(_ url: URL) -> Bool {
        var info = stat()
        return lstat(url.path, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK
    }

    // MARK: Reading

    /// The text of `relative`, a file inside the site folder `root`; nil with a diagnostic when it cannot be read
    /// as text (see the type's guarantees), is empty or is larger than `maximumSize`.
    package static func read(
        _ relative: String, in root: URL, sink: DiagnosticSink, maximumSize: Int = ContentFile.maximumSize
    ) -> String? {
        guard let url = locate(relative, in: root, sink: sink),
            let data = readBytes(url, displayPath: relative, sink: sink, maximumSize: maximumSize)
        else { return nil }
        return text(of: data, displayPath: relative, sink: sink)
    }

    /// The bytes of `relative`, a file inside the site folder `root` (an asset: any content); nil with a diagnostic
    /// as for `read`, except that the bytes need not be text.
    package static func readData(
        _ relative: String, in root: URL, sink: DiagnosticSink, maximumSize: Int = ContentFile.maximumReleaseSize
    ) -> Data? {
        guard let url = locate(relative, in: root, sink: sink) else { return nil }
        return readBytes(url, displayPath: relative, sink: sink, maximumSize: maximumSize)
    }

    /// The bytes of the regular file at `url`, wherever it is (a file named on the command line); nil with a
    /// diagnostic at `displayPath` when it is missing, not a regular file, unreadable or larger than `maximumSize`.
    package static func readBytes(_ url: URL, displayPath: String, sink: DiagnosticSink, maximumSize: Int) -> Data? {
        let at = SourceLocation(file: displayPath)
        switch kind(of: url) {
        case .missing:
            sink.error(.fileMissing, at: at)
            return nil
        case .directory:
            sink.error(.isAFolder, at: at, notes: [.renameTheFolder])
            return nil
        case .fifo:
            sink.error(.notARegularFile(.aNamedPipe), at: at, notes: [.replaceWithTextFile])
            return nil
        case .device:
            sink.error(.notARegularFile(.aDevice), at: at, notes: [.replaceWithTextFile])
            return nil
        case .socket:
            sink.error(.notARegularFile(.aSocket), at: at, notes: [.replaceWithTextFile])
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
            return try Data(contentsOf: url)
        } catch {
            sink.error(.cannotReadFile((error as NSError).localizedDescription), at: at)
            return nil
        }
    }

    /// `data` as text: nil with a diagnostic when it is UTF-16, not UTF-8, holds a control character other than
    /// tab and line ends (at its line and column), or is empty. A byte-order mark is dropped, and CRLF and lone CR
    /// line ends become LF. `read` checks every file's bytes so; the fuzzing harnesses give theirs here too.
    package static func text(of data: Data, displayPath: String, sink: DiagnosticSink) -> String? {
        let at = SourceLocation(file: displayPath)
        if isUTF16(data) {
            sink.error(.fileIsUTF16, at: at, notes: [.saveAsUTF8FromUTF16])
            return nil
        }
        let body = data.starts(with: [0xEF, 0xBB, 0xBF]) ? data.dropFirst(3) : data[...]
        guard var text = String(validating: body, as: UTF8.self) else {
            let invalid = TextPosition.firstInvalidUTF8(in: [UInt8](body), file: displayPath) ?? at
            sink.error(.notUTF8, at: invalid, notes: [.saveAsUTF8])
            return nil
        }
        if let control = TextPosition.firstControlCharacter(in: text, file: displayPath) {
            sink.error(.controlCharacter(control.code), at: control.location, notes: [.removeControlCharacter])
            return nil
        }
        if text.utf8.contains(UInt8(ascii: "\r")) {
            text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
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
