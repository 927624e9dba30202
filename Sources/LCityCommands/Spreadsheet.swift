import ArgumentParser
import Foundation
import LCityContent
import LCitySpreadsheet

/// The file formats of a submission sheet.
enum SheetFormat: String, ExpressibleByArgument, CaseIterable {
    case xlsx, csv
}

extension LCitySite {
    /// `lcity-site export …`: writes data out for people to fill in.
    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a city's submission sheet (XLSX or CSV) to fill in.", subcommands: [ExportCity.self])
    }

    /// `lcity-site export city <slug>`.
    struct ExportCity: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "city",
            abstract: "Write <slug>.xlsx (or .csv): one row per measure, category and year, with empty rows for the reporting year.",
            discussion: """
                The XLSX workbook has a Data sheet (descriptive columns locked, drop-down lists for flags and \
                ratings), a City sheet (name, country, region …) and a Guide sheet. The CSV file holds the Data sheet, \
                UTF-8 with a byte-order mark. Read it back with 'lcity-site import city <slug> FILE'.
                """)

        @OptionGroup var site: SiteOptions

        @Argument(help: "The city's slug (the name of content/cities/<slug>.yaml).")
        var slug: String

        @Option(help: "xlsx or csv.")
        var format: SheetFormat = .xlsx

        /// `--lang`: the language of the sheet's headers, descriptions and guide, and of the messages.
        @OptionGroup var language: LanguageOptions

        @Option(help: "The file to write (default: <slug>.xlsx or <slug>.csv in the current folder).")
        var output: String?

        @Option(help: "The year of the empty rows (default: last year).")
        var year: Int?

        func run() async throws {
            let language = self.language.language(root: site.rootURL)
            let loaded = ContentLoader(root: site.rootURL).load()
            guard let content = loaded.value else {
                LCitySite.report(
                    loaded.diagnostics.sortedByLocation(), fileCount: loaded.files.count, language: language,
                    root: site.rootURL)
                throw ExitCode.failure
            }
            guard let city = content.cities.first(where: { $0.slug == slug }) else {
                let problems = loaded.diagnostics.filter { $0.location.file == "content/cities/\(slug).yaml" }
                if !problems.isEmpty {
                    LCitySite.report(problems, fileCount: 1, summary: false, language: language, root: site.rootURL)
                }
                printError(Message.commandError(SheetText.unknownCity(slug)).text(in: language))
                throw ExitCode.failure
            }
            let reportingYear = year ?? Calendar(identifier: .gregorian).component(.year, from: Date()) - 1
            let sheet = SubmissionSheet(content: content, language: language, reportingYear: reportingYear)
            try write(sheet, for: city, format: format, output: output ?? "\(slug).\(format.rawValue)", language: language)
        }
    }

    /// Writes a submission sheet and says what was written.
    static func write(_ sheet: SubmissionSheet, for city: City?, format: SheetFormat, output: String, language: MessageLanguage) throws {
        let data = format == .xlsx ? try sheet.xlsx(for: city) : try sheet.csv(for: city)
        let url = URL(fileURLWithPath: output)
        try data.write(to: url, options: .atomic)
        let rows = sheet.dataSheet(for: city).sheet.rows.count - 1
        print(SheetText.wroteSheet(output, rows: rows, year: sheet.reportingYear).text(in: language))
    }

    /// `lcity-site import …`: reads filled-in data back into the content.
    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Read a filled-in submission sheet back into the content.", subcommands: [ImportCity.self])
    }

    /// `lcity-site import city <slug> FILE`.
    struct ImportCity: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "city",
            abstract: "Check a city's submission sheet (XLSX or CSV) and write content/cities/<slug>.yaml when it has no error.",
            discussion: """
                Every problem is reported at its cell (lanjiang.xlsx: Data!I12, lanjiang.csv:12:9) with the rules of \
                'check'. The city file changes only where the sheet changes the data: observations the sheet leaves \
                as they were keep their text and comments. Exits 1 when there are errors (nothing is written).
                """)

        @OptionGroup var site: SiteOptions

        @Argument(help: "The city's slug: content/cities/<slug>.yaml is read and written.")
        var slug: String

        @Argument(help: "The filled-in sheet: .xlsx or .csv.")
        var file: String

        @OptionGroup var language: LanguageOptions

        @Flag(name: .customLong("dry-run"), help: "Check and list the changes, write nothing.")
        var dryRun = false

        @Flag(help: "Treat warnings as errors.")
        var strict = false

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
                    loaded.diagnostics.sortedByLocation(), fileCount: loaded.files.count, language: language,
                    root: site.rootURL)
                throw ExitCode.failure
            }
            let cityFile = "content/cities/\(slug).yaml"
            let cityURL = site.rootURL.appendingPathComponent(cityFile)
            // The city file as it is (nil for a new city), and the sheet: each a regular file, the city file inside
            // the site; anything else stops here with the loader's own message.
            let reading = DiagnosticSink()
            let oldText = ContentFile.exists(cityFile, in: site.rootURL)
                ? ContentFile.read(cityFile, in: site.rootURL, sink: reading) : nil
            let data = ContentFile.readBytes(
                URL(fileURLWithPath: file), displayPath: file, sink: reading, maximumSize: ContentFile.maximumReleaseSize)
            guard reading.diagnostics.isEmpty, let data else {
                LCitySite.report(reading.diagnostics, fileCount: 2, language: language, root: nil)
                throw ExitCode.failure
            }
            let workbook: Workbook
            var lines: [Int]?
            do {
                if data.starts(with: [0x50, 0x4B]) {
                    workbook = try XLSXReader.workbook(data)
                } else {
                    let csv = try CSVSheet.sheet(data, name: (file as NSString).lastPathComponent)
                    workbook = Workbook(sheets: [csv.sheet], isCSV: true)
                    lines = csv.lines
                }
            } catch let failure as XLSXReader.Failure {
                let reason = failure == .notAZipArchive ? SheetText.notAZip.text(in: language) : "\(failure)"
                printError("\(file): " + Severity.error.label.text(in: language) + SheetText.cannotReadWorkbook(reason).text(in: language))
                throw ExitCode.failure
            } catch let failure as CSVSheet.Failure {
                let reason = failure == .notUTF8 ? SheetText.notUTF8.text(in: language) : "\(failure)"
                printError("\(file): " + Severity.error.label.text(in: language) + SheetText.cannotReadWorkbook(reason).text(in: language))
                throw ExitCode.failure
            }
            var importer = SubmissionImport(content: content, slug: slug)
            importer.validator = Validator()
            // The city as the site just loaded it from the same text, if it loaded without errors.
            let loadedCity = loaded.diagnostics.contains { $0.location.file == cityFile && $0.severity == .error }
                ? nil : content.cities.first { $0.slug == slug }
            var result = importer.run(workbook, file: file, lines: lines, oldText: oldText, loadedCity: loadedCity)
            if strict { result.diagnostics = result.diagnostics.treatingWarningsAsErrors() }
            for reading in result.readings {
                printError(
                    "\(reading.location): " + Message.noteLabel.text(in: language)
                        + SheetText.reading(reading.typed, reading.value).text(in: language))
            }
            if !result.diagnostics.isEmpty {
                // Source lines with a caret are shown for the city file's own lines; a workbook is not text (none is
                // shown), and a CSV file's columns count fields, not characters (a caret would point elsewhere).
                LCitySite.report(
                    result.diagnostics, fileCount: 1, language: language, root: workbook.isCSV ? nil : site.rootURL)
            }
            guard result.diagnostics.errorCount == 0, let text = result.text else {
                printError(SheetText.notWritten(cityFile).text(in: language))
                throw ExitCode.failure
            }
            for change in result.changes { print("  " + SheetText.changeLine(change).text(in: language)) }
            if result.changes.isEmpty {
                print(SheetText.noChanges(cityFile).text(in: language))
            } else if dryRun {
                print(SheetText.dryRun(cityFile, changes: result.changes.count).text(in: language))
            } else {
                try FileManager.default.createDirectory(
                    at: cityURL.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: cityURL, options: .atomic)
                print(SheetText.wroteImport(cityFile, changes: result.changes.count).text(in: language))
            }
        }
    }
}
