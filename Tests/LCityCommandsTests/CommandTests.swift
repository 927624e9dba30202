import ArgumentParser
import Foundation
import Testing

@testable import LCityCommands
import LCityTestSupport

#if canImport(Glibc)
    import Glibc
#endif

@Suite("Command line")
struct CommandTests {
    @Test func parsesEveryCommand() throws {
        #expect(try LCitySite.parseAsRoot(["check", "--root", "/tmp", "--strict", "--format", "json"]) is LCitySite.Check)
        #expect(try LCitySite.parseAsRoot(["check", "--links"]) is LCitySite.Check)
        #expect(try LCitySite.parseAsRoot(["build", "--output", "/tmp/out", "--base-url", "https://x.org/"]) is LCitySite.Build)
        #expect(try LCitySite.parseAsRoot(["new", "city", "lanjiang"]) is LCitySite.NewCity)
    }

    @Test func refusesAnInvalidSlug() {
        #expect(throws: (any Error).self) { try LCitySite.parseAsRoot(["new", "city", "Bad Slug"]) }
    }

    @Test func checkFailsOnAFolderWithoutContent() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("lcity-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let command = try #require(try LCitySite.parseAsRoot(["check", "--root", root.path]) as? LCitySite.Check)
        await #expect(throws: ExitCode.failure) { try await command.run() }
        let build = try #require(try LCitySite.parseAsRoot(["build", "--root", root.path]) as? LCitySite.Build)
        await #expect(throws: ExitCode.failure) { try await build.run() }
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("public").path))
    }
}

@Suite("Command messages")
struct CommandMessageTests {
    /// Lines a command printed to standard error.
    final class Collected: @unchecked Sendable {
        private let lock = NSLock()
        private var lines: [String] = []
        func append(_ line: String) { lock.withLock { lines.append(line) } }
        var all: [String] { lock.withLock { lines } }
    }

    @Test func checkSpeaksChineseWithLangZhAndFails() async throws {
        let site = try TestSite()
        defer { site.remove() }
        try FileManager.default.copyItem(
            at: fixturesDirectory.appendingPathComponent("invalid/slips.yaml"), to: site.url("content/cities/slips.yaml"))
        let command = try #require(
            try LCitySite.parseAsRoot(["check", "--root", site.root.path, "--lang", "zh"]) as? LCitySite.Check)
        let collected = Collected()
        await LCitySite.$errorOutput.withValue({ collected.append($0) }) {
            await #expect(throws: ExitCode.failure) { try await command.run() }
        }
        let text = collected.all.joined(separator: "\n")
        #expect(text.contains("content/cities/slips.yaml:4:10: 错误：未知的国家代码“Kenya”"))
        #expect(text.contains("content/cities/slips.yaml:4:10: 附注：您是不是要写“KE”？（写代码，不写国名）"))
        // The source line and a caret under the column, as compilers print them.
        #expect(text.contains("country: Kenya\n         ^"))
        #expect(text.contains("个错误，"))
        #expect(!text.contains("error:"))
    }

    @Test func langOptionParsesLanguageCodes() throws {
        let zh = try #require(try LCitySite.parseAsRoot(["check", "--lang", "zh_CN.UTF-8"]) as? LCitySite.Check)
        #expect(zh.languageOptions.requested == .zh)
        let en = try #require(try LCitySite.parseAsRoot(["build", "--lang", "en"]) as? LCitySite.Build)
        #expect(en.languageOptions.requested == .en)
        #expect(try LCitySite.parseAsRoot(["serve", "--lang", "zh"]) is LCitySite.Serve)
        #expect(throws: (any Error).self) { try LCitySite.parseAsRoot(["check", "--lang", "fr"]) }
    }

    @Test func serveTakesRepeatedAllowedHostsAndRefusesURLs() throws {
        let serve = try #require(
            try LCitySite.parseAsRoot(["serve", "--allowed-host", "mybox.lan", "--allowed-host", "Preview.Example.org"])
                as? LCitySite.Serve)
        #expect(serve.allowedHosts == ["mybox.lan", "Preview.Example.org"])
        #expect(serve.host == "127.0.0.1")
        #expect(throws: (any Error).self) { try LCitySite.parseAsRoot(["serve", "--allowed-host", "http://mybox.lan/"]) }
        #expect(throws: (any Error).self) { try LCitySite.parseAsRoot(["serve", "--allowed-host", ""]) }
    }

    @Test func siteDefaultLanguageIsReadFromSiteYAML() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.edit("content/site.yaml", replacing: "default_language: ", with: "default_language: zh #")
        #expect(LanguageOptions.siteDefault(root: site.root) == "zh")
    }
}

@Suite("Submission sheet commands")
struct SheetCommandTests {
    @Test func exportThenImportLeavesTheFileAsItWasAndABrokenSheetWritesNothing() async throws {
        let site = try TestSite.shipped()
        defer { site.remove() }
        let city = site.url("content/cities/qiaolan.yaml")
        let before = try Data(contentsOf: city)
        for format in ["xlsx", "csv"] {
            let sheet = site.root.appendingPathComponent("qiaolan.\(format)").path
            let export = try #require(
                try LCitySite.parseAsRoot([
                    "export", "city", "qiaolan", "--root", site.root.path, "--format", format, "--lang", "zh",
                    "--output", sheet,
                ]) as? LCitySite.ExportCity)
            try await export.run()
            let importing = try #require(
                try LCitySite.parseAsRoot(["import", "city", "qiaolan", sheet, "--root", site.root.path])
                    as? LCitySite.ImportCity)
            try await importing.run()
            #expect(try Data(contentsOf: city) == before)
        }
        // A CSV with a value that is not a number: exit 1, the city file untouched.
        let csv = site.root.appendingPathComponent("qiaolan.csv")
        var text = try String(contentsOf: csv, encoding: .utf8)
        text = text.replacingOccurrences(of: ",97.1,", with: ",ninety-seven,")
        try text.write(to: csv, atomically: true, encoding: .utf8)
        let broken = try #require(
            try LCitySite.parseAsRoot(["import", "city", "qiaolan", csv.path, "--root", site.root.path])
                as? LCitySite.ImportCity)
        await #expect(throws: ExitCode.failure) { try await broken.run() }
        #expect(try Data(contentsOf: city) == before)
    }

    @Test func newCityWritesAWorkbook() async throws {
        let site = try TestSite.shipped()
        defer { site.remove() }
        let path = site.root.appendingPathComponent("lanjiang.xlsx").path
        let command = try #require(
            try LCitySite.parseAsRoot(["new", "city", "lanjiang", "--format", "xlsx", "--root", site.root.path, "--output", path])
                as? LCitySite.NewCity)
        try await command.run()
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(bytes.starts(with: [0x50, 0x4B]))
        #expect(!FileManager.default.fileExists(atPath: site.url("content/cities/lanjiang.yaml").path))
    }
}

@Suite("Commands facing files that are not files")
struct NotAFileCommandTests {
    /// `import` of a sheet that is a folder or a named pipe, or into a city "file" that is one: the loader's own
    /// message, exit 1, no hang, nothing written; `build --base-url` with an address that is no web address: refused.
    @Test(arguments: ["sheet folder", "sheet pipe", "city folder", "city pipe"])
    func importSaysWhatTheFileIsInstead(_ situation: String) async throws {
        let site = try TestSite.shipped()
        defer { site.remove() }
        let sheet = site.root.appendingPathComponent("qiaolan.xlsx")
        let export = try #require(
            try LCitySite.parseAsRoot(["export", "city", "qiaolan", "--root", site.root.path, "--output", sheet.path])
                as? LCitySite.ExportCity)
        try await export.run()
        let city = site.url("content/cities/qiaolan.yaml")
        var given = sheet
        switch situation {
        case "sheet folder":
            given = site.root.appendingPathComponent("folder.xlsx")
            try FileManager.default.createDirectory(at: given, withIntermediateDirectories: false)
        case "sheet pipe":
            given = site.root.appendingPathComponent("pipe.xlsx")
            #expect(mkfifo(given.path, 0o644) == 0)
        case "city folder":
            try FileManager.default.removeItem(at: city)
            try FileManager.default.createDirectory(at: city, withIntermediateDirectories: false)
        default:
            try FileManager.default.removeItem(at: city)
            #expect(mkfifo(city.path, 0o644) == 0)
        }
        let importing = try #require(
            try LCitySite.parseAsRoot(["import", "city", "qiaolan", given.path, "--root", site.root.path, "--lang", "en"])
                as? LCitySite.ImportCity)
        let collected = CommandMessageTests.Collected()
        await LCitySite.$errorOutput.withValue({ collected.append($0) }) {
            await #expect(throws: ExitCode.failure) { try await importing.run() }
        }
        let text = collected.all.joined(separator: "\n")
        #expect(text.contains(situation.hasSuffix("folder") ? "this is a folder, not a file" : "named pipe (FIFO)"), "\(text)")
        #expect(!text.contains("NSCocoaErrorDomain") && !text.contains("permission"))
    }

    @Test(arguments: ["javascript:alert(1)", "https://example.org/\nDisallow: /", "//evil.example/"])
    func buildRefusesABaseURLThatIsNoWebAddress(_ address: String) async throws {
        let site = try TestSite()
        defer { site.remove() }
        let build = try #require(
            try LCitySite.parseAsRoot(["build", "--root", site.root.path, "--base-url", address, "--lang", "en"])
                as? LCitySite.Build)
        await #expect(throws: (any Error).self) { try await build.run() }
        #expect(!FileManager.default.fileExists(atPath: site.url("public").path))
    }
}
