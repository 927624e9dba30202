import Foundation
import LCityContent
import LCityPages
import LCitySpreadsheet

/// All the data in two files for a researcher: one workbook (`data/lcity-data-<version>.xlsx`) and one zip archive
/// (`data/lcity-data-<version>.zip`: a README with the columns and how to cite, the long CSV, the cities, the wide
/// table of each language and the framework). Without a release the names have no version.
///
/// Both are made from what `DataExport` describes once (its tables as rows for a CSV or a worksheet) and are
/// byte-identical for the same content. The workbook is always complete: a long table with more rows than a sheet
/// holds is split by region (`longTable()`). They are the only downloads that change with every city, so the
/// incremental session makes them again only when asked (`SiteSession.completeBundles()`).
struct DataBundle: Sendable {
    let export: DataExport
    /// Rows a sheet holds after its header row: a long table with more is split by region (`longTable()`). Tests
    /// give fewer.
    var sheetRowLimit = DataBundle.excelRowLimit
    var model: SiteModel { export.model }

    /// Rows an Excel worksheet holds after its header row (1,048,576 in all).
    static let excelRowLimit = 1_048_575

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
        let long = longTable()
        var entries: [(path: String, data: Data)] = [("README.md", Data(readme(long.sheets).utf8))]
        for path in archivedPaths() {
            guard let data = downloads[path] else { continue }
            entries.append((String(path.dropFirst("data/".count)), data))
        }
        // The two at once, on two cores: each is one long serial job.
        let archive = entries
        let made = parallelMap([0, 1]) { index in
            Result { index == 0 ? try workbook(long) : try ZipArchive.data(archive) }
        }
        return [(paths.workbook, try made[0].get()), (paths.archive, try made[1].get())]
    }

    // MARK: Citation and README

    /// The README of the archive: in each language, the title, release, how to cite, the files and their columns,
    /// the workbook's sheets (the long table's being `longSheets`).
    func readme(_ longSheets: [LongSheet]) -> String {
        model.languages.map { readme(language: $0, longSheets: longSheets) }.joined(separator: "\n---\n\n")
    }

    func readme(language: String, longSheets: [LongSheet]) -> String {
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
        if longSheets.count == 1 && longSheets[0].region == nil {
            text += "\n" + l[.downloadReadmeWorkbook] + "\n\n"
        } else {
            let names = longSheets.map(\.name).joined(separator: l[.listSeparator])
            text += "\n" + l.format(.downloadReadmeWorkbookSplit, ["sheets": names]) + "\n\n"
        }
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

    /// The workbook: README (how to cite, the sheets), cities, measures, the long table (`long.sheets`: one sheet,
    /// `data`, or one per region) and wide_<lang> for every language. Every cell is a value: texts are shared
    /// strings, never formulas.
    ///
    /// Each sheet's rows are written as the CSV files' are (the same `DataExport` tables, so the two never
    /// disagree) straight into its XML, which waits in a temporary file until it is zipped (`WorkbookWriter`): no
    /// grid of cells, and no sheet's whole XML, is kept in memory.
    func workbook(_ long: LongTable) throws -> Data {
        var workbook = try WorkbookWriter(rowsInTemporaryFile: true)
        workbook.addSheet(SheetLayout(name: "README", columnWidths: [24, 100], freezeHeader: false)) { rows in
            for row in readmeRows(long.sheets) {
                for cell in row { rows.cell(cell) }
                rows.endRow()
            }
        }
        workbook.addSheet(SheetLayout(name: "cities", freezeFirstColumn: true)) { export.citiesTable(to: &$0) }
        workbook.addSheet(SheetLayout(name: "measures", freezeFirstColumn: true)) { export.measuresTable(to: &$0) }
        for sheet in long.sheets {
            workbook.addSheet(SheetLayout(name: sheet.name)) { longSheet(sheet, rowCounts: long.rowCounts, to: &$0) }
        }
        for language in model.languages {
            workbook.addSheet(SheetLayout(name: "wide_\(language)", freezeFirstColumn: true)) {
                export.wideTable(language: language, to: &$0)
            }
        }
        return try workbook.data()
    }

    /// The README sheet: in each language, the title, the citation's fields and reference, and the sheets.
    func readmeRows(_ longSheets: [LongSheet]) -> [[CellValue]] {
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
                if file == "all.csv" {
                    for sheet in longSheets {
                        rows.append([.text(sheet.name), .text(sheet.description(l, model: model) ?? description)])
                    }
                    continue
                }
                let sheet = file.hasPrefix("wide.")
                    ? "wide_" + file.dropFirst("wide.".count).dropLast(".csv".count) : file == "cities.csv" ? "cities" : nil
                if let sheet { rows.append([.text(sheet), .text(description)]) }
            }
            rows.append([.text(l[.downloadReadmeEmpty])])
        }
        return rows
    }

    // MARK: The long table's sheets

    /// A sheet of the long table: all of it (`data`), or, when that has more rows than a sheet holds, the rows of
    /// one region's cities (`data_<region>`), or a numbered part of them (`data_<region>_<n>`) when those are too
    /// many too. Each sheet has the header row, then its rows in the order of `all.csv`.
    struct LongSheet: Sendable, Equatable {
        var name: String
        /// The region whose cities' rows the sheet holds; nil when it holds every city's.
        var region: String?
        /// Which of those rows (0-based, the header not counted).
        var rows: Range<Int>
        /// The sheet's place among its region's (1 of 1 when the region fits in one).
        var part = 1
        var parts = 1

        /// What the sheet holds, in `l`'s language; nil for the whole long table (`all.csv`'s description).
        func description(_ l: Localizer, model: SiteModel) -> String? {
            guard let region else { return nil }
            let name =
                model.content.geography.region(region)?.name.text(in: l.language, fallbacks: l.fallbacks) ?? region
            guard parts > 1 else { return l.format(.downloadSheetRegion, ["region": name]) }
            return l.format(.downloadSheetRegionPart, ["region": name, "part": String(part), "parts": String(parts)])
        }
    }

    /// The long table's rows, counted city by city (in `model.cities`' order), and its sheets.
    struct LongTable: Sendable {
        var rowCounts: [Int]
        var sheets: [LongSheet]
    }

    /// The long table's sheets: `data` when its rows fit in one (`sheetRowLimit`); else one per region that has
    /// rows, in `countries.yaml`'s order, a region with more rows than a sheet holds cut into parts of
    /// `sheetRowLimit` rows. Every row is in exactly one sheet.
    func longTable() -> LongTable {
        let measures = model.framework.measures
        let rowCounts = parallelMap(model.cities) { city in
            var counter = RowCounter()
            for measure in measures { export.appendRows(city, measure: measure, to: &counter) }
            return counter.rows
        }
        let total = rowCounts.reduce(0, +)
        guard total > sheetRowLimit else {
            return LongTable(rowCounts: rowCounts, sheets: [LongSheet(name: "data", region: nil, rows: 0..<total)])
        }
        var regionRows: [String: Int] = [:]
        for (city, count) in zip(model.cities, rowCounts) { regionRows[city.region.value, default: 0] += count }
        let known = model.content.geography.regions.map(\.id)
        let order = known.filter { regionRows[$0] != nil } + regionRows.keys.filter { !known.contains($0) }.sorted()
        var sheets: [LongSheet] = []
        var names: Set<String> = []
        for region in order {
            let rows = regionRows[region] ?? 0
            let parts = (rows + sheetRowLimit - 1) / sheetRowLimit
            for part in stride(from: 1, through: parts, by: 1) {
                let name = Self.sheetName(region: region, part: parts > 1 ? part : nil, taken: names)
                names.insert(name.lowercased())
                let start = (part - 1) * sheetRowLimit
                let end = min(rows, start + sheetRowLimit)
                sheets.append(LongSheet(name: name, region: region, rows: start..<end, part: part, parts: parts))
            }
        }
        return LongTable(rowCounts: rowCounts, sheets: sheets)
    }

    /// `data_<region>` (`data_<region>_<part>`), as a sheet may be named: at most 31 characters, none of
    /// `[]:*?/\'`; `data_<n>` instead if that is one of `taken` (lowercased: names differing only in case are
    /// the same sheet), n the first free number after the sheets taken.
    static func sheetName(region: String, part: Int?, taken: Set<String>) -> String {
        let suffix = part.map { "_\($0)" } ?? ""
        var id = String(region.map { "[]:*?/\\'".contains($0) ? "_" : $0 })
        while ("data_" + id + suffix).utf16.count > 31 { id.removeLast() }
        let name = "data_" + id + suffix
        guard taken.contains(name.lowercased()) || id.isEmpty else { return name }
        var number = taken.count + 1
        while taken.contains("data_\(number)") { number += 1 }
        return "data_\(number)"
    }

    /// Writes a sheet of the long table: the header, then `sheet.rows` of its cities' rows (`rowCounts` tells how
    /// many each city has, so that cities outside them are passed over without being written).
    func longSheet(_ sheet: LongSheet, rowCounts: [Int], to rows: inout some RowSink) {
        for field in DataExport.csvHeader(languages: model.languages) { rows.field(field) }
        rows.endRow()
        var window = RowWindow(base: rows, rows: sheet.rows)
        for (index, city) in model.cities.enumerated() where sheet.region == nil || city.region.value == sheet.region {
            if window.row >= sheet.rows.upperBound { break }
            if window.row + rowCounts[index] <= sheet.rows.lowerBound {
                window.skip(rowCounts[index])
                continue
            }
            for measure in model.framework.measures { export.appendRows(city, measure: measure, to: &window) }
        }
        rows = window.base
    }
}

/// Counts rows and keeps nothing of them.
struct RowCounter: RowSink {
    private(set) var rows = 0

    mutating func field(_ text: String) {}
    mutating func number(_ value: Double?) {}
    mutating func endRow() { rows += 1 }
}

/// Passes on to `base` the rows numbered `rows` (0-based, in the order they come) and drops the others.
struct RowWindow<Base: RowSink>: RowSink {
    var base: Base
    let rows: Range<Int>
    /// The number of the current row.
    private(set) var row = 0

    /// Counts `count` rows as come and dropped without their fields.
    mutating func skip(_ count: Int) { row += count }

    mutating func field(_ text: String) {
        if rows.contains(row) { base.field(text) }
    }

    mutating func number(_ value: Double?) {
        if rows.contains(row) { base.number(value) }
    }

    mutating func endRow() {
        if rows.contains(row) { base.endRow() }
        row += 1
    }
}

/// A worksheet's rows are written like a CSV file's: texts as shared strings (empty ones as empty cells), numbers as
/// numbers.
extension WorksheetRows: RowSink {}
