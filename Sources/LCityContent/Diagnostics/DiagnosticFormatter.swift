import Foundation

/// Turns diagnostics into the text a terminal, a JSON consumer or GitHub Actions expects, in a message language.
public enum DiagnosticFormatter {
    /// Compiler-style lines (`file:line:col: error: …`), one diagnostic after another.
    public static func text(_ diagnostics: [Diagnostic], language: MessageLanguage = .en) -> String {
        diagnostics.map { $0.text(in: language) }.joined(separator: "\n")
    }

    /// Compiler-style lines, each diagnostic with a line and column followed by its source line and a caret under the
    /// column, as swiftc and rustc print them. `sourceLine(file, line)` gives a line of a file (nil when unreadable:
    /// the diagnostic is then printed without excerpt).
    public static func textWithExcerpts(
        _ diagnostics: [Diagnostic], language: MessageLanguage = .en, sourceLine: (String, Int) -> String?
    ) -> String {
        diagnostics.map { diagnostic in
            var text = diagnostic.text(in: language)
            let location = diagnostic.location
            if location.sheet == nil, location.line > 0, location.column > 0,
                let line = sourceLine(location.file, location.line)
            {
                let excerpt = SourceExcerpt(line: line, column: location.column)
                text += "\n" + excerpt.source + "\n" + excerpt.caret
            }
            return text
        }.joined(separator: "\n")
    }

    /// `N errors, M warnings in K files` (or `no problems in K files`), in `language`.
    public static func summary(_ diagnostics: [Diagnostic], fileCount: Int, language: MessageLanguage = .en) -> String {
        Message.summary(errors: diagnostics.errorCount, warnings: diagnostics.warningCount, files: fileCount)
            .text(in: language)
    }

    /// A JSON document `{"diagnostics": [...], "errors": N, "warnings": M, "files": K}` with sorted keys; the keys
    /// stay the same in every language, the messages and notes are in `language`.
    public static func json(_ diagnostics: [Diagnostic], fileCount: Int, language: MessageLanguage = .en) -> String {
        struct Entry: Encodable {
            var severity: String
            var file: String
            var line: Int
            var column: Int
            var message: String
            var notes: [String]
        }
        struct Report: Encodable {
            var diagnostics: [Entry]
            var errors: Int
            var warnings: Int
            var files: Int
        }
        let report = Report(
            diagnostics: diagnostics.map {
                Entry(
                    severity: $0.severity.rawValue, file: $0.location.file, line: $0.location.line,
                    column: $0.location.column, message: $0.message.text(in: language),
                    notes: $0.notes.map { $0.text(in: language) })
            },
            errors: diagnostics.errorCount, warnings: diagnostics.warningCount, files: fileCount)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(report)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    /// GitHub Actions workflow commands: `::error file=…,line=…,col=…::message`.
    public static func githubAnnotations(_ diagnostics: [Diagnostic], language: MessageLanguage = .en) -> String {
        diagnostics.map { diagnostic in
            var properties = ["file=\(escapeProperty(diagnostic.location.file))"]
            if diagnostic.location.line > 0 { properties.append("line=\(diagnostic.location.line)") }
            if diagnostic.location.column > 0 { properties.append("col=\(diagnostic.location.column)") }
            let message = ([diagnostic.message] + diagnostic.notes).map { $0.text(in: language) }.joined(separator: "\n")
            return "::\(diagnostic.severity.rawValue) \(properties.joined(separator: ","))::\(escapeData(message))"
        }.joined(separator: "\n")
    }

    private static func escapeData(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25")
            .replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    private static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
