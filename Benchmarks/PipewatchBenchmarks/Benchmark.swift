import PipewatchCore

/// A named benchmark that prints its own figures.
struct Benchmark: Sendable {
    let name: String
    let run: @Sendable () async -> Void

    init(name: String, run: @escaping @Sendable () async -> Void) {
        self.name = name
        self.run = run
    }
}

/// Runs `body` `repeats` times after a warm-up and returns the sorted seconds of each run.
func samples(repeats: Int, _ body: () async throws -> Void) async rethrows -> [Double] {
    try await body()
    let clock = ContinuousClock()
    var result: [Double] = []
    for _ in 0..<repeats {
        let start = clock.now
        try await body()
        result.append((clock.now - start).timeInterval)
    }
    return result.sorted()
}

/// Runs `body` `iterations` times after a warm-up and returns the median seconds per iteration.
func medianSeconds(iterations: Int, repeats: Int = 7, _ body: () -> Void) -> Double {
    body()
    let clock = ContinuousClock()
    var samples: [Double] = []
    for _ in 0..<repeats {
        let elapsed = clock.measure {
            for _ in 0..<iterations { body() }
        }
        let parts = elapsed.components
        samples.append((Double(parts.seconds) + Double(parts.attoseconds) / 1e18) / Double(iterations))
    }
    return samples.sorted()[samples.count / 2]
}
