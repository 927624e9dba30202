import Foundation
import Testing
import ZIPFoundation

import LCityContent
import LCitySpreadsheet
import LCityUTF8
@testable import LCityPages
@testable import LCityBuild
import LCityTestSupport

/// The downloads' workbook, its sheets streamed row by row: they are the CSV files' tables, and a long table with
/// more rows than a sheet holds is split by region, every row in one sheet, each sheet with the header row.
@Suite("Download workbook", .serialized)
struct WorkbookTests {
    /// The shipped site's model and downloads.
    static let shipped: (export: DataExport, files: [String: Data])? = {
        guard let site = try? TestSite.shipped() else { return nil }
        defer { site.remove() }
        guard let content = site.check().value else { return nil }
        let export = DataExport(model: SiteModel(content: content))
        return (export, export.files())
    }()

    func shipped() throws -> (export: DataExport, files: [String: Data]) { try #require(Self.shipped) }

    /// The workbook's sheets by name, each row's cells as the CSV files write them (numbers as plain text, empty cells
    /// as empty fields), filled to the header's width.
    static func sheets(_ data: Data) throws -> [(name: String, rows: [[String]])] {
        try XLSXReader.workbook(data).sheets.map { sheet in
            let width = sheet.rows.map(\.count).max() ?? 0
            return (sheet.name, sheet.rows.map { row in
                (0..<width).map { column in
                    switch column < row.count ? row[column] : .empty {
                    case .empty: ""
                    case .text(let text): text
                    case .number(let number, _): NumberText.plain(number)
                    }
                }
            })
        }
    }

    /// A CSV download's rows, without the guard against formulas (the workbook's cells are never formulas).
    static func csv(_ data: Data?) throws -> [[String]] {
        HostileDownloadTests.parse(try #require(data)).map { $0.map(SpreadsheetFormula.unguarded) }
    }

    @Test func streamedSheetsAreTheCSVFiles() throws {
        let (_, files) = try shipped()
        let workbook = try #require(files.first { $0.key.hasSuffix(".xlsx") }?.value)
        let sheets = try Self.sheets(workbook)
        #expect(sheets.map(\.name) == ["README", "cities", "measures", "data", "wide_zh", "wide_en"])
        func sheet(_ name: String) -> [[String]] { sheets.first { $0.name == name }?.rows ?? [] }
        let all = try Self.csv(files["data/all.csv"])
        #expect(all.count > 100 && sheet("data") == all)
        #expect(sheet("cities") == (try Self.csv(files["data/cities.csv"])))
        #expect(sheet("wide_zh") == (try Self.csv(files["data/wide.zh.csv"])))
        #expect(sheet("wide_en") == (try Self.csv(files["data/wide.en.csv"])))
        #expect(sheet("measures").count == (try shipped()).export.model.framework.measures.count + 1)
    }

    @Test func aLongTableOverTheRowLimitIsSplitByRegion() throws {
        let (export, files) = try shipped()
        let model = export.model
        let all = try Self.csv(files["data/all.csv"])
        let header = all[0]
        let regionColumn = try #require(header.firstIndex(of: "region"))
        var regions: [String] = []
        for row in all.dropFirst() where !regions.contains(row[regionColumn]) { regions.append(row[regionColumn]) }
        regions = model.content.geography.regions.map(\.id).filter(regions.contains)
        // A limit under the largest region's rows, so that one region is cut into parts.
        let largest = regions.map { region in all.dropFirst().count { $0[regionColumn] == region } }.max() ?? 0
        let limit = largest / 2 + 1
        #expect(regions.count >= 3 && largest > 10)
        let bundle = DataBundle(export: export, sheetRowLimit: limit)
        let long = bundle.longTable()
        #expect(long.rowCounts.reduce(0, +) == all.count - 1)
        let sheets = try Self.sheets(try bundle.workbook(long))
        #expect(!sheets.contains { $0.name == "data" })
        #expect(sheets.map(\.name) == ["README", "cities", "measures"] + long.sheets.map(\.name) + ["wide_zh", "wide_en"])
        var written = 0
        for region in regions {
            let parts = sheets.filter { $0.name == "data_\(region)" || $0.name.hasPrefix("data_\(region)_") }
            #expect(!parts.isEmpty, "\(region)")
            for part in parts {
                #expect(part.rows.first == header, "\(part.name)")
                #expect(part.rows.count - 1 <= limit, "\(part.name)")
            }
            // The region's rows, in all.csv's order, each once.
            #expect(parts.flatMap { $0.rows.dropFirst() } == all.dropFirst().filter { $0[regionColumn] == region }, "\(region)")
            written += parts.reduce(0) { $0 + $1.rows.count - 1 }
        }
        #expect(written == all.count - 1)
        let split = long.sheets.filter { $0.parts > 1 }
        #expect(split.count >= 2 && split.map(\.name).contains("data_\(split[0].region!)_2"))
        // The README sheet and the archive's README list the sheets.
        let readme = sheets[0].rows.map { $0[0] }
        let archiveReadme = bundle.readme(long.sheets)
        for sheet in long.sheets {
            #expect(readme.count { $0 == sheet.name } == model.languages.count, "\(sheet.name)")
            #expect(archiveReadme.contains(sheet.name), "\(sheet.name)")
        }
        #expect(archiveReadme.contains("one sheet per region") && archiveReadme.contains("按地区"))
        #expect(sheets[0].rows.contains { $0[1].contains("part 2 of") })
    }

    @Test func sheetNamesAreOnesASpreadsheetTakes() {
        #expect(DataBundle.sheetName(region: "africa", part: nil, taken: []) == "data_africa")
        #expect(DataBundle.sheetName(region: "latin_america_caribbean", part: 2, taken: []) == "data_latin_america_caribbean_2")
        #expect(DataBundle.sheetName(region: "a/b:c[d]*?'\\", part: nil, taken: []) == "data_a_b_c_d_____")
        let long = DataBundle.sheetName(region: String(repeating: "x", count: 40), part: 12, taken: [])
        #expect(long.utf16.count == 31 && long.hasSuffix("x_12"))
        #expect(DataBundle.sheetName(region: "Africa", part: nil, taken: ["data_africa"]) == "data_2")
    }

    /// LibreOffice opens a split workbook and finds every sheet.
    @Test func libreOfficeOpensASplitWorkbook() throws {
        let (export, files) = try shipped()
        let bundle = DataBundle(export: export, sheetRowLimit: 200)
        let long = bundle.longTable()
        let folder = try temporaryFolder("lcity-split-workbook")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("split.xlsx")
        try bundle.workbook(long).write(to: file)
        _ = try LibreOffice.convert(
            file, to: "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", extension: "csv",
            in: folder, name: "split-README.csv")
        var rows: [[String]] = []
        for sheet in long.sheets {
            let url = folder.appendingPathComponent("out/split-\(sheet.name).csv")
            let parsed = HostileDownloadTests.parse(Data([0xEF, 0xBB, 0xBF]) + (try Data(contentsOf: url)))
            rows += parsed.dropFirst()
        }
        let all = try Self.csv(files["data/all.csv"])
        #expect(long.sheets.count > 5)
        func lines(_ rows: some Sequence<[String]>) -> [String] { rows.map { $0.joined(separator: "\u{1F}") }.sorted() }
        #expect(lines(rows) == lines(all.dropFirst()))
    }
}
