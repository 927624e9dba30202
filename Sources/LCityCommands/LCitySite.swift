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
        subcommands: [Build.self, Check.self, Serve.self, New.self, Export.self, Import.self])

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
    /// Prints diagnostics to standard error as text, plus GitHub annotations under GitHub Actions.
    static func report(
        _ diagnostics: [Diagnostic], fileCount: Int, format: DiagnosticOutputFormat = .text, summary: Bool = true
    ) {
        switch format {
        case .json:
            print(DiagnosticFormatter.json(diagnostics, fileCount: fileCount))
        case .text:
            if !diagnostics.isEmpty { printError(DiagnosticFormatter.text(diagnostics)) }
            if summary { printError(DiagnosticFormatter.summary(diagnostics, fileCount: fileCount)) }
        }
        if ProcessInfo.processInfo.environment["GITHUB_ACTIONS"] == "true", !diagnostics.isEmpty {
            print(DiagnosticFormatter.githubAnnotations(diagnostics))
        }
    }
}

/// Writes a line to standard error.
func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
