// swift-tools-version: 6.1
import PackageDescription

let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "Truce",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "truce", targets: ["truce"]),
        .library(name: "TruceCore", targets: ["TruceCore"]),
        .library(name: "TruceIngest", targets: ["TruceIngest"]),
        .library(name: "TruceNews", targets: ["TruceNews"]),
        .library(name: "TruceEngine", targets: ["TruceEngine"]),
        .library(name: "TruceStore", targets: ["TruceStore"]),
        .library(name: "TruceReport", targets: ["TruceReport"]),
        .library(name: "TruceApp", targets: ["TruceApp"]),
        .library(name: "TruceDashboard", targets: ["TruceDashboard"]),
        .library(name: "TruceServer", targets: ["TruceServer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        // Only bcrypt (HummingbirdBcrypt) and SHA-256 (Crypto) are used: neither needs the Hummingbird server.
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/vapor/multipart-kit", from: "4.7.1"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
    ],
    targets: [
        .target(name: "TruceCore", swiftSettings: strictSettings),
        // The files Truce ships (the actor table and outlines in data/, the agreement catalogue, the example
        // incidents) stay where they are in the checkout and travel with the binary as one resource bundle, so the
        // installed `truce` finds them wherever it runs. The target spans the checkout only to reach them.
        .target(
            name: "TruceBundledData", path: ".",
            exclude: ["Benchmarks", "Fuzz", "LICENSE", "NOTICE", "README.md", "Sources", "Tests", "docs", "scripts"],
            sources: ["data/BundledData.swift"],
            resources: [.copy("data/actors.csv"), .copy("data/boundaries"), .copy("agreements"), .copy("examples")],
            swiftSettings: strictSettings
        ),
        .systemLibrary(name: "CZlib", path: "Sources/CZlib", providers: [.apt(["zlib1g-dev"])]),
        .target(
            name: "TruceIngest",
            dependencies: ["TruceCore", "CZlib", .product(name: "Yams", package: "Yams")],
            swiftSettings: strictSettings
        ),
        .target(
            name: "TruceNews", dependencies: ["TruceCore", .product(name: "Yams", package: "Yams")],
            resources: [.copy("Resources/Lexicon"), .copy("Resources/Gazetteer")], swiftSettings: strictSettings
        ),
        .target(name: "TruceEngine", dependencies: ["TruceCore"], swiftSettings: strictSettings),
        .target(name: "TruceReport", dependencies: ["TruceCore", "TruceEngine"], swiftSettings: strictSettings),
        .target(
            name: "TruceStore",
            dependencies: [
                "TruceCore", .product(name: "GRDB", package: "GRDB.swift"), .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            swiftSettings: strictSettings
        ),
        // The use cases the command line and a server share: typed requests in, typed results out.
        .target(
            name: "TruceApp",
            dependencies: [
                "TruceCore", "TruceIngest", "TruceNews", "TruceEngine", "TruceStore", "TruceReport", "TruceBundledData",
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"), .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strictSettings
        ),
        // The web dashboard's pages, rendered on the server from Mustache templates and catalogued labels.
        .target(
            name: "TruceDashboard",
            dependencies: [
                "TruceApp", "TruceCore", "TruceEngine", "TruceIngest", "TruceStore", "TruceReport",
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            resources: [.copy("Resources/Templates"), .copy("Resources/Strings"), .copy("Resources/Assets")],
            swiftSettings: strictSettings
        ),
        // `truce serve`: the HTTP API over the same use cases, described by its OpenAPI document.
        .target(
            name: "TruceServer",
            dependencies: [
                "TruceApp", "TruceCore", "TruceStore", "TruceEngine", "TruceIngest", "TruceReport", "TruceDashboard",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"), .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "MultipartKit", package: "multipart-kit"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ],
            resources: [.copy("openapi.yaml")],
            swiftSettings: strictSettings
        ),
        // The command line only parses arguments and prints what TruceApp returns.
        .executableTarget(
            name: "truce",
            dependencies: [
                "TruceApp", "TruceServer", "TruceCore", "TruceIngest", "TruceNews", "TruceEngine", "TruceStore", "TruceReport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),
        .target(name: "TruceTestSupport", path: "Tests/TruceTestSupport", swiftSettings: strictSettings),
        .testTarget(name: "TruceCoreTests", dependencies: ["TruceCore"], swiftSettings: strictSettings),
        .testTarget(
            name: "TruceNewsTests", dependencies: ["TruceCore", "TruceNews", "TruceTestSupport"], exclude: ["Fixtures"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "TruceIngestTests", dependencies: ["TruceCore", "TruceIngest", "TruceStore", "TruceTestSupport"],
            exclude: ["Fixtures"], swiftSettings: strictSettings
        ),
        .testTarget(
            name: "TruceEngineTests", dependencies: ["TruceCore", "TruceEngine", "TruceIngest"], swiftSettings: strictSettings
        ),
        .testTarget(
            name: "TruceStoreTests",
            dependencies: [
                "TruceCore", "TruceStore", "TruceIngest", "TruceEngine", "TruceTestSupport", .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "TruceReportTests", dependencies: ["TruceCore", "TruceReport", "TruceIngest", "TruceTestSupport"], swiftSettings: strictSettings
        ),
        .testTarget(
            name: "TruceAppTests",
            dependencies: [
                "TruceApp", "TruceCore", "TruceIngest", "TruceNews", "TruceEngine", "TruceStore", "TruceReport", "TruceTestSupport",
            ],
            exclude: ["Fixtures"], swiftSettings: strictSettings
        ),
        .testTarget(name: "TruceDashboardTests", dependencies: ["TruceDashboard"], swiftSettings: strictSettings),
        .testTarget(
            name: "TruceServerTests",
            dependencies: [
                "TruceServer", "TruceApp", "TruceCore", "TruceStore", "TruceTestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Yams", package: "Yams"),
            ],
            exclude: ["Fixtures"], swiftSettings: strictSettings
        ),
        .testTarget(
            name: "TruceCLITests", dependencies: ["truce", "TruceStore", "TruceCore", "TruceTestSupport"], exclude: ["Fixtures"],
            swiftSettings: strictSettings
        ),
    ]
)

// Benchmarks build only when asked for, so tests and everyday builds never pay for them:
// TRUCE_BENCHMARKS=1 swift run -c release adjudication-benchmark
if Context.environment["TRUCE_BENCHMARKS"] != nil {
    package.targets.append(
        .executableTarget(
            name: "adjudication-benchmark", dependencies: ["TruceCore", "TruceEngine"], path: "Benchmarks/AdjudicationBenchmark",
            swiftSettings: strictSettings))
    // The evidence step of `truce adjudicate` on its own, on a store.
    package.targets.append(
        .executableTarget(
            name: "link-benchmark", dependencies: ["TruceCore", "TruceEngine", "TruceStore"], path: "Benchmarks/LinkBenchmark",
            swiftSettings: strictSettings))
    // scripts/bench-seas: placing points in the shipped sea outlines.
    package.targets.append(
        .executableTarget(name: "sea-benchmark", dependencies: ["TruceCore"], path: "Benchmarks/SeaBenchmark", swiftSettings: strictSettings))
}

// Fuzz targets build only when asked for, instrumented for libFuzzer (see scripts/fuzz):
// TRUCE_FUZZ=1 swift build -c release --product truce-fuzz --scratch-path .build-fuzz -Xswiftc -sanitize=fuzzer
if Context.environment["TRUCE_FUZZ"] != nil {
    package.targets += [
        .systemLibrary(name: "CFuzzerDriver", path: "Fuzz/CFuzzerDriver"),
        .executableTarget(
            name: "truce-fuzz", dependencies: ["TruceCore", "TruceIngest", "TruceStore", "CFuzzerDriver"], path: "Fuzz/Targets",
            swiftSettings: strictSettings, linkerSettings: [.unsafeFlags(["-use-ld=lld"])]),
    ]
}
