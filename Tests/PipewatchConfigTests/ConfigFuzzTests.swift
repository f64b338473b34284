import Foundation
import PipewatchConfig
import PipewatchTestSupport
import Testing

/// Reading a config never crashes, never takes more than 10 s, and locates every error, whatever
/// the file holds: seeded mutations of the seed config and hand-written hostile configs.
///
/// The test command runs a few hundred mutations. Run any number, from any seed, by hand:
/// `PIPEWATCH_FUZZ_CASES=20000 PIPEWATCH_FUZZ_SEED=7 swift test --filter ConfigFuzzTests`.
/// A failure names the seed and the case's index; `PIPEWATCH_FUZZ_SEED=7 PIPEWATCH_FUZZ_CASE=4711`
/// runs that case alone.
@Suite("config fuzzing")
struct ConfigFuzzTests {
    static let defaultCases = 300
    static let defaultSeed: UInt64 = 20_260_105

    @Test("hand-written hostile configs are read in time, with every error located", arguments: HostileConfigs.all)
    func hostile(_ fuzzCase: FuzzCase) async throws {
        try await TemporaryDirectory.with { directory in
            _ = try await ConfigFuzzer.expectSound(fuzzCase, in: directory.url)
        }
    }

    @Test("the seed config, unchanged, reads with no errors in the fuzzer's folder")
    func seedBaseline() async throws {
        let seed = try Array(Data(contentsOf: RepositoryFiles.seedConfig))
        try await TemporaryDirectory.with { directory in
            try Self.copySeedFolder(to: directory.url)
            let root = try FuzzCase("the seed config", root: seed).write(to: directory.url)
            let report = ConfigLoader.check(root, currentDirectory: directory.url)
            #expect(report.plan != nil, "\(report.diagnostics.map(\.description))")
        }
    }

    @Test("seeded mutations of the seed config are read in time, with every error located")
    func mutations() async throws {
        let environment = ProcessInfo.processInfo.environment
        let count = environment["PIPEWATCH_FUZZ_CASES"].flatMap { Int($0) } ?? Self.defaultCases
        let seed = environment["PIPEWATCH_FUZZ_SEED"].flatMap { UInt64($0) } ?? Self.defaultSeed
        let indices = environment["PIPEWATCH_FUZZ_CASE"].flatMap { Int($0) }.map { [$0] } ?? Array(0..<max(0, count))
        let text = try Array(Data(contentsOf: RepositoryFiles.seedConfig))
        try await TemporaryDirectory.with { directory in
            try Self.copySeedFolder(to: directory.url)
            // A crash ends the process before any issue is recorded; the folder is then left
            // behind with the case that crashed and its name.
            print("fuzzing \(indices.count) mutations from seed \(seed) in \(directory.url.path)")
            for index in indices {
                var mutator = ConfigMutator(seed: Self.caseSeed(seed, index: index))
                let (bytes, applied) = mutator.mutate(text)
                let name =
                    "PIPEWATCH_FUZZ_SEED=\(seed) case \(index) (\(applied.map(\.rawValue).joined(separator: ", ")))"
                try Data(name.utf8).write(to: directory.url.appendingPathComponent("case.txt"))
                guard try await ConfigFuzzer.expectSound(FuzzCase(name, root: bytes), in: directory.url) else {
                    return
                }
            }
        }
    }

    /// Copies what lies beside the seed config, such as files it includes, so that only the root
    /// file is mutated and the rest still resolves.
    static func copySeedFolder(to directory: URL) throws {
        let folder = RepositoryFiles.seedConfig.deletingLastPathComponent()
        // `pipewatch demo` writes its databases into demo-warehouse/; reading the config never opens them.
        let skipped: Set = ["pipewatch.yaml", "demo-warehouse"]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where !skipped.contains(name) {
            try FileManager.default.copyItem(
                at: folder.appendingPathComponent(name),
                to: directory.appendingPathComponent(name)
            )
        }
    }

    /// Each case's own seed, so that case `index` is the same whether or not the cases before it ran.
    static func caseSeed(_ seed: UInt64, index: Int) -> UInt64 {
        var random = SplitMix64(seed: seed ^ (UInt64(index) &* 0x9E37_79B9_7F4A_7C15))
        return random.next()
    }
}
