import CompressNIO
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import PipewatchCore
import PipewatchServer
import PipewatchStore
import Testing

@Suite("OpenLineage ingest over HTTP")
struct LineageIngestTests {
    private func post(
        _ client: any TestClientProtocol,
        _ body: Data,
        token: String? = writeToken,
        gzip: Bool = false
    ) async throws -> (HTTPResponse.Status, String) {
        var headers: HTTPFields = [.contentType: "application/json"]
        if let token { headers[.authorization] = "Bearer \(token)" }
        var buffer = ByteBuffer(bytes: body)
        if gzip {
            headers[.contentEncoding] = "gzip"
            buffer = try buffer.compress(with: .gzip())
        }
        return try await client.execute(uri: "/api/v1/lineage", method: .post, headers: headers, body: buffer) {
            response in
            (response.status, String(buffer: response.body))
        }
    }

    private func runs(_ client: any TestClientProtocol, _ pipeline: String) async throws -> [[String: Any]] {
        try await client.execute(uri: "/api/v1/pipelines/\(pipeline)/runs", method: .get) { response in
            let object = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any]
            return object?["runs"] as? [[String: Any]] ?? []
        }
    }

    @Test("an event the official client sent is stored, answered 201, and its run listed under its pipeline")
    func storesEvent() async throws {
        try await withTestServer { client, _ in
            let (status, body) = try await post(client, try sampleEvent())
            #expect(status == .created)
            #expect(body == #"{"pipeline":"orders","run_id":"01a21d17-f709-7ae8-ba25-6750e7881b32","status":"stored"}"#)
            let listed = try await runs(client, "orders")
            #expect(listed.count == 1)
            #expect(listed.first?["state"] as? String == "running")
            // The event's 13:00:39.562048, to the millisecond the store keeps.
            #expect(listed.first?["started_at"] as? String == "2026-11-27T13:00:39.562+00:00")
        }
    }

    @Test("a gzip-compressed event is stored; a repeated one changes nothing")
    func gzipAndRepeat() async throws {
        try await withTestServer { client, store in
            #expect(try await post(client, try sampleEvent(), gzip: true).0 == .created)
            let again = try await post(client, try sampleEvent())
            #expect(again.0 == .ok)
            #expect(again.1.contains(#""status":"duplicate""#))
            #expect(try await store.runs(of: "orders", limit: 10).count == 1)
        }
    }

    @Test("a missing, unknown or read-only token is refused and nothing is stored")
    func tokens() async throws {
        try await withTestServer { client, store in
            let missing = try await post(client, try sampleEvent(), token: nil)
            #expect(missing.0 == .unauthorized)
            #expect(missing.1 == #"{"error":"missing bearer token; send 'Authorization: Bearer <token>'"}"#)
            #expect(try await post(client, try sampleEvent(), token: "guess").0 == .unauthorized)
            #expect(try await post(client, try sampleEvent(), token: readToken).0 == .forbidden)
            #expect(try await store.runs(of: "orders", limit: 10).isEmpty)
        }
    }

    @Test(
        "malformed bodies get 400 naming the problem, and nothing is stored",
        arguments: [
            (Data("{\"eventType\": ".utf8), "the body is not a JSON object"),
            (
                try! sampleEvent("openlineage-runevent", ["run": ["runId": "run-42"]]),
                "field 'run.runId' is not a UUID: 'run-42'"
            ),
            (try! sampleEvent("openlineage-runevent", ["run": ["facets": [:]]]), "missing required field 'run.runId'"),
            (
                try! sampleEvent("openlineage-runevent", ["eventType": "DONE"]),
                "field 'eventType' is 'DONE'; expected one of START, RUNNING, COMPLETE, ABORT, FAIL, OTHER"
            ),
            (
                try! sampleEvent("openlineage-runevent", ["job": ["namespace": "x"]]),
                "missing required field 'job.name'"
            ),
        ]
    )
    func rejections(body: Data, message: String) async throws {
        try await withTestServer { client, store in
            let (status, text) = try await post(client, body)
            #expect(status == .badRequest)
            let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: String]
            #expect(object?["error"] == message)
            #expect(try await store.runs(of: "orders", limit: 10).isEmpty)
        }
    }

    @Test("a body over the limit gets 413, compressed or not")
    func tooLarge() async throws {
        let event = try sampleEvent()
        try await withTestServer(settings: ServerSettings(maxBodyBytes: 1000)) { client, _ in
            let plain = try await post(client, event)
            let compressed = try await post(client, event, gzip: true)
            #expect(plain.0 == .contentTooLarge)
            #expect(compressed.0 == .contentTooLarge)
        }
    }

    @Test("a FAIL event opens a processing failure with the error message; the pipeline turns failing")
    func failureSignal() async throws {
        let fail = try sampleEvent(
            "openlineage-runevent-fail",
            ["job": ["namespace": "airflow", "name": "profit_daily"]]
        )
        try await withTestServer { client, store in
            #expect(try await post(client, fail).0 == .created)
            try await client.execute(uri: "/api/v1/signals", method: .get) { response in
                let object =
                    try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any]
                let signals = try #require(object?["signals"] as? [[String: Any]])
                #expect(signals.count == 1)
                #expect(signals.first?["kind"] as? String == "processing_failure")
                #expect(signals.first?["pipeline"] as? String == "profit")
                #expect(
                    (signals.first?["evidence"] as? [String: String])?["error_message"]
                        == "division by zero in orders_weekly"
                )
            }
            try await client.execute(uri: "/api/v1/pipelines", method: .get) { response in
                let object =
                    try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any]
                let pipelines = try #require(object?["pipelines"] as? [[String: Any]])
                // 'orders' has had no run yet: not healthy, but not known to fail either.
                #expect(pipelines.map { $0["health"] as? String } == ["failing", "unknown"])
                #expect(pipelines.last?["health_detail"] as? String == "waiting for the first run")
                #expect(
                    (pipelines.first?["health_detail"] as? String)?.hasPrefix("airflow/profit_daily failed") == true
                )
            }
        }
    }

    @Test("an event whose job matches no pipeline is still stored")
    func unmatched() async throws {
        let event = try sampleEvent("openlineage-runevent", ["job": ["namespace": "spark", "name": "adhoc"]])
        try await withTestServer { client, store in
            let (status, body) = try await post(client, event)
            #expect(status == .created)
            #expect(body.contains(#""pipeline":null"#))
            #expect(try await store.unmatchedJobs().map(\.job) == [JobName(namespace: "spark", name: "adhoc")])
        }
    }
}
