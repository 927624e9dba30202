import ArgumentParser
import Foundation
import LCityContent
import LCityPages
import LCityBuild
import LCityServer

extension LCitySite {
    /// `lcity-site serve`: local preview with file watching, incremental rebuilds and live reload.
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Preview the site on http://127.0.0.1:8080/, rebuilding and reloading as you edit.",
            discussion: """
                The site is built in memory (public/ is not written). Edits to content/ and templates/ rebuild only \
                what they affect and reload open pages. While the content has errors, pages show them with \
                file:line:column until the file is fixed.

                Only requests for localhost, a *.localhost name, an IP address or the --host address are answered \
                (others get 403, against DNS rebinding); --allowed-host adds a name. With a --host other than \
                127.0.0.1, ::1 or localhost, other machines on the network can reach the preview: it has no \
                authentication and serves drafts, so use that only on a trusted network.
                """)

        @OptionGroup var site: SiteOptions

        @OptionGroup var languageOptions: LanguageOptions

        @Option(help: "Address to listen on (anything but loopback lets other machines reach the preview).")
        var host: String = "127.0.0.1"

        @Option(
            name: .customLong("allowed-host"),
            help: ArgumentHelp(
                "A host name the preview answers to besides localhost, *.localhost and IP addresses (repeatable).",
                valueName: "name"))
        var allowedHosts: [String] = []

        @Option(help: "Port (the next free one is used if it is taken).")
        var port: Int = 8080

        @Flag(help: "Open the site in a browser.")
        var open = false

        @Flag(help: "Treat warnings as errors.")
        var strict = false

        func validate() throws {
            let language = languageOptions.language(root: site.rootURL)
            guard (0...65535).contains(port) else { throw ValidationError(Message.portRange.text(in: language)) }
            for name in allowedHosts where HostAllowList.hostName(name) == nil {
                throw ValidationError(Message.allowedHostNotAName(name).text(in: language))
            }
        }

        func run() async throws {
            var server = PreviewServer(root: site.rootURL, host: host, port: port) { line in
                FileHandle.standardOutput.write(Data((line + "\n").utf8))
            }
            server.strict = strict
            server.allowedHosts = allowedHosts
            server.language = languageOptions.language(root: site.rootURL)
            let listen = ListenAddress(host)
            if let warning = listen.exposureWarning { printError(warning.text(in: server.language)) }
            if open {
                server.onReady = { port in
                    let process = Process()
                    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
                    process.arguments = ["xdg-open", listen.url(port: port)]
                    try? process.run()
                }
            }
            do {
                try await server.run()
            } catch let error as PreviewServer.ServerError {
                printError(Message.commandError(error.message).text(in: server.language))
                throw ExitCode.failure
            }
        }
    }
}
