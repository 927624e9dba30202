// swift-tools-version: 6.0
import PackageDescription

// The modules, dependencies pointing only downwards (docs/architecture.md):
//
//   LCityContent  load + validate content/; knows no HTML
//   LCityPages    site model, views, templates, charts specs     → LCityContent, LCityMarkdown, LCitySVG, Mustache
//   LCityBuild    rendering every page, downloads, output, incremental session → LCityPages, CAtomicRename
//   LCityServer   preview server                                 → LCityBuild, Hummingbird
//   LCityCommands the command line                               → LCityBuild, LCityServer, ArgumentParser
/// The site's own modules are optimized in debug builds too: the tests rebuild whole synthetic networks dozens of
/// times, which takes ten times longer unoptimized. Dependencies keep the usual debug settings.
let optimizedInDebug: [SwiftSetting] = [.unsafeFlags(["-O"], .when(configuration: .debug))]

let package = Package(
    name: "lcity-site",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "lcity-site", targets: ["lcity-site"]),
        .executable(name: "lcity-synth", targets: ["lcity-synth"]),
        .library(name: "LCityBuild", targets: ["LCityBuild"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
    ],
    targets: [
        // libcmark-gfm (+ extensions) from the system; only LCityMarkdown imports it.
        .systemLibrary(
            name: "CCmarkGFM",
            path: "Sources/CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // renameat2(RENAME_EXCHANGE), which Glibc's Swift module does not expose: the atomic output swap.
        .target(name: "CAtomicRename"),
        // Writing text into UTF-8 byte buffers, shared by the chart, page, CSV and JSON writers.
        .target(name: "LCityUTF8", swiftSettings: optimizedInDebug),
        .target(name: "LCityMarkdown", dependencies: ["CCmarkGFM"]),
        // Pure Swift chart rendering: chart specs in, SVG text out. Knows nothing of cities.
        .target(name: "LCitySVG", dependencies: ["LCityUTF8"], swiftSettings: optimizedInDebug),
        // Loading and validating content/: diagnostics with file:line:column, the content model. Knows no HTML.
        .target(
            name: "LCityContent", dependencies: [.product(name: "Yams", package: "Yams")], swiftSettings: optimizedInDebug),
        // The site model (statistics, routes), the views of every page, templates and their rendering.
        .target(
            name: "LCityPages",
            dependencies: [
                "LCityContent", "LCityMarkdown", "LCitySVG", "LCityUTF8",
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            swiftSettings: optimizedInDebug
        ),
        // Rendering the whole site, downloads, the atomic output, the incremental session.
        .target(
            name: "LCityBuild", dependencies: ["LCityPages", "LCityUTF8", "CAtomicRename"], swiftSettings: optimizedInDebug),
        // The preview server: the site in memory, file watching, live reload. Only LCityCommands imports it.
        .target(
            name: "LCityServer",
            dependencies: [
                "LCityBuild", .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "LCityCommands",
            dependencies: [
                "LCityBuild",
                "LCityServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "lcity-site",
            dependencies: ["LCityCommands", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // Synthetic networks for benchmarks and scale tests; never used for the shipped content.
        .target(name: "LCitySynthetic", dependencies: ["LCityContent"]),
        .executableTarget(
            name: "lcity-synth",
            dependencies: ["LCitySynthetic", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // Incremental-rebuild timing for scripts/bench.
        .executableTarget(
            name: "lcity-bench",
            dependencies: ["LCityBuild", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // What the test targets share: the repository's folders, throw-away sites, golden files.
        .target(name: "LCityTestSupport", dependencies: ["LCityBuild", "LCitySynthetic"], path: "Tests/LCityTestSupport"),
        .testTarget(name: "LCityMarkdownTests", dependencies: ["LCityMarkdown"]),
        .testTarget(name: "LCitySVGTests", dependencies: ["LCitySVG", "LCityTestSupport"], exclude: ["Golden"]),
        .testTarget(name: "LCityContentTests", dependencies: ["LCityContent", "LCityTestSupport"]),
        .testTarget(name: "LCityPagesTests", dependencies: ["LCityPages", "LCityTestSupport"]),
        .testTarget(name: "LCityBuildTests", dependencies: ["LCityBuild", "LCityTestSupport"], exclude: ["Golden"]),
        .testTarget(name: "LCityCommandsTests", dependencies: ["LCityCommands", "LCityTestSupport"]),
        .testTarget(name: "LCityServerTests", dependencies: ["LCityServer", "LCityTestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
