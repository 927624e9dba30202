import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing

@testable import LCityContent
import LCityTestSupport

/// Whether tests should (re)write golden and expected files instead of comparing against them.

@Suite("Shipped content")
struct ShippedContentTests {
    @Test func shippedContentChecksCleanEvenWhenStrict() throws {
        let site = try TestSite.shipped()
        defer { site.remove() }
        let result = site.check(strict: true)
        #expect(result.diagnostics.map(\.description) == [])
        #expect(result.value != nil)
    }

    @Test func frameworkHasTheDocumentsCounts() throws {
        let site = try TestSite.shipped()
        defer { site.remove() }
        let framework = try #require(site.check().value).framework
        #expect(framework.groups.map(\.kind) == [.roof, .pillars, .foundation])
        #expect(framework.focusAreas.count == 12)
        #expect(framework.keyFeatures.count == 42)
        #expect(framework.measures.count == 60)
        #expect(framework.focusAreas.map(\.commitment) == Array(1...12))
        let bySource = Dictionary(grouping: framework.measures, by: \.source).mapValues(\.count)
        #expect(bySource == [.official: 26, .survey: 16, .expert: 18])
    }

    @Test func everyMeasureHasBothLanguagesAndAKnownUnit() throws {
        let site = try TestSite.shipped()
        defer { site.remove() }
        let framework = try #require(site.check().value).framework
        for measure in framework.measures {
            for language in ["zh", "en"] {
                #expect(measure.name.translations[language]?.isEmpty == false, "\(measure.id) name \(language)")
                #expect(measure.definition.translations[language]?.isEmpty == false, "\(measure.id) definition \(language)")
            }
            #expect(framework.unit(measure.unitID) != nil, "\(measure.id) unit")
        }
    }

    @Test func exampleCitiesAreIllustrativeAndSpreadOverAllRegions() throws {
        let site = try TestSite.shipped()
        defer { site.remove() }
        let content = try #require(site.check().value)
        #expect(content.cities.count >= 8)
        #expect(content.cities.allSatisfy { $0.illustrative })
        #expect(Set(content.cities.map(\.region.value)) == Set(content.geography.regions.map(\.id)))
        let multiYear = content.cities.flatMap(\.series).filter { $0.observations.count >= 2 }
        #expect(multiYear.count > content.cities.count * 10)
    }
}

@Suite("Validation fixtures")
struct ValidationFixtureTests {
    static let invalidCities: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: fixturesDirectory.appendingPathComponent("invalid").path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
    }()

    @Test func fixtureSiteChecksClean() throws {
        let site = try TestSite()
        defer { site.remove() }
        #expect(site.diagnosticLines() == [])
    }

    /// Each invalid city file next to its `.expected` list of diagnostics (file:line:col: severity: message).
    @Test(arguments: invalidCities)
    func invalidCityReportsExpectedDiagnostics(name: String) throws {
        let site = try TestSite()
        defer { site.remove() }
        let source = fixturesDirectory.appendingPathComponent("invalid/\(name).yaml")
        try FileManager.default.copyItem(at: source, to: site.url("content/cities/\(name).yaml"))
        let lines = site.diagnosticLines()
        let expectedURL = fixturesDirectory.appendingPathComponent("invalid/\(name).expected")
        if recording {
            try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: expectedURL)
        }
        let expected = try String(contentsOf: expectedURL, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(lines == expected)
        #expect(!lines.isEmpty)
    }

    /// Fixtures whose diagnostics are also kept in Chinese (`.expected.zh`), as `check --lang zh` prints them.
    static let chineseFixtures = ["out-of-range", "plausibility", "slips", "unknown-ids"]

    @Test(arguments: chineseFixtures)
    func invalidCityReportsExpectedDiagnosticsInChinese(name: String) throws {
        let site = try TestSite()
        defer { site.remove() }
        let source = fixturesDirectory.appendingPathComponent("invalid/\(name).yaml")
        try FileManager.default.copyItem(at: source, to: site.url("content/cities/\(name).yaml"))
        let lines = site.check().diagnostics.map { $0.text(in: .zh) }.flatMap { $0.split(separator: "\n").map(String.init) }
        let expectedURL = fixturesDirectory.appendingPathComponent("invalid/\(name).expected.zh")
        if recording {
            try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: expectedURL)
        }
        let expected = try String(contentsOf: expectedURL, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(lines == expected)
        #expect(!lines.isEmpty)
    }

    /// What is not a regular UTF-8 file is said to be what it is, and a named pipe is never opened (reading one
    /// would wait forever).
    @Test func filesThatAreNotTextSayWhatTheyAre() throws {
        let site = try TestSite()
        defer { site.remove() }
        try FileManager.default.createDirectory(at: site.url("content/cities/folder.yaml"), withIntermediateDirectories: true)
        #expect(mkfifo(site.url("content/cities/pipe.yaml").path, 0o644) == 0)
        var bom = Data([0xFF, 0xFE])
        bom.append("name: {zh: 甲, en: A}\n".data(using: .utf16LittleEndian)!)
        try bom.write(to: site.url("content/cities/with-bom.yaml"))
        try "name: {zh: 乙, en: B}\ncountry: CN\n".data(using: .utf16LittleEndian)!.write(to: site.url("content/cities/no-bom.yaml"))
        let lines = site.diagnosticLines()
        #expect(lines.contains("content/cities/folder.yaml: error: this is a folder, not a file"))
        #expect(lines.contains("content/cities/pipe.yaml: error: this is a named pipe (FIFO), not a regular file, so it is not read"))
        #expect(lines.contains("content/cities/with-bom.yaml: error: the file is UTF-16 text, not UTF-8"))
        #expect(lines.contains("content/cities/no-bom.yaml: error: the file is UTF-16 text, not UTF-8"))
        #expect(lines.contains { $0.contains("note: save it as UTF-8") })
    }

    @Test func hugeFileIsRefusedWithAClearError() throws {
        let site = try TestSite()
        defer { site.remove() }
        let line = "# " + String(repeating: "x", count: 1022) + "\n"
        try site.write("content/cities/huge.yaml", String(repeating: line, count: 5 * 1024))
        let lines = site.diagnosticLines()
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("content/cities/huge.yaml: error: the file is too large") == true)
    }

    @Test func badSlugIsReported() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.write("content/cities/Bad_Name.yaml", "name: x\n")
        #expect(site.diagnosticLines().first?.contains("'Bad_Name' is not a valid city slug") == true)
    }

    @Test func everyProblemIsReportedNotOnlyTheFirst() throws {
        let site = try TestSite()
        defer { site.remove() }
        for name in ["out-of-range", "unknown-ids", "syntax"] {
            try FileManager.default.copyItem(
                at: fixturesDirectory.appendingPathComponent("invalid/\(name).yaml"),
                to: site.url("content/cities/\(name).yaml"))
        }
        let files = Set(site.check().diagnostics.map(\.location.file))
        #expect(files == ["content/cities/out-of-range.yaml", "content/cities/unknown-ids.yaml", "content/cities/syntax.yaml"])
    }

    @Test func strictTurnsWarningsIntoErrors() throws {
        let site = try TestSite()
        defer { site.remove() }
        try FileManager.default.copyItem(
            at: fixturesDirectory.appendingPathComponent("invalid/warnings.yaml"), to: site.url("content/cities/warnings.yaml"))
        #expect(site.check().diagnostics.errorCount == 0)
        #expect(site.check().value != nil)
        let strict = site.check(strict: true)
        #expect(strict.diagnostics.errorCount == 2)
        #expect(strict.value == nil)
    }
}

@Suite("Framework and site validation")
struct FrameworkValidationTests {
    @Test func unknownUnitSuggestsTheClosest() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.edit("content/framework.yaml", replacing: "unit: per_100k", with: "unit: per_100")
        #expect(site.diagnosticLines() == [
            "content/framework.yaml:59:23: error: measure 1.1.1b has unknown unit 'per_100'",
            "content/framework.yaml:59:23: note: did you mean 'per_100k'?",
        ])
    }

    @Test func duplicateMeasureIdIsAnError() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.edit("content/framework.yaml", replacing: "id: 1.1.1b", with: "id: 1.1.1a")
        let lines = site.diagnosticLines()
        #expect(lines.contains("content/framework.yaml:55:21: error: duplicate measure id '1.1.1a'"))
    }

    @Test func commitmentsMustBeUniqueAndMatchTheDeclaration() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.edit("content/framework.yaml", replacing: "commitment: 3", with: "commitment: 2")
        try site.edit("content/declaration/en.md", replacing: "### 3. Resources", with: "### Resources")
        let lines = site.diagnosticLines()
        #expect(lines.contains { $0.contains("corresponds to commitment 2, which another focus area already has") })
        #expect(!lines.contains { $0.contains("no heading for commitment") })
        try site.edit("content/framework.yaml", replacing: "commitment: 2\n        name: {zh: 资源", with: "commitment: 3\n        name: {zh: 资源")
        #expect(site.diagnosticLines().contains("content/declaration/en.md: error: the declaration has no heading for commitment 3"))
    }

    @Test func missingUIStringInOneLanguageIsAnError() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.edit("content/i18n/en.yaml", replacing: "toc_title: Contents\n", with: "")
        #expect(site.diagnosticLines().contains("content/i18n/en.yaml: error: UI string 'toc_title' is missing in en"))
    }

    @Test func pageWithoutFrontMatterIsAnError() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.write("content/pages/about.en.md", "## Just text\n")
        #expect(site.diagnosticLines().first == "content/pages/about.en.md:1:1: error: the page has no front matter")
    }

    @Test func siteLanguagesAndBaseURLAreChecked() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.edit("content/site.yaml", replacing: "default_language: zh", with: "default_language: fr")
        try site.edit("content/site.yaml", replacing: "base_url: https://example.org/sub", with: "base_url: example.org")
        let lines = site.diagnosticLines()
        #expect(lines.contains("content/site.yaml:4:19: error: default_language 'fr' is not one of the languages (zh, en)"))
        #expect(lines.contains("content/site.yaml:5:11: error: base_url 'example.org' must be an absolute http(s) URL"))
    }

    @Test func missingContentFolderSaysWhatToDo() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("lcity-empty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let result = Pipeline.check(root: root)
        #expect(result.diagnostics.count == 1)
        #expect(result.diagnostics.first?.notes.map(\.en) == ["run the command in the site folder, or pass --root DIR"])
    }
}

@Suite("Robustness")
struct RobustnessTests {
    /// Random edits of a valid city file (deleted, duplicated and swapped characters, stray bytes) never crash
    /// loading or validation, and every failure names the file.
    @Test func mutatedCityFilesNeverCrashTheChecker() throws {
        let site = try TestSite()
        defer { site.remove() }
        let original = Array(try Data(contentsOf: site.url("content/cities/alpha.yaml")))
        var state: UInt64 = 42
        func random(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let specials: [UInt8] = Array("{}[]:,-#&*!|>'\"%@`~? \n\t0.9e".utf8) + [0x00, 0xFF, 0xE4]
        for _ in 0..<150 {
            var bytes = original
            for _ in 0..<(1 + random(4)) {
                let index = random(bytes.count)
                switch random(3) {
                case 0: bytes.remove(at: index)
                case 1: bytes.insert(specials[random(specials.count)], at: index)
                default: bytes[index] = specials[random(specials.count)]
                }
            }
            try Data(bytes).write(to: site.url("content/cities/alpha.yaml"))
            let result = site.check()
            for diagnostic in result.diagnostics where diagnostic.severity == .error {
                #expect(diagnostic.location.file.hasPrefix("content/"))
            }
        }
    }
}

@Suite("City coordinates")
struct CoordinateValidationTests {
    static let alphaCoordinates = "coordinates: {lat: -1.29, lon: 36.82}"

    /// The check's lines for alpha.yaml with `coordinates` instead of Nairobi's.
    static func lines(_ coordinates: String) throws -> [String] {
        let site = try TestSite()
        defer { site.remove() }
        try site.edit("content/cities/alpha.yaml", replacing: alphaCoordinates, with: "coordinates: \(coordinates)")
        return site.diagnosticLines()
    }

    @Test func swappedCoordinatesWarnWithTheSwap() throws {
        let lines = try Self.lines("{lat: 36.82, lon: -1.29}")
        #expect(lines.count == 2)
        let warning = try #require(lines.first)
        #expect(warning.hasPrefix("content/cities/alpha.yaml:7:14: warning: the coordinates lie "))
        #expect(warning.hasSuffix("° outside Kenya (KE)"))
        #expect(lines.last == "content/cities/alpha.yaml:7:14: note: latitude and longitude look swapped: did you mean {lat: -1.29, lon: 36.82}?")
    }

    @Test func farCoordinatesThatNoSwapFixesAskForACheck() throws {
        let lines = try Self.lines("{lat: 48.85, lon: 2.35}")  // Paris, entered for a Kenyan city
        #expect(lines.count == 2)
        #expect(lines.first?.contains("warning: the coordinates lie ") == true)
        #expect(lines.last == "content/cities/alpha.yaml:7:14: note: check the coordinates (lat: degrees north, negative south; lon: degrees east, negative west); if they are right, the warning can be ignored")
        // Strict turns it into an error, like every warning.
        let site = try TestSite()
        defer { site.remove() }
        try site.edit("content/cities/alpha.yaml", replacing: Self.alphaCoordinates, with: "coordinates: {lat: 48.85, lon: 2.35}")
        #expect(site.check(strict: true).diagnostics.errorCount == 1)
    }

    /// Within 5° of the country's boxes is fine: the 1:110m map is coarse and leaves out small islands.
    @Test func nearbyCoordinatesAreAccepted() throws {
        #expect(try Self.lines("{lat: -4.0, lon: 45.0}") == [])  // 3° off the coast of Kenya
        #expect(try Self.lines("{lat: 1, lon: 35}") == [])
    }

    @Test func countriesTooSmallForNaturalEarthAreNotChecked() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.edit(
            "content/countries.yaml", replacing: "countries:\n",
            with: "countries:\n  \"MT\": {zh: 马耳他, en: Malta, region: europe_north_america}\n")
        try site.edit("content/cities/alpha.yaml", replacing: "country: KE\nregion: africa", with: "country: MT\nregion: europe_north_america")
        try site.edit("content/cities/alpha.yaml", replacing: Self.alphaCoordinates, with: "coordinates: {lat: -1.29, lon: 136.82}")
        #expect(site.diagnosticLines() == [])
    }

    @Test func everyShippedCityLiesInItsCountry() throws {
        let site = try TestSite.shipped()
        defer { site.remove() }
        let result = site.check()
        let content = try #require(result.value)
        #expect(content.cities.allSatisfy { $0.coordinates != nil })
        #expect(!result.diagnostics.contains { $0.message.en.contains("coordinates lie") })
    }
}
