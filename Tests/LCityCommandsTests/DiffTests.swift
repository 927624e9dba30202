import ArgumentParser
import Foundation
import Testing

@testable import LCityCommands
import LCityBuild
import LCityContent
import LCityPages
import LCityTestSupport

/// `lcity-site diff` and `release`: the three formats against golden files, and the places to compare with.
@Suite("Diff and release")
struct DiffTests {
    static let golden = repositoryRoot.appendingPathComponent("Tests/LCityCommandsTests/Golden")

    /// The shipped site's changes since its previous release, as `diff` prints them in each format.
    @Test(arguments: ["text-en", "md-zh", "md-en", "json"])
    func printsTheShippedChangesLikeTheGoldenFile(_ name: String) throws {
        let site = try TestSite.shipped()
        defer { site.remove() }
        let content = try #require(site.check().value)
        let model = SiteModel(content: content)
        let comparison = try #require(model.releaseChanges)
        let output: String
        if name == "json" {
            output = LCitySite.Diff.json(comparison, framework: content.framework)
        } else {
            let templates = try #require(site.templates().value)
            let builder = PageBuilder(model: model, fragments: Fragments(templates: templates))
            let language = String(name.suffix(2))
            let view = builder.changesView(language: language)
            let title = builder.changesTitle(language: language)
            output = name.hasPrefix("md") ? ChangesText.markdown(view, title: title) : ChangesText.plain(view, title: title)
        }
        let file = Self.golden.appendingPathComponent("diff-\(name).\(name == "json" ? "json" : name.hasPrefix("md") ? "md" : "txt")")
        if let difference = try Golden.difference(output + "\n", file: file) { Issue.record("\(difference)") }
    }

    @Test func comparesWithAGitRevisionAndAFolder() throws {
        let site = try TestSite.shipped()
        defer { site.remove() }
        for arguments in [["init", "-q"], ["add", "-A"], ["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "x"]] {
            _ = try GitRevision.run(arguments, in: site.root)
        }
        try site.edit("content/cities/qiaolan.yaml", replacing: "      value: 24811\n", with: "      value: 25811\n")
        try FileManager.default.removeItem(at: site.url("content/cities/kesiwa.yaml"))
        let content = try #require(site.check().value)
        let head = try LCitySite.Diff.data(from: "HEAD", root: site.root, content: content, language: .en)
        #expect(!head.isKept && head.version == "HEAD")
        let comparison = ReleaseComparison(
            from: head, to: ReleaseData(version: "now", cities: content.cities), framework: content.framework)
        #expect(comparison.cities.map(\.slug) == ["kesiwa", "qiaolan"])
        #expect(comparison.citiesRemoved.map(\.slug) == ["kesiwa"])
        let revised = try #require(comparison.city("qiaolan")?.changes.first)
        #expect(revised.kind == .revised && revised.before?.value == 24811 && revised.after?.value == 25811)
        // A site folder: compared with itself, nothing changed.
        let itself = try LCitySite.Diff.data(from: site.root.path, root: site.root, content: content, language: .en)
        #expect(ReleaseComparison(
            from: itself, to: ReleaseData(version: "now", cities: content.cities), framework: content.framework).isEmpty)
        // Neither a release, a folder nor a revision; and never an option smuggled in as a revision.
        for from in ["no-such-thing", "--output=/tmp/x"] {
            #expect(throws: ExitCode.failure) {
                try LCitySite.Diff.data(from: from, root: site.root, content: content, language: .en)
            }
        }
    }

    @Test func releaseKeepsTheDataOnceAndRefusesToReplaceChangedData() async throws {
        let site = try TestSite.shipped()
        defer { site.remove() }
        let file = site.url("content/releases/2026.1.csv")
        let release = try #require(try LCitySite.parseAsRoot(["release", "--root", site.root.path]) as? LCitySite.ReleaseCommand)
        try await release.run()
        let kept = try String(contentsOf: file, encoding: .utf8)
        #expect(kept.hasPrefix("city,name_zh,name_en,measure,category,year,value,flag\n"))
        // Unchanged data: nothing to do. Changed data: refused, unless --force.
        try await release.run()
        try site.edit("content/cities/qiaolan.yaml", replacing: "      value: 24811\n", with: "      value: 25811\n      revised: \"2026.1\"\n")
        await #expect(throws: ExitCode.failure) { try await release.run() }
        #expect(try String(contentsOf: file, encoding: .utf8) == kept)
        let forced = try #require(
            try LCitySite.parseAsRoot(["release", "--root", site.root.path, "--force"]) as? LCitySite.ReleaseCommand)
        try await forced.run()
        #expect(try String(contentsOf: file, encoding: .utf8).contains("qiaolan,桥岚市,Qiaolan,1.2.1a,,2022,25811,\n"))
    }
}
