// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "lcity-site",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "lcity-site", targets: ["lcity-site"]),
        .executable(name: "lcity-synth", targets: ["lcity-synth"]),
        .library(name: "LCityKit", targets: ["LCityKit"]),
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
        .target(name: "LCityMarkdown", dependencies: ["CCmarkGFM"]),
        // Pure Swift chart rendering: chart specs in, SVG text out. Knows nothing of cities.
        .target(name: "LCitySVG"),
        // renameat2(RENAME_EXCHANGE), which Glibc's Swift module does not expose: the atomic output swap.
        .target(name: "CAtomicRename"),
        .target(
            name: "LCityKit",
            dependencies: [
                "LCityMarkdown",
                "LCitySVG",
                "CAtomicRename",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        // The preview server: the site in memory, file watching, live reload. Only LCityCommands imports it.
        .target(
            name: "LCityServer",
            dependencies: [
                "LCityKit", .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "LCityCommands",
            dependencies: [
                "LCityKit",
                "LCityServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "lcity-site",
            dependencies: ["LCityCommands", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // Synthetic networks for benchmarks and scale tests; never used for the shipped content.
        .executableTarget(
            name: "lcity-synth",
            dependencies: ["LCityKit", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // Incremental-rebuild timing for scripts/bench.
        .executableTarget(
            name: "lcity-bench",
            dependencies: ["LCityKit", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .testTarget(name: "LCityMarkdownTests", dependencies: ["LCityMarkdown"]),
        .testTarget(name: "LCitySVGTests", dependencies: ["LCitySVG"], exclude: ["Golden"]),
        .testTarget(
            name: "LCityKitTests",
            dependencies: ["LCityKit"],
            exclude: ["Fixtures", "Golden"]
        ),
        .testTarget(name: "LCityCommandsTests", dependencies: ["LCityCommands"]),
        .testTarget(name: "LCityServerTests", dependencies: ["LCityServer"]),
    ],
    swiftLanguageModes: [.v6]
)
