import Foundation

/// Turns diagnostics into the text a terminal, a JSON consumer or GitHub Actions expects.
public enum DiagnosticFormatter {
    /// Compiler-style lines (`file:line:col: error: …`), one diagnostic after another.
    public static func text(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map(\.description).joined(separator: "\n")
    }

    /// `N errors, M warnings in K files` (or `no problems in K files`).
    public static func summary(_ diagnostics: [Diagnostic], fileCount: Int) -> String {
        let files = fileCount == 1 ? "1 file" : "\(fileCount) files"
        let errors = diagnostics.errorCount
        let warnings = diagnostics.warningCount
        if errors == 0 && warnings == 0 { return "no problems in \(files)" }
        let errorText = errors == 1 ? "1 error" : "\(errors) errors"
        let warningText = warnings == 1 ? "1 warning" : "\(warnings) warnings"
        return "\(errorText), \(warningText) in \(files)"
    }

    /// A JSON document `{"diagnostics": [...], "errors": N, "warnings": M, "files": K}` with sorted keys.
    public static func json(_ diagnostics: [Diagnostic], fileCount: Int) -> String {
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
                    column: $0.location.column, message: $0.message, notes: $0.notes)
            },
            errors: diagnostics.errorCount, warnings: diagnostics.warningCount, files: fileCount)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(report)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    /// GitHub Actions workflow commands: `::error file=…,line=…,col=…::message`.
    public static func githubAnnotations(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map { diagnostic in
            var properties = ["file=\(escapeProperty(diagnostic.location.file))"]
            if diagnostic.location.line > 0 { properties.append("line=\(diagnostic.location.line)") }
            if diagnostic.location.column > 0 { properties.append("col=\(diagnostic.location.column)") }
            let message = ([diagnostic.message] + diagnostic.notes).joined(separator: "\n")
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
