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
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/adam-fowler/compress-nio.git", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
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
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "PipewatchProbes",
            dependencies: [
                "PipewatchCore",
                "PipewatchStore",
                .product(name: "SQLiteNIO", package: "sqlite-nio"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "PipewatchEngine",
            dependencies: [
                "PipewatchCore",
                "PipewatchStore",
                "PipewatchProbes",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOTLS", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "PipewatchServer",
            dependencies: [
                "PipewatchCore",
                "PipewatchEngine",
                "PipewatchStore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "CompressNIO", package: "compress-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            resources: [.copy("Dashboard/Templates")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "PipewatchCLI",
            dependencies: [
                "PipewatchCore",
                "PipewatchConfig",
                "PipewatchStore",
                "PipewatchEngine",
                "PipewatchProbes",
                "PipewatchServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(name: "pipewatch", dependencies: ["PipewatchCLI"], swiftSettings: swiftSettings),
        .executableTarget(
            name: "pipewatch-bench",
            dependencies: [
                "PipewatchCore", "PipewatchStore", "PipewatchEngine", .product(name: "Logging", package: "swift-log"),
                "PipewatchServer",
            ],
            path: "Benchmarks/PipewatchBenchmarks",
            swiftSettings: swiftSettings
        ),
        .target(
            name: "PipewatchTestSupport",
            dependencies: [
                "PipewatchCore", "PipewatchConfig", "PipewatchStore", .product(name: "Logging", package: "swift-log"),
            ],
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
                .product(name: "SQLKit", package: "sql-kit"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "PipewatchProbesTests",
            dependencies: [
                "PipewatchProbes", "PipewatchCore", "PipewatchTestSupport",
                .product(name: "SQLiteNIO", package: "sqlite-nio"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "PipewatchEngineTests",
            dependencies: [
                "PipewatchEngine", "PipewatchCore", "PipewatchConfig", "PipewatchStore", "PipewatchProbes",
                "PipewatchTestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "SQLiteNIO", package: "sqlite-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "PipewatchServerTests",
            dependencies: [
                "PipewatchServer", "PipewatchCore", "PipewatchStore", "PipewatchTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "CompressNIO", package: "compress-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "InMemoryLogging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "PipewatchCLITests",
            dependencies: [
                "PipewatchCLI", "PipewatchCore", "PipewatchConfig", "PipewatchStore", "PipewatchEngine",
                "PipewatchTestSupport", .product(name: "Logging", package: "swift-log"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
    ]
)
