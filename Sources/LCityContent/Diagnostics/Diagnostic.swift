/// How serious a diagnostic is: errors stop a build, warnings do not (unless `--strict`).
public enum Severity: String, Sendable, Codable, Comparable {
    case warning
    case error

    /// `error: ` or `warning: ` (`错误：`, `警告：`), as the line of a diagnostic starts.
    public var label: Message {
        switch self {
        case .error: .errorLabel
        case .warning: .warningLabel
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        lhs == .warning && rhs == .error
    }
}

/// One problem found in the content, printed like a compiler message.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    /// Error or warning.
    public var severity: Severity
    /// Where the problem is.
    public var location: SourceLocation
    /// What is wrong, in one sentence, in every message language.
    public var message: Message
    /// Extra lines: what was expected, a suggestion.
    public var notes: [Message]

    /// Creates a diagnostic.
    public init(_ severity: Severity, at location: SourceLocation, _ message: Message, notes: [Message] = []) {
        self.severity = severity
        self.location = location
        self.message = message
        self.notes = notes
    }

    /// An error at `location`.
    public static func error(_ message: Message, at location: SourceLocation, notes: [Message] = []) -> Diagnostic {
        Diagnostic(.error, at: location, message, notes: notes)
    }

    /// A warning at `location`.
    public static func warning(_ message: Message, at location: SourceLocation, notes: [Message] = []) -> Diagnostic {
        Diagnostic(.warning, at: location, message, notes: notes)
    }

    /// `file:line:col: error: message`, followed by `note:` lines, in English.
    public var description: String { text(in: .en) }

    /// `file:line:col: error: message` and its `note:` lines in `language`; in Chinese the severity words are
    /// those of a compiler under a Chinese locale (`错误：`, `警告：`, `附注：`).
    public func text(in language: MessageLanguage) -> String {
        var text = "\(location): \(severity.label.text(in: language))\(message.text(in: language))"
        for note in notes {
            text += "\n\(location): \(Message.noteLabel.text(in: language))\(note.text(in: language))"
        }
        return text
    }
}

extension Array where Element == Diagnostic {
    /// The diagnostics in file, line, column order (stable for equal positions).
    public func sortedByLocation() -> [Diagnostic] {
        enumerated()
            .sorted { ($0.element.location, $0.offset) < ($1.element.location, $1.offset) }
            .map(\.element)
    }

    /// Number of errors.
    public var errorCount: Int { count { $0.severity == .error } }

    /// Number of warnings.
    public var warningCount: Int { count { $0.severity == .warning } }

    /// The same diagnostics with every warning turned into an error (`--strict`).
    public func treatingWarningsAsErrors() -> [Diagnostic] {
        map { diagnostic in
            var copy = diagnostic
            copy.severity = .error
            return copy
        }
    }
}

/// Collects the diagnostics of one loading or validation pass.
///
/// A reference type so that the small readers a pass creates can all report into one list.
/// Not shared across tasks: each file gets its own and the lists are merged.
public final class DiagnosticSink {
    /// Everything reported so far, in report order.
    public private(set) var diagnostics: [Diagnostic] = []

    /// Creates an empty sink.
    public init() {}

    /// Records an error.
    public func error(_ message: Message, at location: SourceLocation, notes: [Message] = []) {
        diagnostics.append(.error(message, at: location, notes: notes))
    }

    /// Records a warning.
    public func warning(_ message: Message, at location: SourceLocation, notes: [Message] = []) {
        diagnostics.append(.warning(message, at: location, notes: notes))
    }

    /// Records a ready-made diagnostic.
    public func report(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    /// Whether any error was reported.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}
