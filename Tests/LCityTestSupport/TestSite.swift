import Foundation
import Testing

import LCityContent
import LCityPages
import LCityBuild

/// The repository root, found from this file's path.
public let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

public let fixturesDirectory = repositoryRoot.appendingPathComponent("Tests/Fixtures")

/// The validator used by tests: a fixed "current" year so results do not change with the clock.
public let testValidator = Validator(currentYear: 2026)

/// A throw-away site folder: the small fixture content plus the project's real UI strings and templates.
public struct TestSite {
    public let root: URL

    /// Copies the fixture site (or another content folder) into a new temporary folder.
    public init(content: URL = fixturesDirectory.appendingPathComponent("site/content")) throws {
        let fileManager = FileManager.default
        root = fileManager.temporaryDirectory.appendingPathComponent("lcity-test-\(UUID().uuidString)")
        try fileManager.createDirectory(at: root, withIntermediateDirectories: true)
        try fileManager.copyItem(at: content, to: root.appendingPathComponent("content"))
        let strings = root.appendingPathComponent("content/i18n")
        if !fileManager.fileExists(atPath: strings.path) {
            try fileManager.copyItem(at: repositoryRoot.appendingPathComponent("content/i18n"), to: strings)
        }
        try fileManager.copyItem(
            at: repositoryRoot.appendingPathComponent("templates"), to: root.appendingPathComponent("templates"))
    }

    /// The shipped site (content/ and templates/ of the repository), copied.
    public static func shipped() throws -> TestSite {
        try TestSite(content: repositoryRoot.appendingPathComponent("content"))
    }

    public func url(_ relative: String) -> URL { root.appendingPathComponent(relative) }

    /// Writes `text` to a file below the site root.
    public func write(_ relative: String, _ text: String) throws {
        try Data(text.utf8).write(to: url(relative))
    }

    /// Replaces the first occurrence of `old` in a file with `new`; fails the test if it is absent.
    public func edit(_ relative: String, replacing old: String, with new: String) throws {
        let text = try String(contentsOf: url(relative), encoding: .utf8)
        #expect(text.contains(old), "\(relative) does not contain \(old)")
        try write(relative, text.replacingOccurrences(of: old, with: new, options: [], range: text.range(of: old)))
    }

    /// load + validate with the test validator.
    public func check(strict: Bool = false) -> StageResult<LoadedContent> {
        Pipeline.check(root: root, validator: testValidator, strict: strict)
    }

    /// The diagnostics of a check, one compiler-style line each (notes included).
    public func diagnosticLines() -> [String] {
        check().diagnostics.map(\.description).flatMap { $0.split(separator: "\n").map(String.init) }
    }

    /// The site's templates.
    public func templates() -> StageResult<TemplateSet> { TemplateSet.load(root: root) }

    /// Renders the whole site in memory.
    public func render(baseURL: String? = nil) -> (RenderedSite?, BuildReport) {
        var options = Pipeline.BuildOptions(baseURL: baseURL)
        options.validator = testValidator
        return Pipeline.render(root: root, options: options)
    }

    public func remove() {
        try? FileManager.default.removeItem(at: root)
    }
}
