// swift-tools-version: 6.1
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "Pipewatch",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "pipewatch", targets: ["pipewatch"])
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
    ],
    targets: [
        .target(name: "PipewatchCore", swiftSettings: swiftSettings),
        .target(
            name: "PipewatchConfig",
            dependencies: ["PipewatchCore", .product(name: "Yams", package: "Yams")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "PipewatchCLI",
            dependencies: [
                "PipewatchCore",
                "PipewatchConfig",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(name: "pipewatch", dependencies: ["PipewatchCLI"], swiftSettings: swiftSettings),
        .executableTarget(
            name: "pipewatch-bench",
            dependencies: ["PipewatchCore"],
            path: "Benchmarks/PipewatchBenchmarks",
            swiftSettings: swiftSettings
        ),
        .target(
            name: "PipewatchTestSupport",
            dependencies: ["PipewatchCore", "PipewatchConfig"],
            path: "Tests/PipewatchTestSupport",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "PipewatchCoreTests",
            dependencies: ["PipewatchCore", "PipewatchTestSupport"],
            resources: [.copy("Fixtures")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "PipewatchConfigTests",
            dependencies: ["PipewatchConfig", "PipewatchCore", "PipewatchTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "PipewatchCLITests",
            dependencies: [
                "PipewatchCLI", "PipewatchCore", "PipewatchConfig", "PipewatchTestSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
    ]
)
