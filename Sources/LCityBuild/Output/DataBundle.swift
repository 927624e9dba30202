import Foundation
import LCityContent
import LCityPages
import LCitySpreadsheet

/// All the data in two files for a researcher: one workbook (`data/lcity-data-<version>.xlsx`) and one zip archive
/// (`data/lcity-data-<version>.zip`: a README with the columns and how to cite, the long CSV, the cities, the wide
/// table of each language and the framework). Without a release the names have no version.
///
/// Both are made from what `DataExport` describes once (its tables as rows for a CSV or a worksheet) and are
/// byte-identical for the same content. They are the only downloads that change with every city, so the
/// incremental session makes them again only when asked (`SiteSession.completeBundles()`).
struct DataBundle: Sendable {
    let export: DataExport
    var model: SiteModel { export.model }

    /// The workbook's and the archive's paths (`DownloadPath`).
    static func paths(_ release: Release?) -> (workbook: String, archive: String) {
        (DownloadPath.workbook(release), DownloadPath.archive(release))
    }

    /// The downloads the archive holds, in its order after the README; each must be in the `downloads` given to
    /// `files(downloads:)`. More can be added here (a release's changes, `data/changes/<version>.csv`).
    func archivedPaths() -> [String] {
        [DownloadPath.all, DownloadPath.cities] + model.languages.map(DownloadPath.wide) + [DownloadPath.framework]
            + (model.releaseChanges == nil ? [] : model.config.release.map { [DownloadPath.changes($0.version)] } ?? [])
    }

    /// The workbook and the archive, by path. `downloads` holds the bytes of `archivedPaths()` as written.
    func files(downloads: [String: Data]) throws -> [(path: String, data: Data)] {
        let paths = Self.paths(model.config.release)
        var entries: [(path: String, data: Data)] = [("README.md", Data(readme().utf8))]
        for path in archivedPaths() {
            guard let data = downloads[path] else { continue }
            entries.append((String(path.dropFirst("data/".count)), data))
        }
        // The two at once, on two cores: each is one long serial job.
        let archive = entries
        let made = parallelMap([0, 1]) { index in
            Result { index == 0 ? try workbook() : try ZipArchive.data(archive) }
        }
        return [(paths.workbook, try made[0].get()), (paths.archive, try made[1].get())]
    }

    // MARK: Citation and README

    /// The README of the archive: in each language, the title, release, how to cite, the files and their columns.
    func readme() -> String {
        model.languages.map(readme(language:)).joined(separator: "\n---\n\n")
    }

    func readme(language: String) -> String {
        let l = model.localizer(language)
        let citation = Citation(model: model, language: language)
        var text = "# \(l.format(.downloadReadmeTitle, ["title": citation.title]))\n\n"
        if let version = citation.version, let date = citation.date {
            text += l.format(.downloadReadmeRelease, ["version": version, "date": date]) + "\n\n"
        }
        text += "## \(citation.heading)\n\n\(citation.reference)\n\n"
        if let licence = citation.licenceText { text += licence + "\n\n" }
        for field in citation.fields { text += "- \(field.label)\(l[.labelColon])\(field.value)\n" }
        text += "\n## \(l[.downloadReadmeFiles])\n\n"
        for (file, description) in fileDescriptions(l) { text += "- `\(file)`\(l[.labelColon])\(description)\n" }
        text += "\n" + l[.downloadReadmeWorkbook] + "\n\n"
        text += l.format(.downloadReadmeLanguages, ["languages": model.languages.joined(separator: l[.listSeparator])])
        text += "\n\n" + l[.downloadReadmeEmpty] + "\n"
        for (file, columns) in columnDescriptions(l) {
            text += "\n## \(l.format(.downloadReadmeColumns, ["file": "`\(file)`"]))\n\n"
            text += "| \(l[.downloadReadmeColumn]) | \(l[.downloadReadmeMeaning]) |\n|---|---|\n"
            for (column, meaning) in columns { text += "| `\(column)` | \(meaning) |\n" }
        }
        text += "\n## \(l.format(.downloadReadmeColumns, ["file": "`wide.<lang>.csv`"]))\n\n"
        text += l[.downloadReadmeWide] + "\n"
        return text
    }

    /// Each archived file and what it holds, in `l`'s language.
    func fileDescriptions(_ l: Localizer) -> [(String, String)] {
        var files = [("all.csv", l[.downloadFileAll]), ("cities.csv", l[.downloadFileCities])]
        for language in model.languages {
            files.append(("wide.\(language).csv", l.format(.downloadFileWide, ["language": language])))
        }
        files.append(("framework.json", l[.downloadFileFramework]))
        if model.releaseChanges != nil, let version = model.config.release?.version {
            files.append(("changes/\(version).csv", l[.dataFileChanges]))
        }
        return files
    }

    /// The columns of `all.csv` and `cities.csv`, each with its meaning in `l`'s language (a language's columns
    /// written once, as `name_<lang>`).
    func columnDescriptions(_ l: Localizer) -> [(String, [(String, String)])] {
        let lang = "<lang>"
        let all: [(String, String)] = [
            ("city", l[.columnCity]), ("city_name_\(lang)", l[.columnCityName]), ("country", l[.columnCountry]),
            ("region", l[.columnRegion]), ("illustrative", l[.columnIllustrative]), ("measure", l[.columnMeasure]),
            ("measure_name_\(lang)", l[.columnMeasureName]), ("category", l[.columnCategory]), ("year", l[.columnYear]),
            ("value", l[.columnValue]), ("unit", l[.columnUnit]), ("unit_name_\(lang)", l[.columnUnitName]),
            ("source_type", l[.columnSourceType]), ("flag", l[.columnFlag]), ("source_\(lang)", l[.columnSource]),
            ("note_\(lang)", l[.columnNote]), ("release", l[.columnRelease]),
        ]
        let cities: [(String, String)] = [
            ("city", l[.columnCity]), ("name_\(lang)", l[.columnCityName]), ("country", l[.columnCountry]),
            ("country_name_\(lang)", l[.columnCountryName]), ("region", l[.columnRegion]),
            ("region_name_\(lang)", l[.columnRegionName]), ("population", l[.columnPopulation]),
            ("population_year", l[.columnPopulationYear]), ("latitude", l[.columnLatitude]),
            ("longitude", l[.columnLongitude]), ("joined", l[.columnJoined]), ("illustrative", l[.columnIllustrative]),
            ("release", l[.columnRelease]),
        ]
        return [("all.csv", all), ("cities.csv", cities)]
    }

    // MARK: Workbook

    /// Rows after the header of the long table's sheet: more than a worksheet holds (1,048,576 rows) leaves the
    /// sheet out, and its README says to use `all.csv`.
    static let sheetRowLimit = 1_048_575

    /// The workbook: README (how to cite, the sheets), cities, measures, data (the long table, when it fits in a
    /// sheet) and wide_<lang> for every language. Every cell is a value: texts are shared strings, never formulas.
    func workbook() throws -> Data {
        var cities = SheetRows()
        export.citiesTable(to: &cities)
        var measures = SheetRows()
        export.measuresTable(to: &measures)
        var data = SheetRows()
        for field in DataExport.csvHeader(languages: model.languages) { data.field(field) }
        data.endRow()
        for city in model.cities {
            for measure in model.framework.measures { export.appendRows(city, measure: measure, to: &data) }
        }
        let fits = data.rows.count <= Self.sheetRowLimit + 1
        var sheets = [
            SheetDesign(sheet: Sheet(name: "README", rows: readmeRows(dataFits: fits)), columnWidths: [24, 100], freezeHeader: false),
            SheetDesign(sheet: Sheet(name: "cities", rows: cities.rows), columnWidths: [], freezeFirstColumn: true),
            SheetDesign(sheet: Sheet(name: "measures", rows: measures.rows), columnWidths: [], freezeFirstColumn: true),
        ]
        if fits { sheets.append(SheetDesign(sheet: Sheet(name: "data", rows: data.rows), columnWidths: [])) }
        data = SheetRows()
        for language in model.languages {
            var wide = SheetRows()
            export.wideTable(language: language, to: &wide)
            sheets.append(SheetDesign(sheet: Sheet(name: "wide_\(language)", rows: wide.rows), columnWidths: [], freezeFirstColumn: true))
        }
        return try XLSXWriter.data(sheets)
    }

    /// The README sheet: in each language, the title, the citation's fields and reference, and the sheets.
    func readmeRows(dataFits: Bool) -> [[CellValue]] {
        var rows: [[CellValue]] = []
        for language in model.languages {
            let l = model.localizer(language)
            let citation = Citation(model: model, language: language)
            if !rows.isEmpty { rows.append([]) }
            rows.append([.text(l.format(.downloadReadmeTitle, ["title": citation.title]))])
            rows.append([.text(citation.heading), .text(citation.reference)])
            if let licence = citation.licenceText { rows.append([.empty, .text(licence)]) }
            for field in citation.fields { rows.append([.text(field.label), .text(field.value)]) }
            for (file, description) in fileDescriptions(l) {
                let sheet = file == "all.csv" ? (dataFits ? "data" : nil) : file.hasPrefix("wide.")
                    ? "wide_" + file.dropFirst("wide.".count).dropLast(".csv".count) : file == "cities.csv" ? "cities" : nil
                if let sheet { rows.append([.text(sheet), .text(description)]) }
            }
            rows.append([.text(l[.downloadReadmeEmpty])])
        }
        return rows
    }
}

/// Rows of worksheet cells, filled like a CSV file: texts as texts (empty ones as empty cells), numbers as numbers.
struct SheetRows: RowSink {
    private(set) var rows: [[CellValue]] = []
    private var current: [CellValue] = []

    mutating func field(_ text: String) {
        current.append(text.isEmpty ? .empty : .text(text))
    }

    mutating func number(_ value: Double?) {
        current.append(value.map { .number($0) } ?? .empty)
    }

    mutating func endRow() {
        rows.append(current)
        current = []
    }
}
