import Foundation

/// A source line and a caret line under one of its columns, as compilers show where a problem is.
///
/// The caret line repeats the line's leading characters as blanks of the same width: a tab stays a tab, an East Asian
/// wide character (汉字, full-width punctuation) becomes an ideographic space (U+3000), anything else a space, so that
/// the caret stands under the column in a terminal and in a `<pre>` alike.
public struct SourceExcerpt: Sendable, Hashable {
    /// The source line, without its line end.
    public var source: String
    /// Blanks as wide as the text before the column, then `^`.
    public var caret: String

    /// Most characters of a line shown: of a longer line (a minified file, one huge flow sequence), the part
    /// around the column, cut with `…`.
    static let maximumWidth = 120

    /// The excerpt of `line` at the 1-based `column` (counted in Unicode scalars, as `SourceLocation` counts).
    public init(line: String, column: Int) {
        let trimmed = line.hasSuffix("\r") ? String(line.dropLast()) : line
        var column = column
        let scalars = trimmed.unicodeScalars
        if scalars.count > Self.maximumWidth {
            let start = min(max(0, column - 1 - Self.maximumWidth / 2), scalars.count - Self.maximumWidth)
            let from = scalars.index(scalars.startIndex, offsetBy: start)
            let to = scalars.index(from, offsetBy: Self.maximumWidth)
            var window = String(String.UnicodeScalarView(scalars[from..<to]))
            if start > 0 {
                window = "…" + window
                column += 1 - start
            }
            if to < scalars.endIndex { window += "…" }
            source = window
        } else {
            source = trimmed
        }
        var blanks = String.UnicodeScalarView()
        for scalar in source.unicodeScalars.prefix(max(0, column - 1)) {
            if scalar == "\t" {
                blanks.append("\t")
            } else if Self.isWide(scalar) {
                blanks.append("\u{3000}")
            } else if scalar.properties.generalCategory == .nonspacingMark
                || scalar.properties.generalCategory == .enclosingMark || scalar.value == 0x200D
                || (0xFE00...0xFE0F).contains(scalar.value)
            {
                continue
            } else {
                blanks.append(" ")
            }
        }
        caret = String(blanks) + "^"
    }

    /// Whether a terminal shows `scalar` two columns wide (East Asian Wide or Fullwidth, Unicode UAX #11).
    public static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
            0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F,
            0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}

/// Lines of the site's files for excerpts, read once each, only from files inside the site folder.
public final class SourceLines: @unchecked Sendable {
    private let root: URL
    private var cache: [String: [Substring]?] = [:]
    private let lock = NSLock()

    /// Reads files below `root`.
    public init(root: URL) {
        self.root = root.standardizedFileURL.resolvingSymlinksInPath()
    }

    /// Line `number` (1-based) of `file`, a path relative to the site folder; nil for a path that is absolute, leaves
    /// the folder, or names a file that cannot be read as UTF-8 text.
    public func line(_ file: String, _ number: Int) -> String? {
        lock.lock()
        defer { lock.unlock() }
        if cache[file] == nil { cache[file] = read(file) }
        guard let lines = cache[file] ?? nil, number >= 1, number <= lines.count else { return nil }
        return String(lines[number - 1])
    }

    private func read(_ file: String) -> [Substring]? {
        guard !file.isEmpty, !file.hasPrefix("/"), !file.split(separator: "/").contains(".."),
            case .inside(let url) = ContentFile.place(of: file, in: root)
        else { return nil }
        guard ContentFile.kind(of: url) == .regular,
            let data = FileManager.default.contents(atPath: url.path), data.count <= ContentFile.maximumSize,
            let text = String(validating: data.starts(with: [0xEF, 0xBB, 0xBF]) ? data.dropFirst(3) : data[...], as: UTF8.self)
        else { return nil }
        return Self.showingControlCharacters(text).split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// `text` with each forbidden control character (which a terminal would act on or hide) drawn as a visible
    /// symbol: ␀ for U+0000 and so on, ␡ for DEL, � for C1.
    static func showingControlCharacters(_ text: String) -> String {
        guard TextPosition.firstControlCharacter(in: text, file: "") != nil else { return text }
        var shown = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            guard TextPosition.isForbiddenControl(scalar) else {
                shown.append(scalar)
                continue
            }
            switch scalar.value {
            case 0x00...0x1F: shown.append(Unicode.Scalar(0x2400 + scalar.value)!)
            case 0x7F: shown.append("\u{2421}")
            default: shown.append("\u{FFFD}")
            }
        }
        return String(shown)
    }
}
