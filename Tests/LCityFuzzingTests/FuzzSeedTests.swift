import Foundation
import Testing

import LCityFuzzing
import LCityTestSupport

/// The fuzzing targets run without the fuzzer: every seed of `scripts/fuzz`'s corpora through the same `run` the
/// libFuzzer build calls, so that the harnesses are exercised by `swift test` and keep reading what they should.
@Suite("Fuzzing targets")
struct FuzzSeedTests {
    @Test(arguments: FuzzTarget.allCases)
    func everySeedGoesThroughItsTarget(_ target: FuzzTarget) throws {
        let harness = try FuzzHarness(target: target, root: repositoryRoot)
        let seeds = target.seedFiles(root: repositoryRoot)
        #expect(!seeds.isEmpty)
        for seed in seeds {
            let outcome = harness.run(try Data(contentsOf: seed))
            #expect(outcome.reportBytes > 0 || outcome.errors + outcome.warnings == 0, "\(seed.lastPathComponent)")
        }
    }

    /// The shipped cities check clean: read by the harness they still do, so it loads them as `check` does,
    /// against the site's framework, countries, other cities and kept release.
    @Test func shippedCitiesLoadWithoutDiagnostics() throws {
        let harness = try FuzzHarness(target: .cityYAML, root: repositoryRoot)
        let cities = FuzzTarget.cityYAML.seedFiles(root: repositoryRoot).filter { !$0.path.contains("/Tests/") }
        #expect(cities.count >= 10)
        for file in cities {
            let outcome = harness.run(try Data(contentsOf: file))
            #expect(outcome.loaded && outcome.errors == 0 && outcome.warnings == 0, "\(file.lastPathComponent)")
        }
    }

    /// The shipped pages and declarations render, read as a page and as the declaration, to pages of HTML.
    @Test func shippedPagesRenderToHTML() throws {
        let harness = try FuzzHarness(target: .markdownPage, root: repositoryRoot)
        for file in FuzzTarget.markdownPage.seedFiles(root: repositoryRoot) where !file.path.contains("/Tests/") {
            let outcome = harness.run(try Data(contentsOf: file))
            #expect(outcome.loaded && outcome.outputBytes > 1_000, "\(file.lastPathComponent)")
        }
    }

    /// The kept release reads without errors and differs from the current cities where they changed since.
    @Test func shippedReleaseReadsWithoutErrors() throws {
        let harness = try FuzzHarness(target: .releaseCSV, root: repositoryRoot)
        for file in FuzzTarget.releaseCSV.seedFiles(root: repositoryRoot) {
            let outcome = harness.run(try Data(contentsOf: file))
            #expect(outcome.loaded && outcome.errors == 0 && outcome.changes > 0, "\(file.lastPathComponent)")
        }
    }

    /// Bytes that are not UTF-8 stop at decoding with one error, as a content file's do.
    @Test(arguments: FuzzTarget.allCases)
    func invalidUTF8IsOneError(_ target: FuzzTarget) throws {
        let harness = try FuzzHarness(target: target, root: repositoryRoot)
        let outcome = harness.run(Data([0x61, 0x3A, 0x20, 0xC3, 0x28, 0x0A]))
        #expect(!outcome.loaded && outcome.errors == 1)
    }

    /// The replay build of `lcity-fuzz` (built beside the tests) takes files and folders through a target.
    @Test func replayProgramReplaysAFolder() throws {
        let program = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("lcity-fuzz")
        try #require(FileManager.default.isExecutableFile(atPath: program.path), "build it: swift build --build-tests")
        let process = Process()
        process.executableURL = program
        process.arguments = ["markdown-page", "content/pages"]
        process.currentDirectoryURL = repositoryRoot
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let pages = try FileManager.default.contentsOfDirectory(atPath: repositoryRoot.appendingPathComponent("content/pages").path)
        #expect(text.hasSuffix("\(pages.count) inputs replayed through markdown-page without a crash\n"))
    }
}
