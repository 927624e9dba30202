import ArgumentParser
import LCityCommands

/// The executable's entry point: the root command lives in LCityCommands.
@main
struct Entry: AsyncParsableCommand {
    static let configuration = LCitySite.configuration
}
