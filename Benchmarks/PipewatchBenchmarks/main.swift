// Pipewatch's benchmarks: `swift run -c release pipewatch-bench [NAME ...]`.
// Each benchmark is a `Benchmark` value registered below; with no names, all of them run.

let benchmarks: [Benchmark] = [scheduleBenchmark, holidayBenchmark]

let requested = Array(CommandLine.arguments.dropFirst())
let selected = requested.isEmpty ? benchmarks : benchmarks.filter { requested.contains($0.name) }
if selected.isEmpty {
    print("unknown benchmark; available: \(benchmarks.map(\.name).joined(separator: ", "))")
}
for benchmark in selected {
    print("== \(benchmark.name)")
    benchmark.run()
}
