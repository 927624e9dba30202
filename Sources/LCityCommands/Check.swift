import ArgumentParser
import Foundation
import LCityContent
import LCityPages
import LCityBuild

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

        @Flag(help: "Also render the whole site in memory and check every internal link and #anchor.")
        var links = false

        func run() async throws {
            guard links else {
                let report = Pipeline.checkSite(root: site.rootURL, options: .init(strict: strict))
                LCitySite.report(report.diagnostics, fileCount: report.contentFiles, format: format)
                if report.diagnostics.errorCount > 0 { throw ExitCode.failure }
                return
            }
            var (rendered, report) = Pipeline.render(root: site.rootURL, options: .init(strict: strict))
            if let rendered {
                let summary = LinkChecker(site: rendered).check()
                for broken in summary.broken {
                    report.diagnostics.append(.error("broken link '\(broken.link)': \(broken.problem)", at: SourceLocation(file: broken.page)))
                }
                if format == .text {
                    printError("checked \(NumberFormatting.grouped(summary.links)) internal links on \(NumberFormatting.grouped(summary.pages)) pages: \(summary.broken.count) broken")
                }
            }
            LCitySite.report(report.diagnostics, fileCount: report.contentFiles, format: format)
            if report.diagnostics.errorCount > 0 { throw ExitCode.failure }
        }
    }
}
