import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import PipewatchCore
import PipewatchServer
import PipewatchStore
import Testing

@Suite("incidents over HTTP")
struct IncidentAPITests {
    private let failure: Data

    init() throws {
        failure = try sampleEvent(
            "openlineage-runevent-fail",
            ["job": ["namespace": "airflow", "name": "profit_daily"]]
        )
    }

    private func send(
        _ client: any TestClientProtocol,
        _ method: HTTPRequest.Method,
        _ uri: String,
        _ body: String? = nil,
        token: String? = writeToken
    ) async throws -> (HTTPResponse.Status, [String: Any]) {
        try await sendJSON(client, method, uri, body.map { Data($0.utf8) }, token: token)
    }

    /// Runs `body` on a server where the profit pipeline's failure has opened INC-1.
    private func withIncident(_ body: @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let event = failure
        try await withTestServer { client, store in
            _ = try await send(client, .post, "/api/v1/lineage", String(decoding: event, as: UTF8.self))
            try await body(client)
        }
    }

    @Test("a failure opens an incident listed with its id, pipeline, key, state, severity, count and assignee")
    func listed() async throws {
        try await withIncident { client in
            let (status, object) = try await send(client, .get, "/api/v1/incidents", token: nil)
            #expect(status == .ok)
            let incidents = try #require(object["incidents"] as? [[String: Any]])
            #expect(incidents.count == 1)
            let incident = try #require(incidents.first)
            #expect(incident["id"] as? Int == 1)
            #expect(incident["pipeline"] as? String == "profit")
            #expect(incident["key"] as? String == "profit|processing_failure|job:airflow/profit_daily")
            #expect(incident["state"] as? String == "triggered")
            #expect(incident["severity"] as? String == "normal")
            #expect(incident["count"] as? Int == 1)
            #expect(incident["assignee"] as? String == "a")  // on call in the week of 2026-11-23
            #expect(incident["opened_at"] as? String == "2026-11-27T13:00:39.585+00:00")
        }
    }

    @Test("acknowledging needs a write token, names the engineer, and a second time is a 409")
    func acknowledge() async throws {
        try await withIncident { client in
            #expect(
                try await send(client, .post, "/api/v1/incidents/1/ack", #"{"as":"a"}"#, token: nil).0 == .unauthorized
            )
            #expect(
                try await send(client, .post, "/api/v1/incidents/1/ack", #"{"as":"a"}"#, token: readToken).0
                    == .forbidden
            )
            let unknown = try await send(client, .post, "/api/v1/incidents/1/ack", #"{"as":"zz"}"#)
            #expect(unknown.0 == .badRequest)
            #expect(unknown.1["error"] as? String == "field 'as': unknown engineer 'zz'")
            let (status, object) = try await send(client, .post, "/api/v1/incidents/INC-1/ack", #"{"as":"a"}"#)
            #expect(status == .ok)
            #expect(object["state"] as? String == "acknowledged")
            #expect(object["acknowledged_by"] as? String == "a")
            let again = try await send(client, .post, "/api/v1/incidents/1/ack", #"{"as":"b"}"#)
            #expect(again.0 == .conflict)
            #expect(
                again.1["error"] as? String == "cannot acknowledge incident 'INC-1': it is already acknowledged by 'a'"
            )
            let detail = try await send(client, .get, "/api/v1/incidents/1")
            let timeline = try #require(detail.1["timeline"] as? [[String: Any]])
            #expect(timeline.last?["kind"] as? String == "acknowledged")
            #expect(timeline.last?["actor"] as? String == "a")
        }
    }

    @Test("bad ids, missing fields and unknown values get a 4xx naming them")
    func rejections() async throws {
        try await withIncident { client in
            let cases: [(HTTPRequest.Method, String, String?, HTTPResponse.Status, String)] = [
                (
                    .get, "/api/v1/incidents/abc", nil, .badRequest,
                    "'abc' is not an id; use a number such as 42 (or INC-42)"
                ),
                (.get, "/api/v1/incidents/99", nil, .notFound, "no incident with id '99'"),
                (.post, "/api/v1/incidents/1/note", #"{"as":"a"}"#, .badRequest, "missing required field 'text'"),
                (.post, "/api/v1/incidents/1/note", "[1]", .badRequest, "the body is not a JSON object"),
                (
                    .get, "/api/v1/incidents?state=closed", nil, .badRequest,
                    "state 'closed' is not one of open, triggered, acknowledged, resolved, all"
                ),
                (
                    .get, "/api/v1/notifications?limit=0", nil, .badRequest,
                    "limit: expected a whole number from 1 to 1000, found '0'"
                ),
                (
                    .post, "/api/v1/incidents/1/steps/1", #"{"state":"maybe"}"#, .badRequest,
                    "field 'state': 'maybe' is not one of done, skipped, run"
                ),
                (
                    .post, "/api/v1/incidents/1/review", #"{"summary":"x","cause":"gremlins"}"#, .badRequest,
                    "field 'cause': 'gremlins' is not one of data_source_unavailable, schema_change, processing_failure, "
                        + "latency, storage, inaccurate_data, incomplete_data, daily_aggregate_mismatch, missing_events, "
                        + "aggregation_error, other"
                ),
                (.post, "/api/v1/notifications/42/retry", nil, .notFound, "no notification with id '42'"),
            ]
            for (method, uri, body, status, message) in cases {
                let (answered, object) = try await send(client, method, uri, body)
                #expect(answered == status, "\(method) \(uri)")
                #expect(object["error"] as? String == message, "\(method) \(uri)")
            }
            let (_, list) = try await send(client, .get, "/api/v1/incidents")
            #expect((list["incidents"] as? [[String: Any]])?.first?["count"] as? Int == 1, "nothing changed")
        }
    }

    @Test("a review is recorded over HTTP, and its action items are marked done and open again by number")
    func reviewAndActionItems() async throws {
        try await withIncident { client in
            let review =
                #"{"as":"a","summary":"the feed was late","action_items":[{"text":"alert on lag","owner":"b","due":"2026-12-11"}]}"#
            let (recorded, detail) = try await send(client, .post, "/api/v1/incidents/1/review", review)
            #expect(recorded == .ok)
            let items = { (object: [String: Any]) in
                ((object["review"] as? [String: Any])?["action_items"] as? [[String: Any]]) ?? []
            }
            #expect(items(detail).map { $0["state"] as? String } == ["open"])
            #expect(items(detail).first?["done_by"] == nil)

            let (done, after) = try await send(
                client,
                .post,
                "/api/v1/incidents/1/review/items/1",
                #"{"as":"b","state":"done"}"#
            )
            #expect(done == .ok)
            #expect(items(after).first?["state"] as? String == "done")
            #expect(items(after).first?["done_by"] as? String == "b")
            #expect((items(after).first?["done_at"] as? String).flatMap(ISO8601Text.parse) != nil)
            let timeline = (after["timeline"] as? [[String: Any]])?.compactMap { $0["detail"] as? String } ?? []
            #expect(timeline.contains("action item 1 done: alert on lag"))

            let cases: [(String, String, HTTPResponse.Status, String)] = [
                (
                    "/api/v1/incidents/1/review/items/2", #"{"state":"done"}"#, .badRequest,
                    "action item 2 does not exist: the review of INC-1 has items 1 to 1"
                ),
                (
                    "/api/v1/incidents/1/review/items/1", #"{"state":"finished"}"#, .badRequest,
                    "field 'state': 'finished' is not one of done, open"
                ),
                ("/api/v1/incidents/1/review/items/1", "{}", .badRequest, "missing required field 'state'"),
                (
                    "/api/v1/incidents/1/review/items/first", #"{"state":"done"}"#, .badRequest,
                    "path parameter 'item': 'first' is not a number; action items count from 1"
                ),
                ("/api/v1/incidents/9/review/items/1", #"{"state":"done"}"#, .notFound, "no incident with id '9'"),
            ]
            for (uri, body, status, message) in cases {
                let (answered, object) = try await send(client, .post, uri, body)
                #expect(answered == status, "\(uri) \(body)")
                #expect(object["error"] as? String == message, "\(uri) \(body)")
            }
            let (unsigned, _) = try await send(
                client,
                .post,
                "/api/v1/incidents/1/review/items/1",
                #"{"state":"open"}"#,
                token: nil
            )
            #expect(unsigned == .unauthorized)

            let (reopened, last) = try await send(
                client,
                .post,
                "/api/v1/incidents/1/review/items/1",
                #"{"as":"b","state":"open"}"#
            )
            #expect(reopened == .ok)
            #expect(items(last).first?["state"] as? String == "open")
        }
    }

    @Test("/metrics counts open incidents by severity, notifications by state and escalation steps fired")
    func metrics() async throws {
        try await withIncident { client in
            let text = try await client.execute(uri: "/metrics", method: .get) { String(buffer: $0.body) }
            #expect(text.contains(#"pipewatch_open_incidents{severity="normal"} 1"#))
            #expect(text.contains(#"pipewatch_escalation_steps_fired{outcome="skipped"}"#))
            #expect(text.contains(#"pipewatch_notifications{state="dead"} 0"#))
            // By pipeline, so Alertmanager and Grafana can route by owner.
            #expect(text.contains(#"pipewatch_open_signals{pipeline="profit",kind="processing_failure"} 1"#))
            #expect(text.contains(#"pipewatch_open_signals{pipeline="orders",kind="processing_failure"} 0"#))
            #expect(text.contains(#"pipewatch_pipeline_health{pipeline="profit",health="failing"} 1"#))
            #expect(text.contains(#"pipewatch_pipeline_health{pipeline="orders",health="unknown"} 1"#))
        }
    }
}
