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

        @OptionGroup var languageOptions: LanguageOptions

        @Flag(help: "Treat warnings as errors.")
        var strict = false

        @Option(help: "Output format: text (compiler-style lines on stderr) or json (on stdout).")
        var format: DiagnosticOutputFormat = .text

        @Flag(help: "Also render the whole site in memory and check every internal link and #anchor.")
        var links = false

        func run() async throws {
            let language = languageOptions.language(root: site.rootURL)
            guard links else {
                let report = Pipeline.checkSite(root: site.rootURL, options: .init(strict: strict))
                LCitySite.report(
                    report.diagnostics, fileCount: report.contentFiles, format: format, language: language,
                    root: site.rootURL)
                if report.diagnostics.errorCount > 0 { throw ExitCode.failure }
                return
            }
            var (rendered, report) = Pipeline.render(root: site.rootURL, options: .init(strict: strict))
            if let rendered {
                let summary = LinkChecker(site: rendered).check()
                for broken in summary.broken {
                    report.diagnostics.append(.error(.brokenLink(broken.link, broken.problem), at: SourceLocation(file: broken.page)))
                }
                if format == .text {
                    printError(
                        Message.linksChecked(
                            links: NumberFormatting.grouped(summary.links), pages: NumberFormatting.grouped(summary.pages),
                            broken: summary.broken.count
                        ).text(in: language))
                }
            }
            LCitySite.report(
                report.diagnostics, fileCount: report.contentFiles, format: format, language: language, root: site.rootURL)
            if report.diagnostics.errorCount > 0 { throw ExitCode.failure }
        }
    }
}
