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
    /// Where the problem this one follows from is (a measure of the framework that did not load), when it is a
    /// consequence: `collapsingConsequences` then counts it under its cause instead of listing it.
    public var cause: SourceLocation?

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
    /// The files every other file depends on, in the order their problems are listed: before all others, since
    /// one problem in them causes many elsewhere.
    static let causeFiles = ["content/site.yaml", "content/framework.yaml", "content/countries.yaml"]

    /// The diagnostics of the site, framework and countries files first, then the others in file, line, column
    /// order (stable for equal positions).
    public func sortedByLocation() -> [Diagnostic] {
        func rank(_ diagnostic: Diagnostic) -> Int {
            Self.causeFiles.firstIndex(of: diagnostic.location.file) ?? Self.causeFiles.count
        }
        return enumerated()
            .sorted {
                (rank($0.element), $0.element.location, $0.offset) < (rank($1.element), $1.element.location, $1.offset)
            }
            .map(\.element)
    }

    /// The diagnostics without those that follow from an error listed among them (a city's "unknown measure"
    /// when the framework's measure did not load): each such error gets a note instead, counting what follows from
    /// it (`156 errors in 10 city files follow from this; fix it first`). A consequence whose cause is not listed
    /// is kept.
    public func collapsingConsequences() -> [Diagnostic] {
        let causes = Set(filter { $0.cause == nil && $0.severity == .error }.map(\.location))
        var following: [SourceLocation: [Diagnostic]] = [:]
        var kept: [Diagnostic] = []
        for diagnostic in self {
            if let cause = diagnostic.cause, causes.contains(cause) {
                following[cause, default: []].append(diagnostic)
            } else {
                kept.append(diagnostic)
            }
        }
        for (cause, consequences) in following {
            guard let index = kept.firstIndex(where: { $0.location == cause && $0.cause == nil && $0.severity == .error })
            else { continue }
            kept[index].notes.append(
                .consequences(
                    errors: consequences.errorCount, warnings: consequences.warningCount,
                    files: Set(consequences.map(\.location.file)).count,
                    cityFiles: consequences.allSatisfy { $0.location.file.hasPrefix("content/cities/") }))
        }
        return kept
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
    public func error(_ message: Message, at location: SourceLocation, notes: [Message] = [], cause: SourceLocation? = nil) {
        var diagnostic = Diagnostic.error(message, at: location, notes: notes)
        diagnostic.cause = cause
        diagnostics.append(diagnostic)
    }

    /// Records a warning.
    public func warning(_ message: Message, at location: SourceLocation, notes: [Message] = [], cause: SourceLocation? = nil) {
        var diagnostic = Diagnostic.warning(message, at: location, notes: notes)
        diagnostic.cause = cause
        diagnostics.append(diagnostic)
    }

    /// Records a ready-made diagnostic.
    public func report(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    /// Whether any error was reported.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}
