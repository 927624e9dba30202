import Foundation
import LCityContent
import LCitySpreadsheet
import LCityTestSupport
import Testing
import ZIPFoundation

/// The shipped content, loaded once.
private let shipped: LoadedContent = {
    let loaded = ContentLoader(root: repositoryRoot).load()
    return loaded.value!
}()

private func cityText(_ slug: String) throws -> String {
    try String(contentsOf: repositoryRoot.appendingPathComponent("content/cities/\(slug).yaml"), encoding: .utf8)
}

/// Exports `slug` and reads the bytes back as a workbook, as `import` does.
private func exported(_ slug: String, format: String, language: MessageLanguage, year: Int = 2025) throws -> Workbook {
    let sheet = SubmissionSheet(content: shipped, language: language, reportingYear: year)
    let city = shipped.cities.first { $0.slug == slug }
    if format == "xlsx" { return try XLSXReader.workbook(try sheet.xlsx(for: city)) }
    return Workbook(sheets: [try CSVSheet.sheet(try sheet.csv(for: city), name: "\(slug).csv").sheet], isCSV: true)
}

/// The 0-based column of a Data sheet header.
private func column(_ sheet: Sheet, _ key: DataColumn) -> Int {
    let headers = DataColumn.all(languages: ["zh", "en"])
    return sheet.rows[0].indices.first { index in
        headers.contains { $0 == key && sheet.rows[0][index] == .text($0.header(in: .en, languageName: { code in code == "zh" ? "中文" : "English" })) }
    }!
}

/// The 0-based row of a measure, year and (optional) category label in an English Data sheet.
private func row(_ sheet: Sheet, _ measure: String, _ year: Int, category: String? = nil) -> Int {
    let measureColumn = column(sheet, .measure)
    let yearColumn = column(sheet, .year)
    let categoryColumn = column(sheet, .category)
    return sheet.rows.indices.first { index in
        sheet[index, measureColumn] == .text(measure) && sheet[index, yearColumn] == .number(Double(year))
            && (category == nil || sheet[index, categoryColumn] == .text(category!))
    }!
}

private func set(_ workbook: inout Workbook, _ row: Int, _ column: Int, _ value: CellValue) {
    while workbook.sheets[0].rows[row].count <= column { workbook.sheets[0].rows[row].append(.empty) }
    workbook.sheets[0].rows[row][column] = value
}

@Suite struct SpreadsheetTests {
    @Test("export then import of an unchanged sheet leaves every shipped city file byte-identical",
          arguments: ["xlsx", "csv"], [MessageLanguage.en, .zh])
    func roundTrip(format: String, language: MessageLanguage) throws {
        for city in shipped.cities {
            let workbook = try exported(city.slug, format: format, language: language)
            var importer = SubmissionImport(content: shipped, slug: city.slug)
            importer.validator = testValidator
            let result = importer.run(workbook, file: "\(city.slug).\(format)", oldText: try cityText(city.slug))
            #expect(result.diagnostics.errorCount == 0, "\(city.slug): \(result.diagnostics)")
            #expect(result.changes.isEmpty, "\(city.slug): \(result.changes)")
            #expect(result.readings.isEmpty, "\(city.slug): \(result.readings)")
            #expect(result.text == (try cityText(city.slug)), "\(city.slug)")
        }
    }

    @Test func theDataSheetHasARowPerMeasureCategoryAndYear() throws {
        let sheet = try exported("qiaolan", format: "xlsx", language: .en).sheets[0]
        #expect(sheet.name == "Data")
        let qiaolan = shipped.cities.first { $0.slug == "qiaolan" }!
        var expected = 0
        for measure in shipped.framework.measures {
            let categories = measure.breakdownID.flatMap(shipped.framework.breakdown)?.categories.count ?? 1
            let years = Set((qiaolan.series(for: measure.id)?.observations ?? []).map(\.year.value)).union([2025])
            expected += categories * years.count
        }
        #expect(sheet.rows.count - 1 == expected)
        // 1.1.1a 2018 male: the value, its source in both languages; the empty 2025 rows.
        let male = row(sheet, "1.1.1a", 2018, category: "Male")
        #expect(sheet[male, column(sheet, .value)] == .number(97.1))
        #expect(sheet[male, column(sheet, .source(language: "en"))] == .text("City Statistics Office (population and household survey)"))
        let empty = row(sheet, "1.1.1a", 2025, category: "Total")
        #expect(sheet[empty, column(sheet, .value)] == .empty)
    }

    @Test func editsChangeOnlyWhatTheSheetChanges() throws {
        var workbook = try exported("qiaolan", format: "xlsx", language: .en)
        let sheet = workbook.sheets[0]
        let value = column(sheet, .value)
        // Changed: a single value; a breakdown category; a flag added.
        set(&workbook, row(sheet, "1.1.3b", 2023), value, .text("28,4"))
        set(&workbook, row(sheet, "1.1.1a", 2021, category: "Female"), value, .number(96.6))
        set(&workbook, row(sheet, "1.1.4a", 2023), column(sheet, .flag), .text("provisional"))
        // Added: a value in the reporting year's empty row.
        let added = row(sheet, "1.1.3a", 2025)
        set(&workbook, added, value, .text("33.0%"))
        set(&workbook, added, column(sheet, .source(language: "zh")), .text("市议会秘书处"))
        set(&workbook, added, column(sheet, .source(language: "en")), .text("City Council Secretariat: register"))
        // Removed: every cell of an observation cleared.
        let removed = row(sheet, "1.2.1b", 2023)
        for key in [DataColumn.value, .source(language: "zh"), .source(language: "en"), .flag] {
            set(&workbook, removed, column(sheet, key), .empty)
        }
        var importer = SubmissionImport(content: shipped, slug: "qiaolan")
        importer.validator = testValidator
        let old = try cityText("qiaolan")
        let result = importer.run(workbook, file: "qiaolan.xlsx", oldText: old)
        #expect(result.diagnostics.errorCount == 0, "\(result.diagnostics)")
        #expect(
            result.changes.map(\.description).sorted()
                == ["added 1.1.3a 2025", "changed 1.1.1a 2021", "changed 1.1.3b 2023", "changed 1.1.4a 2023",
                    "removed 1.2.1b 2023"])
        #expect(result.readings.map(\.typed) == ["33.0%", "28,4"])
        let text = try #require(result.text)
        // Lines outside the changed observations are the old lines, in order.
        let oldLines = old.split(separator: "\n", omittingEmptySubsequences: false)
        let newLines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let kept = oldLines.filter { newLines.contains($0) }
        #expect(oldLines.count - kept.count <= 12, "more lines changed than the edits need")
        #expect(text.contains("    - year: 2025\n      value: 33\n      source: {zh: 市议会秘书处, en: \"City Council Secretariat: register\"}\n"))
        #expect(!text.contains("value: 1.9"))
        // The new text loads as the data the sheet gives.
        let reloaded = try #require(
            ContentLoader.loadCity(text: text, relative: "content/cities/qiaolan.yaml", languages: ["zh", "en"]).value)
        #expect(reloaded.series(for: "1.1.3b")?.observations.last?.headline(totalCategory: nil) == 28.4)
        #expect(reloaded.series(for: "1.1.1a")?.observations[1].value(for: "female") == 96.6)
        #expect(reloaded.series(for: "1.2.1b") == nil)
        #expect(reloaded.series(for: "1.1.4a")?.observations.last?.flag?.value == .provisional)
    }

    @Test func numbersAreReadAsSpreadsheetUsersTypeThem() {
        let cases: [(String, Double, Bool)] = [
            ("61.5", 61.5, false), ("61.5%", 61.5, true), ("61,5", 61.5, true), ("21,500", 21500, true),
            ("21 500", 21500, true), ("1,234,567.5", 1_234_567.5, true), ("1.234.567,5", 1_234_567.5, true),
            ("21.500.000", 21_500_000, true), ("６１．５", 61.5, true), ("－3", -3, true), ("−3", -3, true),
            ("0,125", 0.125, true), ("21'500", 21500, true), ("+4", 4, true), (" 7 ", 7, false),
        ]
        for (text, value, reinterpreted) in cases {
            let parsed = SheetNumber.parse(text)
            #expect(parsed?.value == value, "\(text)")
            #expect(parsed?.reinterpreted == reinterpreted, "\(text)")
        }
        for text in ["abc", "1,2,3", "12-3", "", "%", "1.2.3"] {
            #expect(SheetNumber.parse(text) == nil, "\(text)")
        }
    }

    @Test func eachMistakeIsReportedAtItsCell() throws {
        var workbook = try exported("qiaolan", format: "xlsx", language: .en)
        let sheet = workbook.sheets[0]
        let value = column(sheet, .value)
        let a = row(sheet, "1.1.3b", 2023)
        set(&workbook, a, value, .text("about 30"))
        let b = row(sheet, "1.1.1a", 2021, category: "Male")
        set(&workbook, b, value, .number(197.9))
        let c = row(sheet, "1.1.4a", 2023)
        set(&workbook, c, column(sheet, .flag), .text("guess"))
        let d = row(sheet, "1.1.3a", 2025)
        set(&workbook, d, column(sheet, .source(language: "en")), .text("Council"))
        let e = row(sheet, "1.2.1a", 2022)
        set(&workbook, e, column(sheet, .year), .text("twenty"))
        let f = row(sheet, "1.1.2b", 2021)
        set(&workbook, f, column(sheet, .measure), .text("1.1.2x"))
        let g = row(sheet, "1.1.1a", 2023, category: "Female")
        set(&workbook, g, column(sheet, .category), .text("girls"))
        let h = row(sheet, "1.1.1a", 2018, category: "Female")
        set(&workbook, h, column(sheet, .source(language: "en")), .text("Statistics Office"))
        var importer = SubmissionImport(content: shipped, slug: "qiaolan")
        importer.validator = testValidator
        let result = importer.run(workbook, file: "qiaolan.xlsx", oldText: try cityText("qiaolan"))
        #expect(result.text == nil)
        func cell(_ row: Int, _ column: Int) -> String { "qiaolan.xlsx: Data!\(SourceLocation.columnName(column + 1))\(row + 1)" }
        let expected: [(String, String, String)] = [
            (cell(f, column(sheet, .measure)), "unknown measure ID '1.1.2x'", "未知的测量点编号“1.1.2x”"),
            (cell(b, value), "1.1.1a 'male' is 197.9, a percentage must be 0–100", "指标 1.1.1a 的“male”是 197.9，百分比必须在 0–100 之间"),
            (cell(g, column(sheet, .category)), "unknown category 'girls' for 1.1.1a", "1.1.1a 没有“girls”这个分类"),
            (cell(d, value), "1.1.3a 2025 has a source, flag or note but no value", "1.1.3a 2025年填写了来源、标注或备注，但没有数值"),
            (cell(a, value), "the value must be a number, found 'about 30'", "数值应为数字，现为“about 30”"),
            (cell(c, column(sheet, .flag)), "unknown flag 'guess'", "未知的标注“guess”"),
            (cell(e, column(sheet, .year)), "the year must be a whole number such as 2024, found 'twenty'", "年份应为整数（如 2024），现为“twenty”"),
            (cell(h, column(sheet, .source(language: "en"))),
             "the rows of 1.1.1a 2018 give different values of 'Source (en)': an observation has one",
             "1.1.1a 2018年各行的“来源（en）”不一致：同一年的数据只能有一个"),
        ]
        for language in MessageLanguage.allCases {
            let lines = result.diagnostics.map { "\($0.location): \($0.message.text(in: language))" }
            for (location, english, chinese) in expected {
                let line = "\(location): \(language == .en ? english : chinese)"
                #expect(lines.contains(line), "missing: \(line)\nin:\n\(lines.joined(separator: "\n"))")
            }
        }
        // Each mistake once, with nothing else reported.
        #expect(result.diagnostics.errorCount == expected.count, "\(result.diagnostics.map(\.description))")
    }

    @Test func aCSVNamesLineAndColumn() throws {
        var workbook = try exported("qiaolan", format: "csv", language: .zh)
        let sheet = workbook.sheets[0]
        let valueColumn = sheet.rows[0].firstIndex(of: .text("数值"))!
        let target = sheet.rows.indices.first { sheet[$0, 0] == .text("1.1.3b") }!
        set(&workbook, target, valueColumn, .text("约30"))
        var importer = SubmissionImport(content: shipped, slug: "qiaolan")
        importer.validator = testValidator
        let lines = Array(1...sheet.rows.count)
        let result = importer.run(workbook, file: "qiaolan.csv", lines: lines, oldText: try cityText("qiaolan"))
        #expect(result.diagnostics.map(\.location.description) == ["qiaolan.csv:\(target + 1):\(valueColumn + 1)"])
    }

    @Test func aNewCityIsWrittenFromTheCitySheet() throws {
        let sheet = SubmissionSheet(content: shipped, language: .zh, reportingYear: 2024)
        var workbook = try XLSXReader.workbook(try sheet.xlsx(for: nil))
        #expect(workbook.sheets.map(\.name) == ["数据", "城市", "填写说明"])
        // The City sheet: name, country, region, population …
        func setField(_ key: String, _ value: CellValue) {
            let index = workbook.sheets[1].rows.firstIndex { $0.first == .text(key) }!
            while workbook.sheets[1].rows[index].count < 3 { workbook.sheets[1].rows[index].append(.empty) }
            workbook.sheets[1].rows[index][2] = value
        }
        setField("name_zh", .text("岚江市"))
        setField("name_en", .text("Lanjiang"))
        setField("country", .text("CN"))
        setField("region", .text("asia_pacific"))
        setField("population", .number(2_100_000))
        setField("population_year", .number(2023))
        setField("joined", .number(2024))
        let data = workbook.sheets[0]
        let measureRow = data.rows.indices.first { data[$0, 0] == .text("1.1.3a") }!
        set(&workbook, measureRow, 8, .text("３１．５"))
        set(&workbook, measureRow, 9, .text("市统计局"))
        set(&workbook, measureRow, 10, .text("City Statistics Office"))
        var importer = SubmissionImport(content: shipped, slug: "lanjiang")
        importer.validator = testValidator
        let result = importer.run(workbook, file: "lanjiang.xlsx", oldText: nil)
        #expect(result.diagnostics.errorCount == 0, "\(result.diagnostics)")
        let text = try #require(result.text)
        let city = try #require(
            ContentLoader.loadCity(text: text, relative: "content/cities/lanjiang.yaml", languages: ["zh", "en"]).value)
        #expect(city.name.translations == ["zh": "岚江市", "en": "Lanjiang"])
        #expect(city.country.value == "CN" && city.region.value == "asia_pacific" && city.population?.value == 2_100_000)
        #expect(city.series.map(\.measureID.value) == ["1.1.3a"])
        #expect(testValidator.validate(city: city, in: shipped).errorCount == 0)
    }

    @Test func cellReferencesNameColumnsAsSpreadsheetsDo() {
        #expect(SourceLocation.columnName(1) == "A")
        #expect(SourceLocation.columnName(26) == "Z")
        #expect(SourceLocation.columnName(27) == "AA")
        #expect(SourceLocation.columnName(703) == "AAA")
        #expect(SourceLocation(file: "x.xlsx", sheet: "Data", row: 12, column: 6).description == "x.xlsx: Data!F12")
    }

    @Test func theSameSheetGivesTheSameBytes() throws {
        let sheet = SubmissionSheet(content: shipped, language: .en, reportingYear: 2025)
        let city = shipped.cities[0]
        #expect(try sheet.xlsx(for: city) == (try sheet.xlsx(for: city)))
        #expect(try sheet.csv(for: city).starts(with: [0xEF, 0xBB, 0xBF]))
    }
}

@Suite(.serialized) struct LibreOfficeTests {
    @Test func libreOfficeOpensTheWorkbookWithTheSameValues() throws {
        let folder = try temporaryFolder("lcity-libreoffice")
        defer { try? FileManager.default.removeItem(at: folder) }
        let sheet = SubmissionSheet(content: shipped, language: .zh, reportingYear: 2025)
        let city = shipped.cities.first { $0.slug == "qiaolan" }
        let file = folder.appendingPathComponent("qiaolan.xlsx")
        try sheet.xlsx(for: city).write(to: file)
        // Its first sheet as UTF-8 CSV (44: comma, 34: quote, 76: UTF-8), as LibreOffice shows the cells.
        let csv = try LibreOffice.convert(file, to: "csv:Text - txt - csv (StarCalc):44,34,76", extension: "csv", in: folder)
        let read = try CSVSheet.sheet(try Data(contentsOf: csv), name: "csv").sheet
        let written = sheet.dataSheet(for: city).sheet
        #expect(read.rows.count == written.rows.count)
        for (index, row) in written.rows.enumerated() {
            let expected = row.map { value -> String in
                switch value {
                case .empty: ""
                case .text(let text): text
                case .number(let number, _): CityYAML.number(number)
                }
            }
            var shown = read.rows[index].map { value -> String in if case .text(let text) = value { text } else { "" } }
            shown += Array(repeating: "", count: max(0, expected.count - shown.count))
            #expect(Array(shown.prefix(expected.count)) == expected, "row \(index + 1)")
        }
    }

    @Test func libreOfficeKeepsTheProtectionAndTheDropDowns() throws {
        let folder = try temporaryFolder("lcity-libreoffice")
        defer { try? FileManager.default.removeItem(at: folder) }
        let sheet = SubmissionSheet(content: shipped, language: .en, reportingYear: 2025)
        let file = folder.appendingPathComponent("qiaolan.xlsx")
        try sheet.xlsx(for: shipped.cities.first { $0.slug == "qiaolan" }).write(to: file)
        // Saved as OpenDocument, LibreOffice's own format, which says what it understood of the workbook.
        let ods = try LibreOffice.convert(file, to: "ods", extension: "ods", in: folder)
        let archive = try Archive(url: ods, accessMode: .read)
        var bytes = Data()
        _ = try archive.extract(try #require(archive["content.xml"])) { bytes.append($0) }
        let content = String(decoding: bytes, as: UTF8.self)
        func isProtected(_ name: String) -> Bool {
            content.range(of: "<table:table table:name=\"\(name)\"[^>]*table:protected=\"true\"", options: .regularExpression) != nil
        }
        #expect(isProtected("Data") && isProtected("City") && !isProtected("Guide"))
        #expect(content.contains("style:cell-protect=\"none\""), "the editable columns are unlocked")
        #expect(content.contains("of:cell-content-is-in-list(&quot;estimated&quot;;&quot;provisional&quot;;&quot;break in series&quot;;&quot;low reliability&quot;)"))
        #expect(content.contains("of:cell-content-is-in-list(&quot;1 – Poor&quot;;&quot;2 – Fair&quot;;&quot;3 – Good&quot;;&quot;4 – Very good&quot;;&quot;5 – Excellent&quot;)"))
    }

    @Test func aWorkbookSavedByLibreOfficeImportsWithoutAChange() throws {
        let folder = try temporaryFolder("lcity-libreoffice")
        defer { try? FileManager.default.removeItem(at: folder) }
        let sheet = SubmissionSheet(content: shipped, language: .en, reportingYear: 2025)
        let city = shipped.cities.first { $0.slug == "kesiwa" }
        let file = folder.appendingPathComponent("kesiwa.xlsx")
        try sheet.xlsx(for: city).write(to: file)
        // Saved again by LibreOffice: shared strings, its own styles and parts.
        let saved = try LibreOffice.convert(file, to: "xlsx:Calc MS Excel 2007 XML", extension: "xlsx", in: folder)
        let workbook = try XLSXReader.workbook(try Data(contentsOf: saved))
        #expect(workbook.sheets.map(\.name) == ["Data", "City", "Guide"])
        var importer = SubmissionImport(content: shipped, slug: "kesiwa")
        importer.validator = testValidator
        let result = importer.run(workbook, file: "kesiwa.xlsx", oldText: try cityText("kesiwa"))
        #expect(result.diagnostics.errorCount == 0, "\(result.diagnostics)")
        #expect(result.changes.isEmpty, "\(result.changes)")
        #expect(result.text == (try cityText("kesiwa")))
    }

    @Test func aPercentageTypedInLibreOfficeIsReadAsTheFigure() throws {
        let folder = try temporaryFolder("lcity-libreoffice")
        defer { try? FileManager.default.removeItem(at: folder) }
        let sheet = SubmissionSheet(content: shipped, language: .en, reportingYear: 2025)
        let city = shipped.cities.first { $0.slug == "qiaolan" }
        var data = sheet.dataSheet(for: city).sheet
        let target = data.rows.indices.first { data[$0, 0] == .text("1.1.3a") && data[$0, 7] == .number(2025) }!
        data.rows[target][8] = .text("33.5%")
        data.rows[target][9] = .text("市议会秘书处")
        data.rows[target][10] = .text("City Council Secretariat")
        let file = folder.appendingPathComponent("typed.csv")
        try CSVSheet.data(data).write(to: file)
        // LibreOffice reads "33.5%" as the number 0.335 formatted as a percentage, as it does when one types it.
        let converted = try LibreOffice.convert(file, to: "xlsx:Calc MS Excel 2007 XML", extension: "xlsx", in: folder)
        let workbook = try XLSXReader.workbook(try Data(contentsOf: converted))
        var importer = SubmissionImport(content: shipped, slug: "qiaolan")
        importer.validator = testValidator
        let result = importer.run(workbook, file: "typed.xlsx", oldText: try cityText("qiaolan"))
        #expect(result.diagnostics.errorCount == 0, "\(result.diagnostics)")
        #expect(result.changes.map(\.description) == ["added 1.1.3a 2025"])
        #expect(result.readings.map { "\($0.location): \($0.typed) → \($0.value)" } == ["typed.xlsx: typed!I\(target + 1): 33.5% → 33.5"])
        #expect(result.text?.contains("    - year: 2025\n      value: 33.5\n") == true)
    }
}

@Suite struct FormulaGuardTests {
    /// A note that starts like a formula is written with a leading `'` (so Excel shows it as text) and read back
    /// as written; numbers stay numbers.
    @Test func aFormulaLikeNoteRoundTripsThroughTheCSVSheet() throws {
        let texts = ["=HYPERLINK(\"http://x\",\"y\")", "+1+1", "-2+3", "@SUM(A1)", "\tindented", "\rback", "'=quoted", "plain"]
        let sheet = Sheet(name: "Data", rows: [texts.map(CellValue.text), [.number(-5), .number(3.25), .text("-0.25")]])
        let data = try CSVSheet.data(sheet)
        let written = String(decoding: data.dropFirst(3), as: UTF8.self)
        #expect(written.hasPrefix("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",'+1+1,'-2+3,'@SUM(A1),'\tindented,\"'\rback\",''=quoted,plain\r\n"))
        #expect(written.contains("\r\n-5,3.25,-0.25\r\n"))
        let read = try CSVSheet.sheet(data, name: "Data").sheet
        #expect(read.rows[0] == texts.map(CellValue.text))
        #expect(read.rows[1] == [.text("-5"), .text("3.25"), .text("-0.25")])
    }
}
