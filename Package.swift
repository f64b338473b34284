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
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.36.0"),
        .package(url: "https://github.com/vapor/sqlite-kit.git", from: "4.5.2"),
        .package(url: "https://github.com/vapor/sqlite-nio.git", from: "1.13.2"),
        .package(url: "https://github.com/vapor/postgres-kit.git", from: "2.17.0"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
    ],
    targets: [
        .target(name: "PipewatchCore", swiftSettings: swiftSettings),
        .target(
            name: "PipewatchConfig",
            dependencies: ["PipewatchCore", .product(name: "Yams", package: "Yams")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "PipewatchStore",
            dependencies: [
                "PipewatchCore",
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "SQLiteKit", package: "sqlite-kit"),
                .product(name: "SQLiteNIO", package: "sqlite-nio"),
                .product(name: "PostgresKit", package: "postgres-kit"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
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
            name: "PipewatchStoreTests",
            dependencies: [
                "PipewatchStore",
                "PipewatchCore",
                "PipewatchTestSupport",
                .product(name: "Logging", package: "swift-log"),
            ],
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
