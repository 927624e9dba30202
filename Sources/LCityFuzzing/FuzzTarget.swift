import Foundation
import LCityContent

/// What a fuzzing target reads: one kind of content file, given as bytes, taken through the code `check` and
/// `build` use for that kind of file. Diagnostics are the expected outcome of bad input; a crash, a trap, a hang or
/// a sanitizer report is a bug.
public enum FuzzTarget: String, CaseIterable, Sendable {
    /// A city file (`content/cities/<slug>.yaml`): decoded, loaded and validated against the site's framework,
    /// countries and other cities, its diagnostics formatted with source excerpts.
    case cityYAML = "city-yaml"
    /// A Markdown page (`content/pages/<name>.<lang>.md`) and the declaration (`content/declaration/<lang>.md`):
    /// front matter parsed, the body rendered to HTML, the declaration's commitment headings checked.
    case markdownPage = "markdown-page"
    /// A release file (`content/releases/<version>.csv`): read, and compared with the current cities as the changes
    /// page compares them.
    case releaseCSV = "release-csv"

    /// The folders (relative to the repository) whose files seed the target's corpus, and the files' extension.
    /// `scripts/fuzz` seeds from the same folders; `FuzzSeedTests` replays them.
    public var seeds: (folders: [String], fileExtension: String) {
        switch self {
        case .cityYAML:
            return (["content/cities", "Tests/Fixtures/site/content/cities", "Tests/Fixtures/invalid"], "yaml")
        case .markdownPage:
            return (
                [
                    "content/pages", "content/declaration", "Tests/Fixtures/site/content/pages",
                    "Tests/Fixtures/site/content/declaration",
                ], "md"
            )
        case .releaseCSV:
            return (["content/releases"], "csv")
        }
    }

    /// The seed files found below `root`, sorted.
    public func seedFiles(root: URL) -> [URL] {
        seeds.folders.flatMap { folder -> [URL] in
            let url = root.appendingPathComponent(folder)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
            return names.filter { $0.hasSuffix("." + seeds.fileExtension) }.sorted().map { url.appendingPathComponent($0) }
        }
    }
}
