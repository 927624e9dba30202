import Foundation
import Testing

import LCityContent
import LCityUTF8
@testable import LCityPages
@testable import LCityBuild
import LCityTestSupport

@Suite("Downloads")
struct DownloadTests {
    func files() throws -> [String: Data] {
        let site = try TestSite()
        defer { site.remove() }
        let (rendered, _) = site.render()
        return try #require(rendered).files
    }

    @Test func csvIsUTF8WithBOMAndRFC4180() throws {
        let files = try files()
        let data = try #require(files["data/cities/beta.csv"])
        #expect(Array(data.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: data.dropFirst(3), as: UTF8.self)
        let lines = text.components(separatedBy: "\r\n")
        #expect(lines[0] == "city,city_name_zh,city_name_en,country,region,illustrative,measure,measure_name_zh,measure_name_en,category,year,value,unit,unit_name_zh,unit_name_en,source_type,flag,source_zh,source_en,note_zh,note_en,release")
        #expect(lines[1] == "beta,贝塔,Beta,DE,europe_north_america,true,1.1.1a,成人识字率,Adult literacy rate,male,2021,99.1,percent,百分比,percent,official,,Destatis,Destatis,,,")
        #expect(lines.contains("beta,贝塔,Beta,DE,europe_north_america,true,3.1.1a,学习项目数量,Learning programmes,,2022,12,count,数量,number,survey,,\"Survey, 2022 (n = 1,000)\",\"Survey, 2022 (n = 1,000)\",,,"))
        #expect(lines.last == "")
    }

    /// The hand-written city JSON is exactly what JSONEncoder writes, for the shipped cities and for awkward texts
    /// and numbers.
    @Test func cityJSONEqualsJSONEncoder() throws {
        let site = try TestSite.shipped()
        defer { site.remove() }
        let model = SiteModel(content: try #require(site.check().value))
        let export = DataExport(model: model)
        var documents = model.cities.map(export.cityDocument)
        var odd = documents[0]
        odd.website = "https://example.org/a/b?c=\"d\""
        odd.population = nil
        odd.coordinates = ["lat": -0.0, "lon": 1e-7]
        odd.name = ["en": "Tab\tnew\nline \u{1} back\\slash \u{2028}", "zh": "引号\"中文\""]
        odd.observations = odd.observations.prefix(3).map { observation in
            var observation = observation
            observation.value = 12345678901234567.0
            observation.values = ["a": 0.1 + 0.2, "b": 1e21, "c": 73]
            observation.note = ["en": "\r\u{8}\u{C}/"]
            return observation
        }
        documents.append(odd)
        var empty = documents[0]
        empty.observations = []
        empty.coordinates = nil
        documents.append(empty)
        for document in documents {
            let expected = String(decoding: export.json(document), as: UTF8.self)
            #expect(String(decoding: DataExport.json(document), as: UTF8.self) == expected, "\(document.slug)")
        }
    }

    @Test func quotingFollowsRFC4180() {
        #expect(CSV.quote("plain") == "plain")
        #expect(CSV.quote("=1+1") == "'=1+1")
        #expect(CSV.quote("=HYPERLINK(\"x\",\"y\")") == "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"")
        #expect(CSV.quote("-0.25") == "-0.25")
        #expect(CSV.quote("a,b") == "\"a,b\"")
        #expect(CSV.quote("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSV.quote("two\r\nlines") == "\"two\r\nlines\"")
    }

    @Test func indicatorAndAllCSVHoldTheSameRows() throws {
        let files = try files()
        func rows(_ path: String) throws -> [String] {
            let data = try #require(files[path])
            return String(decoding: data.dropFirst(3), as: UTF8.self).components(separatedBy: "\r\n").dropFirst().filter { !$0.isEmpty }
        }
        let all = try rows("data/all.csv")
        let perIndicator = try ["1.1.1a", "1.1.1b", "2.1.1a", "3.1.1a"].flatMap { try rows("data/measures/\($0).csv") }
        let perCity = try ["alpha", "beta", "gamma"].flatMap { try rows("data/cities/\($0).csv") }
        #expect(all.count == 16)
        #expect(Set(all) == Set(perIndicator))
        #expect(all == perCity)
        #expect(all.contains("alpha,阿尔法,Alpha,KE,africa,true,3.1.1a,学习项目数量,Learning programmes,,2020,,count,数量,number,survey,,,,未收集,Not collected,"))
    }

    @Test func frameworkJSONHasEveryMeasureWithBothLanguages() throws {
        let files = try files()
        let data = try #require(files["data/framework.json"])
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let groups = try #require(json["groups"] as? [[String: Any]])
        let areas = groups.flatMap { ($0["focus_areas"] as? [[String: Any]]) ?? [] }
        let measures = areas.flatMap { ($0["key_features"] as? [[String: Any]]) ?? [] }.flatMap { ($0["measures"] as? [[String: Any]]) ?? [] }
        #expect(measures.count == 4)
        let literacy = try #require(measures.first { $0["id"] as? String == "1.1.1a" })
        #expect(literacy["source"] as? String == "official")
        #expect((literacy["name"] as? [String: String]) == ["zh": "成人识字率", "en": "Adult literacy rate"])
        #expect(((literacy["breakdown"] as? [String: Any])?["categories"] as? [[String: Any]])?.count == 3)
        #expect(((literacy["unit"] as? [String: Any])?["id"] as? String) == "percent")
        let crime = try #require(measures.first { $0["id"] as? String == "1.1.1b" })
        #expect((crime["notes"] as? [String: String])?["en"] == "The printed table gives no unit.")
    }

    @Test func cityJSONKeepsProvenance() throws {
        let files = try files()
        let data = try #require(files["data/cities/alpha.json"])
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(json["illustrative"] as? Bool == true)
        let observations = try #require(json["observations"] as? [[String: Any]])
        #expect(observations.count == 5)
        let provisional = try #require(observations.first { $0["flag"] as? String == "provisional" })
        #expect(provisional["year"] as? Int == 2022)
        #expect((provisional["values"] as? [String: Double])?["total"] == 78.1)
        let missing = try #require(observations.first { $0["measure"] as? String == "3.1.1a" })
        #expect(missing["available"] as? Bool == false)
        #expect(missing["value"] == nil)
    }
}

@Suite("Formatting")
struct FormattingTests {
    @Test(arguments: [
        (0.0, 0, "0"), (1234.5, 1, "1,234.5"), (1234.56, 1, "1,234.6"), (0.05, 1, "0.1"), (2.5, 0, "3"),
        (1_000_000, 0, "1,000,000"), (99.95, 1, "100.0"), (12.0, 2, "12.00"), (-3.25, 1, "−3.3"),
    ])
    func formatsWithFixedDecimalsAndGrouping(value: Double, decimals: Int, expected: String) {
        #expect(NumberFormatting.format(value, decimals: decimals) == expected)
    }

    @Test func suggestsCloseMatchesOnly() {
        #expect(Suggestion.closest(to: "popluation", in: ["population", "joined"]) == "population")
        #expect(Suggestion.closest(to: "1.1.1c", in: ["1.1.1a", "2.2.2b"]) == "1.1.1a")
        #expect(Suggestion.closest(to: "zzz", in: ["population"]) == nil)
    }

    @Test func githubAnnotationsEscapeTheirData() {
        let diagnostic = Diagnostic.error(.verbatim("a, b: 50%\nsecond"), at: SourceLocation(file: "content/x,y.yaml", line: 3, column: 7))
        #expect(DiagnosticFormatter.githubAnnotations([diagnostic]) == "::error file=content/x%2Cy.yaml,line=3,col=7::a, b: 50%25%0Asecond")
    }

    @Test func jsonReportCountsErrorsAndWarnings() throws {
        let diagnostics = [
            Diagnostic.error(.verbatim("bad"), at: SourceLocation(file: "a.yaml", line: 1, column: 2)),
            Diagnostic.warning(.verbatim("meh"), at: SourceLocation(file: "b.yaml")),
        ]
        let data = Data(DiagnosticFormatter.json(diagnostics, fileCount: 4).utf8)
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(json["errors"] as? Int == 1)
        #expect(json["warnings"] as? Int == 1)
        #expect(json["files"] as? Int == 4)
        #expect(DiagnosticFormatter.summary(diagnostics, fileCount: 4) == "1 error, 1 warning in 4 files")
    }
}

@Suite("Formula guard")
struct SpreadsheetFormulaTests {
    @Test(arguments: [
        ("=HYPERLINK(\"http://x\",\"y\")", true), ("+1+1", true), ("-2+3", true), ("@SUM(A1)", true), ("\tx", true),
        ("\rx", true), ("'=x", true), ("'x", false), ("-5", false), ("+3.2", false), ("-0.25", false), ("-.5", false),
        ("1e-3", false), ("-", true), ("-e5", true), ("-1-", true), ("plain", false), ("", false), ("名称", false),
    ])
    func guardsFormulasButNotNumbers(text: String, guarded: Bool) {
        #expect(SpreadsheetFormula.needsGuard(text) == guarded)
        #expect(SpreadsheetFormula.unguarded(SpreadsheetFormula.guarded(text)) == text)
    }
}
