import ArgumentParser
import Foundation
import LCitySynthetic

/// Writes a synthetic network: the shipped framework and texts plus N generated city files.
/// Deterministic: the same `--cities` and `--seed` give byte-identical files. For benchmarks and large-scale tests only;
/// never shipped in content/.
@main
struct SyntheticNetworkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lcity-synth",
        abstract: "Generate a synthetic Learning Cities network (for benchmarks and scale tests).")

    @Option(help: "Number of cities.")
    var cities: Int = 1000

    @Option(help: "Random seed.")
    var seed: UInt64 = 1

    @Option(help: "The site whose content/ and templates/ are copied (default: the current folder).")
    var from: String = "."

    @Option(help: "Output site folder (created; must not exist unless --force).")
    var output: String

    @Option(
        help: ArgumentHelp(
            """
            Also write the network as a Hugo site, in English, into this folder (for scripts/compare-hugo; created, \
            must not exist unless --force).
            """,
            valueName: "dir"))
    var hugo: String?

    @Option(
        help: ArgumentHelp(
            """
            Also write a release baseline with this share of the values different (0–100), as \
            content/releases/<the release in site.yaml>.csv, and make site.yaml's release the next one.
            """,
            valueName: "percent"))
    var baselineChanged: Double?

    @Flag(help: "Replace an existing output folder.")
    var force = false

    func validate() throws {
        guard cities > 0 else { throw ValidationError("--cities must be positive") }
        if let baselineChanged, !(0...100).contains(baselineChanged) {
            throw ValidationError("--baseline-changed must be between 0 and 100")
        }
    }

    func run() throws {
        let source = URL(fileURLWithPath: from).standardizedFileURL
        let destination = URL(fileURLWithPath: output).standardizedFileURL
        let hugoSite = hugo.map { URL(fileURLWithPath: $0).standardizedFileURL }
        let fileManager = FileManager.default
        for folder in [destination, hugoSite].compactMap({ $0 }) where fileManager.fileExists(atPath: folder.path) {
            guard force else { throw ValidationError("\(folder.path) exists (use --force to replace it)") }
            try fileManager.removeItem(at: folder)
        }
        try LCitySynthetic.SyntheticNetwork.write(
            cities: cities, seed: seed, from: source, to: destination, hugo: hugoSite, baselineChanged: baselineChanged)
        print("wrote \(cities) synthetic cities to \(destination.path)/content/cities (seed \(seed))")
        if let baselineChanged {
            print(
                "wrote a release baseline with \(baselineChanged.formatted())% of the values changed to "
                    + "\(destination.path)/content/releases")
        }
        if let hugoSite { print("wrote the same network as a Hugo site to \(hugoSite.path)") }
    }
}
