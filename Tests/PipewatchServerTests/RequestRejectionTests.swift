import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import PipewatchCore
import PipewatchServer
import PipewatchStore
import Testing

@Suite("request rejections")
struct RequestRejectionTests {
    private let writeHeaders: HTTPFields = [.authorization: "Bearer \(writeToken)", .contentType: "application/json"]

    @Test("a body marked gzip that is not, or an unknown encoding, is refused")
    func encodings() async throws {
        let event = try sampleEvent()
        let headers = writeHeaders
        try await withTestServer { client, store in
            var gzip = headers
            gzip[.contentEncoding] = "gzip"
            try await client.execute(
                uri: "/api/v1/lineage",
                method: .post,
                headers: gzip,
                body: ByteBuffer(bytes: event)
            ) {
                #expect($0.status == .badRequest)
                #expect(
                    String(buffer: $0.body)
                        == #"{"error":"the body is marked 'Content-Encoding: gzip' but is not gzip data"}"#
                )
            }
            var brotli = headers
            brotli[.contentEncoding] = "br"
            try await client.execute(
                uri: "/api/v1/lineage",
                method: .post,
                headers: brotli,
                body: ByteBuffer(bytes: event)
            ) {
                #expect($0.status == .unsupportedMediaType)
            }
            #expect(try await store.runs(of: "orders", limit: 10).isEmpty)
        }
    }

    @Test("bodies are what they claim: JSON by Content-Type, UTF-8, no NUL in any field; nothing is stored")
    func bodiesAsClaimed() async throws {
        let event = try sampleEvent()
        let headers = writeHeaders
        try await withTestServer { client, store in
            /// The status and the `error` of the answer.
            func post(_ uri: String, _ body: Data, _ headers: HTTPFields) async throws -> (HTTPResponse.Status, String)
            {
                try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(bytes: body)) {
                    let object =
                        try? JSONSerialization.jsonObject(with: Data($0.body.readableBytesView)) as? [String: String]
                    return ($0.status, object?["error"] ?? "")
                }
            }
            var text = headers
            text[.contentType] = "text/plain"
            #expect(
                try await post("/api/v1/lineage", event, text)
                    == (
                        .unsupportedMediaType,
                        "Content-Type 'text/plain' is not JSON; send 'application/json'"
                    )
            )
            let utf16 = String(decoding: event, as: UTF8.self).data(using: .utf16LittleEndian)!
            #expect(
                try await post("/api/v1/lineage", utf16, headers)
                    == (.badRequest, "the body is not UTF-8 JSON; send UTF-8 text")
            )
            let nulJob = try sampleEvent(
                "openlineage-runevent",
                ["job": ["namespace": "airflow", "name": "profit\u{0}daily"]]
            )
            #expect(
                try await post("/api/v1/lineage", nulJob, headers)
                    == (.badRequest, "field 'job.name' contains a NUL character, which cannot be stored")
            )
            let nulDbt = Data(
                #"{"run_results": {"results": [{"unique_id": "model.a.b", "status": "error", "message": "bad\u0000"}]}}"#
                    .utf8
            )
            #expect(
                try await post("/api/v1/ingest/dbt", nulDbt, headers)
                    == (
                        .badRequest,
                        "field 'run_results.results[0].message' contains a NUL character, which cannot be stored"
                    )
            )
            #expect(try await store.runs(of: "profit", limit: 10).isEmpty)
        }
    }

    @Test(
        "dbt bodies that are not artifacts get 400 naming the problem",
        arguments: [
            ("[]", "the body is not a JSON object"),
            (
                #"{"run_results": {}, "catalog": {}}"#,
                "unknown field 'catalog'; expected run_results, sources and manifest"
            ),
            (#"{"manifest": {}}"#, "missing required field 'run_results' or 'sources'"),
            (#"{"run_results": []}"#, "field 'run_results' must be an object"),
            (#"{"run_results": {"metadata": {}}}"#, "'run_results.json' has no 'results'; is it a dbt artifact?"),
            // Numbers no run can have once crashed the server converting them to milliseconds.
            (
                #"{"run_results": {"results": [{"unique_id": "model.a.b", "status": "success", "execution_time": 1e17}]}}"#,
                "'run_results.json': results[0].execution_time: 1e+17 is not a number of seconds from 0 to 100 years"
            ),
            (
                #"{"run_results": {"results": [{"unique_id": "model.a.b", "status": "error", "execution_time": -1e300}]}}"#,
                "'run_results.json': results[0].execution_time: -1e+300 is not a number of seconds from 0 to 100 years"
            ),
            (
                #"{"sources": {"results": [{"unique_id": "source.a.b", "snapshotted_at": "2026-01-01T00:00:00Z", "max_loaded_at_time_ago_in_s": 1e300}]}}"#,
                "'sources.json': results[0].max_loaded_at_time_ago_in_s: 1e+300 is not a number of seconds from 0 to 100 years"
            ),
        ]
    )
    func dbtBodies(body: String, message: String) async throws {
        let headers = writeHeaders
        try await withTestServer { client, _ in
            try await client.execute(
                uri: "/api/v1/ingest/dbt",
                method: .post,
                headers: headers,
                body: ByteBuffer(string: body)
            ) {
                #expect($0.status == .badRequest)
                let object =
                    try JSONSerialization.jsonObject(with: Data($0.body.readableBytesView)) as? [String: String]
                #expect(object?["error"] == message)
            }
        }
    }

    @Test("one pipeline's page has its health, signals and runs; unmatched jobs are listed")
    func pipelineDetailAndUnmatched() async throws {
        let fail = try sampleEvent(
            "openlineage-runevent-fail",
            ["job": ["namespace": "airflow", "name": "profit_daily"]]
        )
        let stray = try sampleEvent("openlineage-runevent", ["job": ["namespace": "spark", "name": "adhoc"]])
        let headers = writeHeaders
        try await withTestServer { client, store in
            for body in [fail, stray] {
                _ = try await client.execute(
                    uri: "/api/v1/lineage",
                    method: .post,
                    headers: headers,
                    body: ByteBuffer(bytes: body)
                ) {
                    $0.status
                }
            }
            try await client.execute(uri: "/api/v1/pipelines/profit", method: .get) { response in
                let object =
                    try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any]
                #expect((object?["pipeline"] as? [String: Any])?["health"] as? String == "failing")
                #expect((object?["signals"] as? [[String: Any]])?.count == 1)
                #expect((object?["runs"] as? [[String: Any]])?.first?["state"] as? String == "failed")
            }
            try await client.execute(uri: "/api/v1/jobs/unmatched", method: .get) { response in
                let object =
                    try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any]
                let jobs = try #require(object?["jobs"] as? [[String: Any]])
                #expect(jobs.map { $0["name"] as? String } == ["adhoc"])
                #expect(jobs.first?["runs"] as? Int == 1)
            }
        }
    }
}
