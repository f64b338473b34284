import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import PipewatchCore
import PipewatchServer
import PipewatchStore
import Testing

/// Events captured from real Airflow and dbt-ol runs, posted as those clients post them.
@Suite("real orchestrators over HTTP")
struct OrchestratorIngestTests {
    /// 2026-12-03T07:00:00Z, after the samples were captured.
    private let now = Date(timeIntervalSince1970: 1_796_281_200)

    private func post(_ client: any TestClientProtocol, _ sample: String) async throws -> String {
        let headers: HTTPFields = [.authorization: "Bearer \(writeToken)", .contentType: "application/json"]
        return try await client.execute(
            uri: "/api/v1/lineage",
            method: .post,
            headers: headers,
            body: ByteBuffer(bytes: try sampleEvent(sample))
        ) { response in
            #expect(response.status == .created)
            return String(buffer: response.body)
        }
    }

    private func get(_ client: any TestClientProtocol, _ uri: String) async throws -> String {
        try await client.execute(uri: uri, method: .get) { response in String(buffer: response.body) }
    }

    private func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test("a failing dbt-ol test of a model no pipeline maps is an unmatched failure in the signals and /metrics")
    func unmatchedDbtOLFailure() async throws {
        try await withTestServer(now: now) { client, _ in
            #expect(try await post(client, "dbt-ol-test-fail").contains(#""pipeline":null"#))
            let signals = try json(try await get(client, "/api/v1/signals"))
            #expect((signals["signals"] as? [Any])?.isEmpty == true)
            let unmatched = try #require((signals["unmatched"] as? [[String: Any]])?.first)
            #expect(unmatched["kind"] as? String == "processing_failure")
            #expect(unmatched["subject"] as? String == "job:dbt/shop.main.shop.orders.test")
            #expect(unmatched["opened_at"] as? String == "2026-12-03T06:33:34.237+00:00")
            #expect((unmatched["summary"] as? String)?.contains("unique_orders_order_id on order_id") == true)
            let metrics = try await get(client, "/metrics")
            #expect(metrics.contains("\npipewatch_unmatched_job_failures 1"))
        }
    }

    @Test("a pipeline naming the dbt model sees dbt-ol's failing test, with the assertion and sub-second times")
    func mappedDbtOLFailure() async throws {
        var plan = fixturePlan()
        plan.catalog.pipelines[1].jobs.append(PipelineJob(.dbt(uniqueID: "model.shop.orders")))
        try await withTestServer(plan: plan, now: now) { client, _ in
            #expect(try await post(client, "dbt-ol-test-fail").contains(#""pipeline":"orders""#))
            let signals = try json(try await get(client, "/api/v1/signals?pipeline=orders"))
            let signal = try #require((signals["signals"] as? [[String: Any]])?.first)
            #expect(signal["subject"] as? String == "job:dbt/shop.main.shop.orders.test")
            #expect(
                (signal["evidence"] as? [String: String])?["failed_assertions"]
                    == "unique_orders_order_id on order_id (unique: actual 1, expected 0) [shop.main.orders]"
            )
            #expect((signals["unmatched"] as? [Any])?.isEmpty == true)
            let runs = try json(try await get(client, "/api/v1/pipelines/orders/runs"))
            let run = try #require((runs["runs"] as? [[String: Any]])?.first)
            #expect(run["ended_at"] as? String == "2026-12-03T06:33:34.237+00:00")
        }
    }

    @Test("airflow dags test's DAG FAIL without START is a run of 9 s from the airflowDagRun facet, not 0 s")
    func airflowDagWithoutStart() async throws {
        // The fixture's 'profit' is fed by airflow/profit_daily, the sample's DAG.
        try await withTestServer(now: now) { client, _ in
            _ = try await post(client, "airflow-dag-fail-without-start")
            let runs = try json(try await get(client, "/api/v1/pipelines/profit/runs"))
            let run = try #require((runs["runs"] as? [[String: Any]])?.first)
            #expect(run["started_at"] as? String == "2026-12-03T06:35:15.938+00:00")
            #expect(run["ended_at"] as? String == "2026-12-03T06:35:24.977+00:00")
            #expect(abs((run["duration_s"] as? Double ?? 0) - 9.039) < 0.001)
            let signals = try json(try await get(client, "/api/v1/signals?pipeline=profit"))
            let signal = (signals["signals"] as? [[String: Any]])?.first {
                $0["kind"] as? String == "processing_failure"
            }
            #expect(signal?["summary"] as? String == "airflow/profit_daily failed: task 'load_profit' failed")
        }
    }
}
