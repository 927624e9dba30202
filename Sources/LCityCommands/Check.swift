import ArgumentParser
import Foundation
import LCityKit

extension LCitySite {
    /// `lcity-site check`: reports every problem in the content, writes nothing.
    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate content/ and print every problem as file:line:column.",
            discussion: "Exits 0 when there are no errors, 1 otherwise. Under GitHub Actions it also prints annotations.")

        @OptionGroup var site: SiteOptions

        @Flag(help: "Treat warnings as errors.")
        var strict = false

        @Option(help: "Output format: text (compiler-style lines on stderr) or json (on stdout).")
        var format: DiagnosticOutputFormat = .text

        func run() async throws {
            let result = Pipeline.check(root: site.rootURL, strict: strict)
            let fileCount = result.value?.files.count ?? ContentLoader(root: site.rootURL).load().value?.files.count ?? 0
            LCitySite.report(result.diagnostics, fileCount: fileCount, format: format)
            if result.diagnostics.errorCount > 0 { throw ExitCode.failure }
        }
    }
}
