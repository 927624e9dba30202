import Foundation
import Testing

import LCityContent
@testable import LCityBuild
import LCitySynthetic
import LCityTestSupport

/// Random edits of a synthetic network of 300 cities, each followed by an incremental rebuild that must equal a
/// full build of the same content byte for byte.
@Suite("Incremental rebuilds of random edits", .tags(.slow), .enabled(if: runsSlowTests))
struct RandomEditTests {
    /// One kind of edit, made on the text of a city file.
    enum Edit: CaseIterable {
        case value, year, measureDropped, name, country, cityAdded, cityRemoved
    }

    /// The edit kinds in the proportions a coordinator makes them: mostly values.
    static let schedule: [Edit] = Array(repeating: .value, count: 6) + [.year, .year, .measureDropped, .measureDropped]
        + [.name, .country, .cityAdded, .cityRemoved]

    @Test func everyIncrementalRebuildEqualsAFullBuild() throws {
        let root = try temporaryFolder("lcity-random-edits")
        defer { try? FileManager.default.removeItem(at: root) }
        let site = root.appendingPathComponent("site")
        try SyntheticNetwork.write(cities: 300, seed: 7, from: repositoryRoot, to: site)
        var options = Pipeline.BuildOptions()
        options.validator = testValidator
        let session = SiteSession(root: site, options: options)
        #expect(session.rebuildAll().kind == .full)
        var random = SplitMix64(seed: 11)
        var kinds: [SiteSession.Report.Kind: Int] = [:]
        var edits = 0
        var made = Set<Edit>()
        // Every kind of edit first, once; then kinds drawn in the schedule's proportions.
        while edits < 30 {
            let edit = edits < Edit.allCases.count ? Edit.allCases[edits] : Self.schedule.randomElement(using: &random)!
            guard let path = try Self.apply(edit, in: site, random: &random) else { continue }
            edits += 1
            made.insert(edit)
            let report = session.rebuild(changed: [path])
            kinds[report.kind, default: 0] += 1
            #expect(report.kind != .failed, "edit \(edits) (\(edit)) of \(path): \(report.diagnostics.prefix(3))")
            let full = Pipeline.render(root: site, options: options)
            let files = try #require(full.site?.files, "edit \(edits): the full build failed")
            session.completeBundles()
            let differing = SiteSession.difference(session.files, files)
            #expect(differing.isEmpty, "edit \(edits) (\(edit)) of \(path): \(differing.count) files differ: \(differing.prefix(5))")
        }
        // Every kind was made, and the schedule reaches both the incremental step and the full rebuild.
        #expect(made == Set(Edit.allCases))
        #expect((kinds[.incremental] ?? 0) >= 15)
        #expect((kinds[.full] ?? 0) >= 3)
    }

    /// Makes `edit` on a random city file of the site; returns the changed path (relative to the site), or nil
    /// when the chosen file offers nothing to edit.
    static func apply(_ edit: Edit, in site: URL, random: inout SplitMix64) throws -> String? {
        let folder = site.appendingPathComponent("content/cities")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }.sorted()
        let file = files.randomElement(using: &random)!
        let url = folder.appendingPathComponent(file)
        let path = "content/cities/\(file)"
        var lines = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")
        func lineIndices(_ prefix: String) -> [Int] {
            lines.indices.filter { lines[$0].hasPrefix(prefix) }
        }
        switch edit {
        case .value:
            // A reported value changes by up to a fifth, staying in its unit's range.
            let candidates = lines.indices.filter { lines[$0].contains(", value: ") }
            guard let index = candidates.randomElement(using: &random),
                let range = lines[index].range(of: #"value: [0-9.]+"#, options: .regularExpression)
            else { return nil }
            let text = lines[index][range].dropFirst("value: ".count)
            guard let old = Double(text) else { return nil }
            let new: String
            if !text.contains(".") && old <= 5 {
                new = String(Int.random(in: 1...5, using: &random))
            } else {
                var value = old * Double.random(in: 0.8...1.2, using: &random)
                if old <= 100 { value = min(value, 100) }
                new = text.contains(".") ? String(format: "%.1f", value) : String(Int(value.rounded()))
            }
            lines[index].replaceSubrange(range, with: "value: \(new)")
        case .year:
            // The earliest year of a series moves two years back.
            guard let index = lines.indices.filter({ lines[$0].contains("{year: 2019,") }).randomElement(using: &random) else {
                return nil
            }
            lines[index] = lines[index].replacingOccurrences(of: "{year: 2019,", with: "{year: 2017,")
        case .measureDropped:
            let starts = lineIndices("  ").filter { !lines[$0].hasPrefix("    ") && lines[$0].hasSuffix(":") }
            guard starts.count > 1, let start = starts.randomElement(using: &random) else { return nil }
            var end = start + 1
            while end < lines.count, lines[end].hasPrefix("    ") { end += 1 }
            lines.removeSubrange(start..<end)
        case .name:
            guard let index = lineIndices("name: ").first else { return nil }
            lines[index] = lines[index].replacingOccurrences(of: "en: ", with: "en: New ")
        case .country:
            // The country and region of another city.
            let other = try String(contentsOf: folder.appendingPathComponent(files.randomElement(using: &random)!), encoding: .utf8)
                .components(separatedBy: "\n")
            for key in ["country: ", "region: "] {
                guard let mine = lineIndices(key).first, let theirs = other.first(where: { $0.hasPrefix(key) }) else { return nil }
                lines[mine] = theirs
            }
        case .cityAdded:
            let slug = "added-\(files.count)-\(random.next() % 1000)"
            guard let index = lineIndices("name: ").first else { return nil }
            lines[index] = "name: {zh: 新市\(slug.count), en: Added \(slug)}"
            try Data(lines.joined(separator: "\n").utf8).write(to: folder.appendingPathComponent("\(slug).yaml"))
            return "content/cities/\(slug).yaml"
        case .cityRemoved:
            try FileManager.default.removeItem(at: url)
            return path
        }
        try Data(lines.joined(separator: "\n").utf8).write(to: url)
        return path
    }
}
