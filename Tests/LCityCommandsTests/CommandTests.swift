import ArgumentParser
import Foundation
import Testing

@testable import LCityCommands

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
