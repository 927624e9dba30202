import Foundation
import Testing

@testable import LCityContent
@testable import LCityPages
@testable import LCityBuild
import LCityTestSupport

#if canImport(Glibc)
    import Glibc
#endif

/// A hostile or malformed input: what is done to a copy of the fixture site, and what the build must say.
struct HostileInput: CustomTestStringConvertible, Sendable {
    var name: String
    /// Changes the site at the given root.
    var make: @Sendable (TestSite) throws -> Void
    /// The file the first error names, and its line where one exists (0: the file as a whole).
    var file: String
    var line = 0
    /// Words the error (message and notes, in English) must contain.
    var says: String
    /// Text no diagnostic may contain (a secret behind a link).
    var neverShows: String?

    var testDescription: String { name }
}

/// Files outside every test site, for links to point at.
private let outside: URL = {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lcity-outside-\(getpid())")
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try? Data("SECRET_TOKEN=abc123\n".utf8).write(to: folder.appendingPathComponent("secret.env"))
    try? Data("---\ntitle: Leak\ndescription: leaked\n---\nSECRET_TOKEN=abc123\n".utf8)
        .write(to: folder.appendingPathComponent("leak.md"))
    return folder
}()

private func link(_ site: TestSite, _ relative: String, to target: String) throws {
    try? FileManager.default.removeItem(at: site.url(relative))
    try FileManager.default.createSymbolicLink(atPath: site.url(relative).path, withDestinationPath: target)
}

private func appendBytes(_ site: TestSite, _ relative: String, _ bytes: [UInt8]) throws {
    let handle = try FileHandle(forWritingTo: site.url(relative))
    try handle.seekToEnd()
    try handle.write(contentsOf: Data(bytes))
    try handle.close()
}

/// Lines of the fixture city `alpha.yaml`, for edits at a known line.
private let alphaNameLine = 1

@Suite("Hostile and malformed inputs")
struct HostileInputTests {
    static let cases: [HostileInput] = [
        // Links that leave the site, or lead nowhere.
        HostileInput(
            name: "page linked from outside", make: { try link($0, "content/pages/leak.en.md", to: outside.path + "/leak.md") },
            file: "content/pages/leak.en.md", says: "outside the site folder", neverShows: "SECRET_TOKEN"),
        HostileInput(
            name: "city linked to a secret", make: { try link($0, "content/cities/zz.yaml", to: outside.path + "/secret.env") },
            file: "content/cities/zz.yaml", says: "outside the site folder", neverShows: "SECRET_TOKEN"),
        HostileInput(
            name: "city linked through ../", make: { try link($0, "content/cities/zz.yaml", to: "../../../" + outside.lastPathComponent + "/secret.env") },
            file: "content/cities/zz.yaml", says: "outside the site folder", neverShows: "SECRET_TOKEN"),
        HostileInput(
            name: "cities folder linked from outside",
            make: { site in
                let copy = outside.appendingPathComponent("cities-\(UUID().uuidString)")
                try FileManager.default.moveItem(at: site.url("content/cities"), to: copy)
                try link(site, "content/cities", to: copy.path)
            },
            file: "content/cities/alpha.yaml", says: "outside the site folder"),
        HostileInput(
            name: "broken link", make: { try link($0, "content/cities/zz.yaml", to: "/nonexistent/zz.yaml") },
            file: "content/cities/zz.yaml", says: "does not exist"),
        HostileInput(
            name: "template asset linked from outside",
            make: { try link($0, "templates/assets/leak.css", to: outside.path + "/secret.env") },
            file: "templates/assets/leak.css", says: "outside the site folder", neverShows: "SECRET_TOKEN"),
        HostileInput(
            name: "template linked from outside",
            make: { try link($0, "templates/partials/leak.mustache", to: outside.path + "/secret.env") },
            file: "templates/partials/leak.mustache", says: "outside the site folder", neverShows: "SECRET_TOKEN"),
        // Things that are not text files.
        HostileInput(
            name: "city file that is a folder",
            make: { try FileManager.default.createDirectory(at: $0.url("content/cities/zz.yaml"), withIntermediateDirectories: false) },
            file: "content/cities/zz.yaml", says: "this is a folder"),
        HostileInput(
            name: "city file that is a named pipe", make: { _ = mkfifo($0.url("content/cities/zz.yaml").path, 0o644) },
            file: "content/cities/zz.yaml", says: "named pipe"),
        HostileInput(
            name: "UTF-16 city file",
            make: { try "name: x\ncountry: KE\n".data(using: .utf16)!.write(to: $0.url("content/cities/zz.yaml")) },
            file: "content/cities/zz.yaml", says: "UTF-16"),
        HostileInput(
            name: "GBK bytes", make: { try appendBytes($0, "content/cities/alpha.yaml", [0x23, 0x20, 0xD6, 0xD0, 0x0A]) },
            file: "content/cities/alpha.yaml", line: 27, says: "not valid UTF-8"),
        HostileInput(
            name: "empty city file", make: { try $0.write("content/cities/zz.yaml", " \n\n") },
            file: "content/cities/zz.yaml", says: "empty"),
        HostileInput(
            name: "huge city file",
            make: { try $0.write("content/cities/zz.yaml", "# " + String(repeating: "x", count: 5 * 1024 * 1024)) },
            file: "content/cities/zz.yaml", says: "too large"),
        // Control characters, written or escaped.
        HostileInput(
            name: "NUL by a YAML escape",
            make: { try $0.edit("content/cities/alpha.yaml", replacing: "en: Alpha}", with: "en: \"Al\\0pha\"}") },
            file: "content/cities/alpha.yaml", line: alphaNameLine, says: "U+0000"),
        HostileInput(
            name: "BEL by a YAML escape in site.yaml",
            make: { try $0.edit("content/site.yaml", replacing: "en: Test Network}", with: "en: \"Test\\x07Network\"}") },
            file: "content/site.yaml", line: 1, says: "U+0007"),
        HostileInput(
            name: "C1 control by a YAML escape",
            make: { try $0.edit("content/cities/alpha.yaml", replacing: "en: Alpha}", with: "en: \"Alpha\\x9b\"}") },
            file: "content/cities/alpha.yaml", line: alphaNameLine, says: "U+009B"),
        HostileInput(
            name: "raw control character in Markdown",
            make: { try $0.edit("content/pages/about.en.md", replacing: "## Downloads", with: "## Down\u{1}loads") },
            file: "content/pages/about.en.md", line: 5, says: "U+0001"),
        HostileInput(
            name: "DEL in Markdown", make: { try appendBytes($0, "content/declaration/en.md", [0x7F, 0x0A]) },
            file: "content/declaration/en.md", says: "U+007F"),
        HostileInput(
            name: "NUL byte in a template", make: { try appendBytes($0, "templates/partials/cite.mustache", [0x00]) },
            file: "templates/partials/cite.mustache", says: "U+0000"),
        // Addresses.
        HostileInput(
            name: "javascript: licence link",
            make: {
                try $0.edit(
                    "content/site.yaml", replacing: "licence_url: https://creativecommons.org/licenses/by-sa/3.0/igo/",
                    with: "licence_url: \"javascript:alert(document.cookie)\"")
            },
            file: "content/site.yaml", line: 12, says: "http:// or https://"),
        HostileInput(
            name: "data: source link",
            make: { try appendBytes($0, "content/site.yaml", Array("  url: \"data:text/html,<script>alert(1)</script>\"\n".utf8)) },
            file: "content/site.yaml", line: 13, says: "http:// or https://"),
        HostileInput(
            name: "protocol-relative base_url",
            make: { try $0.edit("content/site.yaml", replacing: "base_url: https://example.org/sub", with: "base_url: //evil.example/") },
            file: "content/site.yaml", line: 5, says: "absolute"),
        HostileInput(
            name: "base_url with a line break",
            make: {
                try $0.edit(
                    "content/site.yaml", replacing: "base_url: https://example.org/sub",
                    with: "base_url: \"https://example.org/\\nDisallow: /\"")
            },
            file: "content/site.yaml", line: 5, says: "absolute"),
        HostileInput(
            name: "javascript: city website",
            make: { try $0.edit("content/cities/alpha.yaml", replacing: "joined: 2016", with: "joined: 2016\nwebsite: \"javascript:alert(1)\"") },
            file: "content/cities/alpha.yaml", line: 9, says: "website"),
        // Numbers.
        HostileInput(
            name: ".nan value", make: { try $0.edit("content/cities/alpha.yaml", replacing: "value: 1234.5", with: "value: .nan") },
            file: "content/cities/alpha.yaml", line: 22, says: "'not a number'"),
        HostileInput(
            name: "-.inf value", make: { try $0.edit("content/cities/alpha.yaml", replacing: "value: 1234.5", with: "value: -.inf") },
            file: "content/cities/alpha.yaml", line: 22, says: "infinity"),
        // YAML built to exhaust the loader.
        HostileInput(
            name: "alias bomb",
            make: { site in
                var text = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
                for level in 1...9 {
                    text += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ") + "]\n"
                }
                try site.write("content/cities/zz.yaml", text)
            },
            file: "content/cities/zz.yaml", says: "aliases"),
        HostileInput(
            name: "nesting 100,000 deep",
            make: { try $0.write("content/cities/zz.yaml", "name: " + String(repeating: "[", count: 100_000)) },
            file: "content/cities/zz.yaml", line: 1, says: "nesting"),
        HostileInput(
            name: "unterminated quote",
            make: { try $0.edit("content/cities/alpha.yaml", replacing: "en: Alpha}", with: "en: \"Alpha}") },
            file: "content/cities/alpha.yaml", says: "YAML"),
        // Page names.
        HostileInput(
            name: "page taking the city list's URL",
            make: { try FileManager.default.copyItem(at: $0.url("content/pages/about.en.md"), to: $0.url("content/pages/cities.en.md")) },
            file: "content/pages/cities.en.md", says: "taken by a page the site generates"),
        HostileInput(
            name: "page taking the declaration's name",
            make: { try FileManager.default.copyItem(at: $0.url("content/pages/about.en.md"), to: $0.url("content/pages/declaration.en.md")) },
            file: "content/pages/declaration.en.md", says: "taken by a page the site generates"),
        HostileInput(
            name: "page name with a space",
            make: { try FileManager.default.copyItem(at: $0.url("content/pages/about.en.md"), to: $0.url("content/pages/my page.en.md")) },
            file: "content/pages/my page.en.md", says: "not a valid page name"),
        HostileInput(
            name: "page name with a path escape",
            make: { try FileManager.default.copyItem(at: $0.url("content/pages/about.en.md"), to: $0.url("content/pages/%2e%2e.en.md")) },
            file: "content/pages/%2e%2e.en.md", says: "not a valid page name"),
        HostileInput(
            name: "upper-case page name",
            make: { try FileManager.default.copyItem(at: $0.url("content/pages/about.en.md"), to: $0.url("content/pages/About.en.md")) },
            file: "content/pages/About.en.md", says: "not a valid page name"),
    ]

    /// Each input: the build fails with an error at the named place, no diagnostic shows what a link hides, the
    /// previous output is untouched and nothing is left beside it. A hang would stop the suite: the FIFO and the
    /// alias bomb are the cases for it.
    @Test(arguments: cases)
    func failsAtThePlaceAndKeepsThePreviousOutput(_ input: HostileInput) throws {
        let site = try TestSite()
        defer { site.remove() }
        let output = site.url("public")
        var options = Pipeline.BuildOptions()
        options.validator = testValidator
        let first = Pipeline.build(root: site.root, output: output, options: options)
        #expect(first.succeeded, "\(first.diagnostics)")
        let before = try Self.digest(of: output)

        try input.make(site)
        let report = Pipeline.build(root: site.root, output: output, options: options)

        #expect(!report.succeeded)
        let errors = report.diagnostics.filter { $0.severity == .error }
        let error = try #require(errors.first { $0.location.file == input.file }, "no error at \(input.file): \(report.diagnostics)")
        if input.line > 0 { #expect(error.location.line == input.line, "\(error)") }
        let text = report.diagnostics.map { $0.text(in: .en) }.joined(separator: "\n")
        #expect(text.contains(input.says), "\(text)")
        if let secret = input.neverShows { #expect(!text.contains(secret)) }
        #expect(try Self.digest(of: output) == before)
        let beside = try FileManager.default.contentsOfDirectory(atPath: site.root.path).sorted()
        #expect(beside == [".public.lock", "content", "public", "templates"])
    }

    /// Every file's path and bytes, to compare a folder before and after.
    static func digest(of folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = try #require(FileManager.default.enumerator(atPath: folder.path))
        for case let path as String in enumerator {
            let url = folder.appendingPathComponent(path)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[path] = try Data(contentsOf: url)
            }
        }
        return files
    }

    // MARK: What still works

    @Test func linksInsideTheSiteAreFollowed() throws {
        let site = try TestSite()
        defer { site.remove() }
        try link(site, "content/pages/about-us.en.md", to: "about.en.md")
        try link(site, "content/pages/about-us.zh.md", to: "../pages/about.zh.md")
        let (rendered, report) = site.render()
        #expect(report.diagnostics.errorCount == 0, "\(report.diagnostics)")
        #expect(rendered?.files["en/about-us/index.html"] != nil)
    }

    /// CRLF line ends and a byte-order mark in every text file of the site: the same site, byte for byte.
    @Test func crlfAndAByteOrderMarkBuildTheSameSite() throws {
        let plain = try TestSite()
        let windows = try TestSite()
        defer {
            plain.remove()
            windows.remove()
        }
        let enumerator = try #require(FileManager.default.enumerator(atPath: windows.root.path))
        var converted = 0
        for case let path as String in enumerator where path.hasSuffix(".yaml") || path.hasSuffix(".md") || path.hasSuffix(".mustache") {
            let url = windows.url(path)
            let text = try String(contentsOf: url, encoding: .utf8)
            try Data(("\u{FEFF}" + text.replacingOccurrences(of: "\n", with: "\r\n")).utf8).write(to: url)
            converted += 1
        }
        #expect(converted > 10)
        let (expected, _) = plain.render()
        let (actual, report) = windows.render()
        #expect(report.diagnostics.map(\.description) == [])
        let expectedFiles = try #require(expected).files
        let actualFiles = try #require(actual).files
        #expect(actualFiles.keys.sorted() == expectedFiles.keys.sorted())
        for (path, data) in expectedFiles where actualFiles[path] != data {
            Issue.record("\(path) differs with CRLF line ends")
        }
        // The declaration's commitment headings survive (they were lost before).
        let declaration = String(decoding: try #require(actualFiles["en/declaration/index.html"]), as: UTF8.self)
        #expect(declaration.contains("id=\"commitment-1\""))
    }

    @Test func aLoneCarriageReturnEndsALineToo() {
        let sink = DiagnosticSink()
        let text = ContentFile.text(of: Data("a: 1\rb: 2\r\nc: 3\n".utf8), displayPath: "x.yaml", sink: sink)
        #expect(text == "a: 1\nb: 2\nc: 3\n")
        #expect(sink.diagnostics.isEmpty)
    }

    @Test func controlCharactersAreFoundAtTheirLineAndColumn() throws {
        let sink = DiagnosticSink()
        #expect(ContentFile.text(of: Data("title: ok\n汉字\u{1B}[31m\n".utf8), displayPath: "p.md", sink: sink) == nil)
        let error = try #require(sink.diagnostics.first)
        #expect(error.location.line == 2 && error.location.column == 3)
        #expect(error.text(in: .en).contains("U+001B"))
        // Tabs and line ends are text; so are characters whose UTF-8 starts like C1 controls (°, ·).
        #expect(ContentFile.text(of: Data("a\tb\r\nc ° d · e\n".utf8), displayPath: "p.md", sink: sink) != nil)
    }

    // MARK: Settings and names

    @Test func everyGeneratedFolderIsAReservedPageName() throws {
        let site = try TestSite()
        defer { site.remove() }
        let (rendered, _) = site.render()
        let files = try #require(rendered).files
        var folders = Set<String>()
        for path in files.keys {
            let parts = path.split(separator: "/")
            guard parts.count > 2, ["en", "zh"].contains(parts[0]) else { continue }
            folders.insert(String(parts[1]))
        }
        // Everything under <lang>/ but the Markdown page of the fixture comes from a generated kind of page.
        folders.remove("about")
        #expect(!folders.isEmpty)
        #expect(folders.subtracting(Route.reservedPageNames).isEmpty, "not reserved: \(folders.subtracting(Route.reservedPageNames))")
    }

    @Test(arguments: [
        ("https://example.org/sub", "https://example.org/sub/"),
        ("http://127.0.0.1:8080/", "http://127.0.0.1:8080/"),
        ("javascript:alert(1)", nil),
        ("https://example.org/\nDisallow: /", nil),
        ("https://example.org/\u{7F}", nil),
        ("//evil.example/", nil),
        ("https://exa mple.org/", nil),
        ("ftp://example.org/", nil),
        ("", nil),
    ] as [(String, String?)])
    func baseURLIsAnAbsoluteWebAddress(given: String, expected: String?) {
        #expect(SiteConfig.baseURL(given) == expected)
    }

    @Test func aLongLineIsShownAroundTheColumn() {
        let line = String(repeating: "a", count: 300) + "X" + String(repeating: "b", count: 300)
        let excerpt = SourceExcerpt(line: line, column: 301)
        #expect(excerpt.source.unicodeScalars.count <= SourceExcerpt.maximumWidth + 2)
        #expect(excerpt.source.hasPrefix("…") && excerpt.source.hasSuffix("…"))
        let caret = excerpt.caret.count - 1
        #expect(Array(excerpt.source)[caret] == "X")
        // A short line is shown whole.
        #expect(SourceExcerpt(line: "name: x", column: 7).source == "name: x")
    }
}
