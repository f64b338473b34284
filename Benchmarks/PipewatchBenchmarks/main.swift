// Pipewatch's benchmarks: `swift run -c release pipewatch-bench [NAME ...]`.
// Each benchmark is a `Benchmark` value registered below; with no names, all of them run.
// `engine` takes a minute or two to set up its 10,000 incidents.

let benchmarks: [Benchmark] = [
    scheduleBenchmark, holidayBenchmark, engineBenchmark, longRunBenchmark, dashboardBenchmark,
]

let requested = Array(CommandLine.arguments.dropFirst())
let selected = requested.isEmpty ? benchmarks : benchmarks.filter { requested.contains($0.name) }
if selected.isEmpty {
    print("unknown benchmark; available: \(benchmarks.map(\.name).joined(separator: ", "))")
}
for benchmark in selected {
    print("== \(benchmark.name)")
    await benchmark.run()
}
