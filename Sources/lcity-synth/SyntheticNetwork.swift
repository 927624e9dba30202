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

    @Flag(help: "Replace an existing output folder.")
    var force = false

    func validate() throws {
        guard cities > 0 else { throw ValidationError("--cities must be positive") }
    }

    func run() throws {
        let source = URL(fileURLWithPath: from).standardizedFileURL
        let destination = URL(fileURLWithPath: output).standardizedFileURL
        let fileManager = FileManager.default
        if fileManager.fileExists(atPath: destination.path) {
            guard force else { throw ValidationError("\(destination.path) exists (use --force to replace it)") }
            try fileManager.removeItem(at: destination)
        }
        try LCitySynthetic.SyntheticNetwork.write(cities: cities, seed: seed, from: source, to: destination)
        print("wrote \(cities) synthetic cities to \(destination.path)/content/cities (seed \(seed))")
    }
}

