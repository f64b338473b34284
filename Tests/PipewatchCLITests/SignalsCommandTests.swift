import Foundation
import PipewatchCore
import PipewatchStore
import PipewatchTestSupport
import Testing

/// `pipewatch signals` on a store holding dbt-ol's failing test of a model the seed does not map.
@Suite("signals command")
struct SignalsCommandTests {
    let seed = "examples/seed/pipewatch.yaml"

    private func storeUnmatchedFailure(in directory: TemporaryDirectory) async throws -> String {
        let path = directory.url.appendingPathComponent("state.sqlite").path
        let data = try RepositoryFiles.fixtureData("lineage/dbt-ol-test-fail.json")
        let event = try LineageEventDecoder.decode(data)
        try await SQLStateStore.withStore(at: .sqliteFile(path: path), logger: .discarding) { store in
            _ = try await store.record(
                [IncomingEvent(event: event, body: String(decoding: data, as: UTF8.self), pipeline: nil)],
                receivedAt: event.eventTime
            )
        }
        return path
    }

    private func signals(_ format: [String], database: String) async -> CommandResult {
        await pipewatch(
            arguments: ["signals", "--config", seed, "--database", database] + format,
            in: RepositoryFiles.root,
            environment: ["PIPEWATCH_NOW": "2026-12-03T07:00:00Z"]
        )
    }

    @Test("the failure of a job no pipeline maps is listed as (unmatched) with its assertion, and exits 1")
    func unmatchedTable() async throws {
        try await TemporaryDirectory.with { directory in
            let database = try await storeUnmatchedFailure(in: directory)
            let result = await signals([], database: database)
            #expect(result.status == 1)
            let line = result.output.split(separator: "\n").first { $0.hasPrefix("(unmatched)") }
            #expect(line?.contains("processing_failure") == true)
            #expect(
                line?.contains("dbt/shop.main.shop.orders.test failed: failed assertion unique_orders_order_id") == true
            )
        }
    }

    @Test("--format json lists it under unmatched, beside the pipelines' signals")
    func unmatchedJSON() async throws {
        try await TemporaryDirectory.with { directory in
            let database = try await storeUnmatchedFailure(in: directory)
            let result = await signals(["--format", "json"], database: database)
            let object = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any]
            let unmatched = try #require(object?["unmatched"] as? [[String: Any]])
            #expect(unmatched.count == 1)
            #expect(unmatched.first?["subject"] as? String == "job:dbt/shop.main.shop.orders.test")
            #expect(unmatched.first?["opened_at"] as? String == "2026-12-03T06:33:34.237+00:00")
            #expect(object?["signals"] is [Any])
        }
    }
}
