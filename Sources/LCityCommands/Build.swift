import ArgumentParser
import Foundation
import Synchronization
import LCityContent
import LCityPages
import LCityBuild

#if canImport(Glibc)
    import Glibc
#endif

extension LCitySite {
    /// `lcity-site build`: check, then write the whole site atomically.
    struct Build: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Build the site into public/ (or --output DIR).",
            discussion: """
                Runs every check first and writes nothing when there are errors. The new site is staged next to the \
                output folder and swapped in at once, so a failed or interrupted build leaves the previous output intact.
                """)

        @OptionGroup var site: SiteOptions

        @OptionGroup var languageOptions: LanguageOptions

        @Option(name: .long, help: "Output folder (default: public/ inside the site folder).")
        var output: String?

        @Option(name: .customLong("base-url"), help: "Absolute URL the site is published at (overrides site.yaml).")
        var baseURL: String?

        @Flag(help: "Treat warnings as errors.")
        var strict = false

        func run() async throws {
            let language = languageOptions.language(root: site.rootURL)
            let outputURL = output.map { URL(fileURLWithPath: $0).standardizedFileURL }
                ?? site.rootURL.appendingPathComponent("public")
            var baseURL = self.baseURL
            if let given = baseURL {
                guard let address = SiteConfig.baseURL(given) else {
                    throw ValidationError(Message.baseURLOption(given).text(in: language))
                }
                baseURL = address
            }
            var options = Pipeline.BuildOptions(strict: strict, baseURL: baseURL)
            let progress = ProgressLine()
            if progress.isTerminal {
                options.progress = { done, total in progress.update(Message.renderingProgress(done, total).text(in: language)) }
            }
            let start = ContinuousClock.now
            let report = Pipeline.build(root: site.rootURL, output: outputURL, options: options)
            progress.clear()
            if !report.diagnostics.isEmpty {
                LCitySite.report(report.diagnostics, fileCount: 0, format: .text, summary: false, language: language, root: site.rootURL)
            }
            guard report.succeeded else {
                printError(Message.buildFailed(errors: report.diagnostics.errorCount, output: outputURL.path).text(in: language))
                throw ExitCode.failure
            }
            let seconds = start.duration(to: .now).seconds
            let phases = report.phases.map { "\($0.name) \(String(format: "%.2f", $0.seconds)) s" }.joined(separator: ", ")
            let built = Message.built(
                pages: Self.grouped(report.pageCount), languages: report.languages,
                otherFiles: Self.grouped(report.fileCount - report.pageCount), seconds: String(format: "%.2f", seconds),
                output: outputURL.path)
            print(built.text(in: language))
            print(Message.phases(phases, kibibytes: Self.grouped(report.bytes / 1024)).text(in: language))
        }

        static func grouped(_ value: Int) -> String { NumberFormatting.grouped(value) }
    }
}

/// A one-line progress display, redrawn in place on a terminal.
final class ProgressLine: Sendable {
    let isTerminal = isatty(STDERR_FILENO) != 0
    /// The length of the line shown last, to blank what a shorter one leaves.
    private let lastLength = Mutex(0)

    func update(_ text: String) {
        lastLength.withLock { lastLength in
            let padding = String(repeating: " ", count: max(0, lastLength - text.count))
            FileHandle.standardError.write(Data("\r\(text)\(padding)".utf8))
            lastLength = text.count
        }
    }

    func clear() {
        let length = lastLength.withLock { $0 }
        guard isTerminal, length > 0 else { return }
        FileHandle.standardError.write(Data("\r\(String(repeating: " ", count: length))\r".utf8))
    }
}
