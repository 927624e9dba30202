import Foundation
import Testing

import LCityContent
@testable import LCityBuild
import LCityTestSupport

#if canImport(Glibc)
    import Glibc
#endif

/// The names next to the output of a test site that are not the site's own: staging and previous folders.
private func leftovers(in site: TestSite) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: site.root.path)
        .filter { $0.contains(".staging-") || $0.contains(".previous-") || $0.contains(".interrupted") }.sorted()
}

private func buildOptions() -> Pipeline.BuildOptions {
    var options = Pipeline.BuildOptions()
    options.validator = testValidator
    return options
}

@Suite("Output folder: lock and leftovers")
struct OutputLockTests {
    @Test func leftoversOfKilledBuildsAreRemovedByTheNextBuild() throws {
        let site = try TestSite()
        defer { site.remove() }
        let output = site.url("public")
        #expect(Pipeline.build(root: site.root, output: output, options: buildOptions()).succeeded)
        for name in [
            ".public.staging-999999/en", ".public.previous-999998/en", ".public.staging-1/x",
            ".public.staging-999997.interrupted/en", ".other.staging-7",
        ] {
            try FileManager.default.createDirectory(at: site.url(name), withIntermediateDirectories: true)
        }
        #expect(Pipeline.build(root: site.root, output: output, options: buildOptions()).succeeded)
        // This output's leftovers are gone; another output's are not this build's business.
        #expect(try leftovers(in: site) == [".other.staging-7"])
    }

    @Test func aSecondBuildIntoTheSameOutputStopsWithAClearMessage() throws {
        let site = try TestSite()
        defer { site.remove() }
        let output = site.url("public")
        #expect(Pipeline.build(root: site.root, output: output, options: buildOptions()).succeeded)
        let before = try HostileInputTests.digest(of: output)

        let running = try OutputWriter(destination: output).begin()
        let second = Pipeline.build(root: site.root, output: output, options: buildOptions())
        #expect(!second.succeeded)
        let message = second.diagnostics.map { $0.text(in: .en) }.joined()
        #expect(message.contains("another build (process \(getpid())) is writing"), "\(message)")
        #expect(message.contains("--output"))
        #expect(try HostileInputTests.digest(of: output) == before)
        // The first build's staging folder is not the second's to remove.
        #expect(FileManager.default.fileExists(atPath: running.sink.root.path))

        running.discard()
        #expect(Pipeline.build(root: site.root, output: output, options: buildOptions()).succeeded)
        #expect(try leftovers(in: site) == [])
    }
}

@Suite("Output folder: what a build may replace")
struct OutputReplacementTests {
    /// `--output content`, `--output .`, a folder of documents, a file: each would be lost by the swap.
    @Test(arguments: ["content", "templates", ".", "documents", "notes.txt"])
    func aBuildDoesNotReplaceWhatIsNotASite(_ name: String) throws {
        let site = try TestSite()
        defer { site.remove() }
        try FileManager.default.createDirectory(at: site.url("documents"), withIntermediateDirectories: true)
        try site.write("documents/thesis.md", "years of work")
        try site.write("notes.txt", "notes")
        let output = site.url(name).standardizedFileURL
        let before = try HostileInputTests.digest(of: site.root)

        let report = Pipeline.build(root: site.root, output: output, options: buildOptions())

        #expect(!report.succeeded)
        let message = report.diagnostics.map { $0.text(in: .en) }.joined()
        #expect(message.contains("is not a site built by lcity-site"), "\(message)")
        var after = try HostileInputTests.digest(of: site.root)
        after.removeValue(forKey: ".\(output.lastPathComponent).lock")
        #expect(after == before)
    }

    @Test func aBuildReplacesAnEmptyFolderAndItsOwnOutput() throws {
        let site = try TestSite()
        defer { site.remove() }
        let output = site.url("public")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        #expect(Pipeline.build(root: site.root, output: output, options: buildOptions()).succeeded)
        #expect(Pipeline.build(root: site.root, output: output, options: buildOptions()).succeeded)
        let top = try FileManager.default.contentsOfDirectory(atPath: output.path)
        #expect(OutputWriter.siteMarkers.allSatisfy(top.contains))
    }
}

/// Real processes, killed: `kill -9` at random moments, and the signals a build catches.
@Suite("Interrupted builds", .tags(.slow), .enabled(if: runsSlowTests))
struct InterruptedBuildTests {
    static let executable = repositoryRoot.appendingPathComponent(".build/debug/lcity-site")

    /// Starts `lcity-site build` of `site` (quietly) and returns the process.
    static func startBuild(_ site: TestSite) throws -> Process {
        let process = Process()
        process.executableURL = executable
        process.arguments = ["build", "--root", site.root.path, "--lang", "en"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Sets the site's English title, which every page shows.
    static func setTitle(_ title: String, in site: TestSite) throws {
        let file = site.url("content/site.yaml")
        let text = try String(contentsOf: file, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasPrefix("title:") ? "title: {zh: 测试网络, en: \(title)}" : String(line)
        }
        try Data(lines.joined(separator: "\n").utf8).write(to: file)
    }

    /// The titles the output's English pages show, and its file list.
    static func state(of output: URL) throws -> (titles: Set<String>, files: [String]) {
        let files = try HostileInputTests.digest(of: output)
        var titles = Set<String>()
        for (path, data) in files where path.hasPrefix("en/") && path.hasSuffix(".html") {
            let html = String(decoding: data, as: UTF8.self)
            for version in html.matches(of: /Version \d+/) { titles.insert(String(version.output)) }
        }
        return (titles, files.keys.sorted())
    }

    @Test func killedAtRandomMomentsTheOutputIsAlwaysTheOldOrTheNewSite() throws {
        #expect(FileManager.default.isExecutableFile(atPath: Self.executable.path), "build the package first")
        let site = try TestSite()
        defer { site.remove() }
        let output = site.url("public")
        try Self.setTitle("Version 0", in: site)
        // How long a build takes here: the shortest of three.
        let clock = ContinuousClock()
        var buildTime = Duration.seconds(3600)
        for _ in 1...3 {
            let start = clock.now
            let build = try Self.startBuild(site)
            build.waitUntilExit()
            buildTime = min(buildTime, start.duration(to: clock.now))
            #expect(build.terminationStatus == 0)
        }
        let complete = try Self.state(of: output)
        #expect(complete.titles == ["Version 0"])

        var generator = SystemRandomNumberGenerator()
        var current = 0
        var outcomes: [String: Int] = [:]
        for attempt in 1...20 {
            try Self.setTitle("Version \(attempt)", in: site)
            let process = try Self.startBuild(site)
            if attempt.isMultiple(of: 2) {
                // While it writes: once its staging folder is there, within half a build's time.
                let deadline = Date().addingTimeInterval(30)
                while try leftovers(in: site).filter({ $0.contains("-\(process.processIdentifier)") }).isEmpty,
                    process.isRunning, Date() < deadline
                {
                    usleep(1_000)
                }
                Thread.sleep(forTimeInterval: Double.random(in: 0...0.5, using: &generator) * buildTime.seconds)
            } else {
                // Anywhere from the start to a little past the usual end of a build.
                Thread.sleep(forTimeInterval: Double.random(in: 0...1.2, using: &generator) * buildTime.seconds)
            }
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let state = try Self.state(of: output)
            // One site, whole: every page of the same build, and every file of a build there.
            #expect(state.files == complete.files, "attempt \(attempt): the output's files changed")
            #expect(state.titles == ["Version \(current)"] || state.titles == ["Version \(attempt)"], "attempt \(attempt): \(state.titles)")
            if state.titles == ["Version \(attempt)"] { current = attempt }
            outcomes[process.terminationReason == .uncaughtSignal ? "killed" : "finished", default: 0] += 1
        }
        // The kills must mostly have landed during builds, or this test tests nothing.
        #expect(outcomes["killed", default: 0] >= 10, "\(outcomes)")

        let last = try Self.startBuild(site)
        last.waitUntilExit()
        #expect(last.terminationStatus == 0)
        #expect(try leftovers(in: site) == [])
        #expect(try Self.state(of: output).titles == ["Version 20"])
    }

    @Test(arguments: [SIGINT, SIGTERM, SIGHUP])
    func aCaughtSignalRemovesTheStagingFolderAndEndsTheProcessByIt(_ signal: Int32) throws {
        let site = try TestSite()
        defer { site.remove() }
        let output = site.url("public")
        #expect(Pipeline.build(root: site.root, output: output, options: buildOptions()).succeeded)
        let before = try HostileInputTests.digest(of: output)
        try Self.setTitle("Version 1", in: site)

        let process = try Self.startBuild(site)
        // Signalled while it writes: as soon as its staging folder exists.
        let deadline = Date().addingTimeInterval(30)
        while try leftovers(in: site).isEmpty, process.isRunning, Date() < deadline { usleep(2_000) }
        #expect(process.isRunning, "the build ended before it could be interrupted")
        kill(process.processIdentifier, signal)
        process.waitUntilExit()

        #expect(process.terminationReason == .uncaughtSignal)
        #expect(process.terminationStatus == signal)
        #expect(try leftovers(in: site) == [])
        #expect(try HostileInputTests.digest(of: output) == before)
    }
}
