import Foundation
import Logging
import PipewatchCore
import PipewatchStore

/// One long run stored event by event, as `pipewatch serve` stores it (a SQLite file in WAL mode,
/// one transaction per event): 10,000 RUNNING events of about 2 kB, then 600 events of 200 kB.
/// Target: the cost per event flat from the first to the last event of the run.
let longRunBenchmark = Benchmark(name: "longrun") {
    do {
        try await runLongRun(events: 10_000, padding: 1_500)
        try await runLongRun(events: 600, padding: 200_000)
    } catch {
        print("longrun benchmark failed: \(error)")
    }
}

private func runLongRun(events count: Int, padding: Int) async throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pipewatch-bench-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let logger = Logger(label: "bench") { _ in SwiftLogNoOpLogHandler() }
    let start = ISO8601Text.parse("2026-03-25T12:00:00Z")!
    let runID = UUID().uuidString.lowercased()
    let filler = String(repeating: "x", count: padding)
    try await SQLStateStore.withStore(
        at: .sqliteFile(path: folder.appendingPathComponent("state.sqlite").path),
        logger: logger
    ) { store in
        let clock = ContinuousClock()
        var milliseconds: [Double] = []
        for index in 0..<count {
            let body: [String: Any] = [
                "eventType": index == 0 ? "START" : "RUNNING",
                "eventTime": ISO8601Text.format(start.addingTimeInterval(Double(index)), in: .gmt),
                "producer": "https://github.com/apache/airflow",
                "schemaURL": "https://openlineage.io/spec/2-0-2/OpenLineage.json",
                "run": ["runId": runID, "facets": ["progress": ["_producer": "bench", "log": filler]]],
                "job": ["namespace": "bench", "name": "long_job"],
                "inputs": [["namespace": "postgres://db", "name": "sales.orders"]],
                "outputs": [["namespace": "postgres://db", "name": "mart.revenue_\(index % 20)"]],
            ]
            let data = try JSONSerialization.data(withJSONObject: body)
            let incoming = IncomingEvent(
                event: try LineageEventDecoder.decode(data),
                body: String(decoding: data, as: UTF8.self),
                pipeline: "long"
            )
            let began = clock.now
            _ = try await store.record([incoming], receivedAt: start)
            milliseconds.append((clock.now - began).timeInterval * 1_000)
        }
        let size = padding >= 10_000 ? "\(padding / 1_000) kB" : "\(padding / 1_000 + 1) kB"
        print("\(count) events of about \(size) in one run, stored one per transaction; ms per event (median, p90):")
        let tenth = count / 10
        for from in stride(from: 0, to: count, by: tenth) {
            let window = milliseconds[from..<min(from + tenth, count)].sorted()
            let median = window[window.count / 2]
            let p90 = window[window.count * 9 / 10]
            print(
                "  events \(from + 1)–\(from + window.count): \(String(format: "%.2f", median)) ms, "
                    + "\(String(format: "%.2f", p90)) ms"
            )
        }
    }
}
