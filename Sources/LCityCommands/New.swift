import ArgumentParser
import Foundation
import LCityContent
import LCityPages
import LCityBuild

extension LCitySite {
    /// `lcity-site new …`: creates content files from templates.
    struct New: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a new content file.", subcommands: [NewCity.self])
    }

    /// `lcity-site new city <slug>`.
    struct NewCity: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "city",
            abstract: "Write content/cities/<slug>.yaml, pre-filled with every measure to fill in.")

        @OptionGroup var site: SiteOptions

        @Argument(help: "The city's URL name: lowercase letters, digits and hyphens (e.g. lanjiang).")
        var slug: String

        @Flag(help: "Overwrite an existing file.")
        var force = false

        func validate() throws {
            if slug.range(of: "^[a-z0-9]+(-[a-z0-9]+)*$", options: .regularExpression) == nil {
                throw ValidationError("'\(slug)' is not a valid slug: use lowercase letters, digits and single hyphens")
            }
        }

        func run() async throws {
            let loaded = ContentLoader(root: site.rootURL).load()
            guard let content = loaded.value else {
                LCitySite.report(loaded.diagnostics.sortedByLocation(), fileCount: 0)
                printError("error: the framework must load before a city file can be generated")
                throw ExitCode.failure
            }
            let relative = "content/cities/\(slug).yaml"
            let url = site.rootURL.appendingPathComponent(relative)
            if FileManager.default.fileExists(atPath: url.path) && !force {
                printError("error: \(relative) already exists (use --force to overwrite)")
                throw ExitCode.failure
            }
            let year = Calendar(identifier: .gregorian).component(.year, from: Date()) - 1
            let text = CityTemplate.yaml(slug: slug, content: content, year: year)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url, options: .atomic)
            print("wrote \(relative) with \(content.framework.measures.count) measures to fill in")
            print("next: fill in the fields, then run 'lcity-site check'")
        }
    }
}
