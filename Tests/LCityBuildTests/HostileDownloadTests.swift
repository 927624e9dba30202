import Foundation
import Testing
import ZIPFoundation

import LCityContent
import LCityUTF8
@testable import LCityPages
@testable import LCityBuild
import LCityTestSupport

/// The payloads of OWASP's CSV-injection guidance, as a city's sources and notes.
private let payloads = ["=HYPERLINK(\"http://x\",\"y\")", "+1+1", "-2+3", "@SUM(A1)", "\tTAB", "\rCR"]

/// The test site with a release, a data citation, and one city whose sources and notes are hostile.
private func hostileSite() throws -> TestSite {
    let site = try TestSite()
    try site.edit(
        "content/site.yaml", replacing: "source:\n",
        with: """
            release: {version: "2026.1", date: 2026-11-30}
            data:
              title: {zh: 测试数据, en: Test data}
              publisher: {zh: 测试研究所, en: Test Institute}
              licence: CC BY 4.0
              licence_url: https://creativecommons.org/licenses/by/4.0/
            source:

            """)
    func yaml(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\t", with: "\\t").replacingOccurrences(of: "\r", with: "\\r") + "\""
    }
    try site.edit(
        "content/cities/alpha.yaml", replacing: "    - {year: 2021, value: 1234.5, source: Police}",
        with: payloads.enumerated().map { index, payload in
            "    - {year: \(2010 + index), value: \(index + 1).5, source: \(yaml(payload)), note: \(yaml(payload))}"
        }.joined(separator: "\n") + "\n    - {year: 2021, value: 1234.5, source: Police}")
    return site
}

@Suite("Downloads with hostile texts", .serialized)
struct HostileDownloadTests {
    static let built: (files: [String: Data], root: URL)? = {
        guard let site = try? hostileSite() else { return nil }
        let (rendered, report) = site.render()
        if rendered == nil { print(report.diagnostics.map { "\($0)" }.joined(separator: "\n")) }
        return rendered.map { ($0.files, site.root) }
    }()

    func files() throws -> [String: Data] { try #require(Self.built).files }

    /// Parses RFC 4180 CSV (after the BOM) into rows of fields.
    static func parse(_ data: Data) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = "", quoted = false, afterQuote = false
        var scalars = String(decoding: data.dropFirst(3), as: UTF8.self).unicodeScalars.makeIterator()
        while let c = scalars.next() {
            if quoted {
                if c == "\"" { quoted = false; afterQuote = true } else { field.unicodeScalars.append(c) }
                continue
            }
            switch c {
            case "\"": if afterQuote { field += "\"" }; quoted = true
            case ",": row.append(field); field = ""
            case "\r": break
            case "\n": row.append(field); rows.append(row); row = []; field = ""
            default: field.unicodeScalars.append(c)
            }
            afterQuote = false
        }
        return rows
    }

    @Test func everyCSVNeutralisesFormulasAndKeepsNumbers() throws {
        let files = try files()
        let csvs = files.keys.filter { $0.hasSuffix(".csv") }.sorted()
        #expect(csvs.contains("data/all.csv") && csvs.contains("data/cities.csv") && csvs.contains("data/wide.en.csv"))
        var guarded = 0
        for path in csvs {
            for row in Self.parse(files[path]!) {
                for field in row {
                    #expect(!SpreadsheetFormula.needsGuard(field) || field.hasPrefix("'"), "\(path): \(field.debugDescription)")
                    if let first = field.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) {
                        #expect(SpreadsheetFormula.isPlainNumber(field), "\(path): \(field.debugDescription) is not guarded")
                    }
                    if field.hasPrefix("'") { guarded += 1 }
                }
            }
        }
        // Each payload as source and note in each language, in alpha's CSV, all.csv and 1.1.1b's CSV.
        #expect(guarded == payloads.count * 4 * 3)
        let all = Self.parse(try #require(files["data/all.csv"]))
        let header = all[0]
        let rows = all.dropFirst().filter { $0[0] == "alpha" && $0[header.firstIndex(of: "measure")!] == "1.1.1b" }
        let value = header.firstIndex(of: "value")!, source = header.firstIndex(of: "source_en")!
        #expect(rows.map { $0[value] } == ["1.5", "2.5", "3.5", "4.5", "5.5", "6.5", "1234.5"])
        #expect(rows.map { $0[source] } == payloads.map { "'" + $0 } + ["Police"])
    }

    @Test func theLongCSVNamesMeasuresUnitsAndTheRelease() throws {
        let all = Self.parse(try #require(try files()["data/all.csv"] as Data?))
        #expect(all[0] == [
            "city", "city_name_zh", "city_name_en", "country", "region", "illustrative", "measure", "measure_name_zh",
            "measure_name_en", "category", "year", "value", "unit", "unit_name_zh", "unit_name_en", "source_type", "flag",
            "source_zh", "source_en", "note_zh", "note_en", "release",
        ])
        #expect(all[1] == [
            "alpha", "阿尔法", "Alpha", "KE", "africa", "true", "1.1.1a", "成人识字率", "Adult literacy rate", "male", "2019",
            "80.5", "percent", "百分比", "percent", "official", "", "统计局", "Statistics office", "", "", "2026.1",
        ])
    }

    @Test func citiesCSVHasOneRowPerCity() throws {
        let cities = Self.parse(try #require(try files()["data/cities.csv"] as Data?))
        #expect(cities[0] == [
            "city", "name_zh", "name_en", "country", "country_name_zh", "country_name_en", "region", "region_name_zh",
            "region_name_en", "population", "population_year", "latitude", "longitude", "joined", "illustrative", "release",
        ])
        #expect(cities.dropFirst().map { $0[0] } == ["alpha", "beta", "gamma"])
        let alpha = cities[1]
        #expect(Array(alpha[9...]) == ["1200000", "2022", "-1.29", "36.82", "2016", "true", "2026.1"])
    }

    @Test func wideCSVHasTheLatestValuePerMeasureAndNeverAZero() throws {
        let files = try files()
        let english = Self.parse(try #require(files["data/wide.en.csv"]))
        let chinese = Self.parse(try #require(files["data/wide.zh.csv"]))
        #expect(english.count == 4 && chinese.count == 4)
        let header = english[0]
        #expect(Array(header.prefix(5)) == ["City id", "City", "Country", "Region", "Illustrative data"])
        #expect(header.contains("1.1.1a Adult literacy rate: Total (%)"))
        #expect(header.contains("1.1.1a year") && header.contains("1.1.1a flag"))
        #expect(chinese[0].contains("1.1.1a 年份"))
        let alpha = english[1]
        func cell(_ name: String) -> String { alpha[header.firstIndex(of: name)!] }
        #expect(cell("1.1.1a Adult literacy rate: Total (%)") == "78.1")
        #expect(cell("1.1.1a year") == "2022")
        #expect(cell("1.1.1a flag") == "provisional")
        // 3.1.1a was reported as not available: no value, no year.
        let programmes = try #require(header.first { $0.hasPrefix("3.1.1a ") && !$0.hasSuffix(" year") && !$0.hasSuffix(" flag") })
        #expect(cell(programmes) == "")
        #expect(cell("3.1.1a year") == "")
    }

    @Test func jsonDownloadsStateTheRelease() throws {
        let files = try files()
        for path in ["data/framework.json", "data/cities/alpha.json"] {
            let data = try #require(files[path])
            let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            #expect(json["release"] as? [String: String] == ["version": "2026.1", "date": "2026-11-30"], "\(path)")
        }
    }

    @Test func theArchiveHoldsTheDownloadsAndAReadmeThatCites() throws {
        let files = try files()
        let data = try #require(files["data/lcity-data-2026.1.zip"])
        let archive = try Archive(data: data, accessMode: .read)
        let entries = archive.map(\.path)
        #expect(entries == ["README.md", "all.csv", "cities.csv", "wide.zh.csv", "wide.en.csv", "framework.json"])
        var readme = Data()
        _ = try archive.extract(try #require(archive["README.md"])) { readme.append($0) }
        let text = String(decoding: readme, as: UTF8.self)
        #expect(text.contains("测试研究所：《测试数据》，2026.1版（2026年11月30日）。https://example.org/sub/"))
        #expect(text.contains("Test Institute. Test data, release 2026.1 (November 30, 2026). https://example.org/sub/"))
        #expect(text.contains("CC BY 4.0") && text.contains("https://creativecommons.org/licenses/by/4.0/"))
        var all = Data()
        _ = try archive.extract(try #require(archive["all.csv"])) { all.append($0) }
        #expect(all == files["data/all.csv"])
    }

    @Test func libreOfficeOpensTheWorkbookWithEverySheet() throws {
        let files = try files()
        let folder = try temporaryFolder("lcity-workbook")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("lcity-data-2026.1.xlsx")
        try #require(files["data/lcity-data-2026.1.xlsx"]).write(to: file)
        // Every sheet as UTF-8 CSV (the last option, -1: all sheets, each to a file of its own).
        _ = try LibreOffice.convert(
            file, to: "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", extension: "csv",
            in: folder, name: "lcity-data-2026.1-README.csv")
        func sheet(_ name: String) throws -> [[String]] {
            let url = folder.appendingPathComponent("out/lcity-data-2026.1-\(name).csv")
            return Self.parse(Data([0xEF, 0xBB, 0xBF]) + (try Data(contentsOf: url)))
        }
        // LibreOffice shows the texts as written: cells are never formulas, so no `'` is needed (or shown).
        let data = try sheet("data")
        let source = data[0].firstIndex(of: "source_en")!
        #expect(data.contains { $0[source] == payloads[0] })
        // The numbers and texts of the long table are those of all.csv, but for the guard.
        let csv = Self.parse(try #require(files["data/all.csv"])).map { $0.map(SpreadsheetFormula.unguarded) }
        #expect(data == csv)
        #expect(try sheet("cities").count == 4)
        #expect(try sheet("wide_zh") == Self.parse(try #require(files["data/wide.zh.csv"])))
        #expect(try sheet("measures").count == 5)
        #expect(try sheet("README").joined().contains("Test Institute. Test data, release 2026.1 (November 30, 2026). https://example.org/sub/"))
    }

    @Test func theBundlesAreByteIdenticalFromBuildToBuild() throws {
        let first = try files()
        let site = try hostileSite()
        defer { site.remove() }
        let second = try #require(site.render().0).files
        for path in ["data/lcity-data-2026.1.xlsx", "data/lcity-data-2026.1.zip"] {
            #expect(first[path] != nil && first[path] == second[path], "\(path)")
        }
    }
}
