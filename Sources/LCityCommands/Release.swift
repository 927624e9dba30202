import ArgumentParser
import Foundation
import LCityBuild
import LCityContent
import LCityPages

extension LCitySite {
    /// `lcity-site release`: keeps the current data as the release named in `site.yaml`.
    struct ReleaseCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "release",
            abstract: "Keep the current data as the release named in site.yaml (content/releases/<version>.csv).",
            discussion: """
                The content must check without errors. The file is the baseline the next release's changes page, \
                `diff` and the "revised since the previous release" warning compare with; commit it. A release \
                already kept is not replaced unless its data are unchanged or --force is given.
                """)

        @OptionGroup var site: SiteOptions
        @OptionGroup var languageOptions: LanguageOptions

        @Flag(help: "Replace the file of a release already kept even though its data differ.")
        var force = false

        func run() async throws {
            let language = languageOptions.language(root: site.rootURL)
            let checked = Pipeline.check(root: site.rootURL)
            guard let content = checked.value else {
                LCitySite.report(checked.diagnostics, fileCount: checked.files.count, language: language, root: site.rootURL)
                throw ExitCode.failure
            }
            guard let release = content.config.release else {
                printError(Message.commandError(.noReleaseInSettings).text(in: language))
                throw ExitCode.failure
            }
            let relative = "content/releases/\(release.version).csv"
            let url = site.rootURL.appendingPathComponent(relative)
            let data = ReleaseData(version: release.version, cities: content.cities)
            let text = data.csv(languages: content.config.languages, framework: content.framework)
            if ContentFile.exists(relative, in: site.rootURL) {
                let reading = DiagnosticSink()
                guard
                    let existing = ContentFile.read(
                        relative, in: site.rootURL, sink: reading, maximumSize: ContentFile.maximumReleaseSize)
                else {
                    LCitySite.report(reading.diagnostics, fileCount: 1, language: language, root: nil)
                    throw ExitCode.failure
                }
                if existing == text {
                    print(Message.releaseUnchanged(release.version, relative).text(in: language))
                    return
                }
                guard force else {
                    printError(Message.commandError(.releaseAlreadyKept(release.version, relative)).text(in: language))
                    throw ExitCode.failure
                }
            }
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url, options: .atomic)
            let values = data.cities.values.reduce(0) { $0 + $1.values.count }
            print(
                Message.releaseKept(
                    release.version, cities: NumberFormatting.grouped(data.cities.count), values: NumberFormatting.grouped(values),
                    file: relative
                ).text(in: language))
            if let previous = content.previousRelease {
                let comparison = ReleaseComparison(from: previous, to: data, framework: content.framework)
                print(
                    Message.releaseComparedWith(
                        previous.version, added: comparison.count(.added), revised: comparison.count(.revised),
                        withdrawn: comparison.count(.withdrawn), cities: comparison.cities.count
                    ).text(in: language))
            }
        }
    }
}
