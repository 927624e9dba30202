import ArgumentParser
import Foundation
import LCityContent
import LCityPages
import LCityBuild
import LCitySpreadsheet

extension LCitySite {
    /// `lcity-site new …`: creates content files from templates.
    struct New: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a new content file.", subcommands: [NewCity.self])
    }

    /// `lcity-site new city <slug>`.
    struct NewCity: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "city",
            abstract: "Write content/cities/<slug>.yaml, pre-filled with every measure to fill in (or a submission sheet).",
            discussion: """
                With --format xlsx, writes <slug>.xlsx instead: the submission workbook with an empty row for every \
                measure and a City sheet for the name, country and region. 'lcity-site import city <slug> <slug>.xlsx' \
                creates the city file from it.
                """)

        @OptionGroup var site: SiteOptions

        @Argument(help: "The city's URL name: lowercase letters, digits and hyphens (e.g. lanjiang).")
        var slug: String

        @Flag(help: "Overwrite an existing file.")
        var force = false

        @Option(help: "yaml (the city file) or xlsx (a submission workbook to fill in and import).")
        var format: NewCityFormat = .yaml

        /// `--lang`: the language of the workbook's headers and guide, and of the messages.
        @OptionGroup var language: LanguageOptions

        @Option(help: "The workbook to write (default: <slug>.xlsx in the current folder).")
        var output: String?

        func validate() throws {
            if !City.isValidSlug(slug) {
                throw ValidationError("'\(slug)' is not a valid slug: use lowercase letters, digits and single hyphens")
            }
        }

        func run() async throws {
            let language = self.language.language(root: site.rootURL)
            let loaded = ContentLoader(root: site.rootURL).load()
            guard let content = loaded.value else {
                LCitySite.report(
                    loaded.diagnostics.sortedByLocation(), fileCount: 0, language: language, root: site.rootURL)
                printError(Message.commandError(.frameworkMustLoad).text(in: language))
                throw ExitCode.failure
            }
            let year = Calendar(identifier: .gregorian).component(.year, from: Date()) - 1
            if format == .xlsx {
                let path = output ?? "\(slug).xlsx"
                if FileManager.default.fileExists(atPath: path) && !force {
                    printError(Message.commandError(.alreadyExists(path)).text(in: language))
                    throw ExitCode.failure
                }
                let sheet = SubmissionSheet(content: content, language: language, reportingYear: year)
                try LCitySite.write(sheet, for: nil, format: .xlsx, output: path, language: language)
                print(SheetText.nextImport(slug, path).text(in: language))
                return
            }
            let relative = "content/cities/\(slug).yaml"
            let url = site.rootURL.appendingPathComponent(relative)
            if FileManager.default.fileExists(atPath: url.path) && !force {
                printError(Message.commandError(.alreadyExists(relative)).text(in: language))
                throw ExitCode.failure
            }
            let text = CityTemplate.yaml(slug: slug, content: content, year: year)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url, options: .atomic)
            print(Message.wroteCityFile(relative, measures: content.framework.measures.count).text(in: language))
            print(Message.nextCheck.text(in: language))
        }
    }
}

/// What `new city` writes.
enum NewCityFormat: String, ExpressibleByArgument, CaseIterable {
    case yaml, xlsx
}
