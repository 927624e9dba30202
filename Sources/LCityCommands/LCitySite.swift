import ArgumentParser
import Foundation
import LCityContent
import LCityPages
import LCityBuild

/// The `lcity-site` command: builds, checks and previews the Learning Cities website.
@available(macOS 10.15, macCatalyst 13, iOS 13, tvOS 13, watchOS 6, *)
public struct LCitySite: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "lcity-site",
        abstract: "Build the bilingual website of the UNESCO Global Network of Learning Cities.",
        subcommands: [Build.self, Check.self, Serve.self, New.self, Export.self, Import.self, ReleaseCommand.self, Diff.self])

    public init() {}
}

/// Options every command takes.
struct SiteOptions: ParsableArguments {
    @Option(name: .long, help: "The site folder holding content/ and templates/.")
    var root: String = "."

    var rootURL: URL { URL(fileURLWithPath: root, isDirectory: true).standardizedFileURL }
}

/// Where diagnostics are printed and how.
enum DiagnosticOutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

extension LCitySite {
    /// Prints diagnostics to standard error as text in `language` (each with its source line and a caret when the
    /// file under `root` can be read), plus GitHub annotations under GitHub Actions.
    static func report(
        _ diagnostics: [Diagnostic], fileCount: Int, format: DiagnosticOutputFormat = .text, summary: Bool = true,
        language: MessageLanguage = .en, root: URL? = nil
    ) {
        switch format {
        case .json:
            print(DiagnosticFormatter.json(diagnostics, fileCount: fileCount, language: language))
        case .text:
            if !diagnostics.isEmpty {
                if let root {
                    let lines = SourceLines(root: root)
                    printError(DiagnosticFormatter.textWithExcerpts(diagnostics, language: language, sourceLine: lines.line))
                } else {
                    printError(DiagnosticFormatter.text(diagnostics, language: language))
                }
            }
            if summary { printError(DiagnosticFormatter.summary(diagnostics, fileCount: fileCount, language: language)) }
        }
        if ProcessInfo.processInfo.environment["GITHUB_ACTIONS"] == "true", !diagnostics.isEmpty {
            print(DiagnosticFormatter.githubAnnotations(diagnostics, language: language))
        }
    }
}

/// Writes a line to standard error (or, in a test, to the task's `LCitySite.errorOutput`).
func printError(_ text: String) {
    if let output = LCitySite.errorOutput {
        output(text)
    } else {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}

extension LCitySite {
    /// Where `printError` writes instead of standard error, for tests that run a command in-process.
    @TaskLocal static var errorOutput: (@Sendable (String) -> Void)?
}
