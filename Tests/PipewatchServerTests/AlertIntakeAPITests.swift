import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import PipewatchCore
import PipewatchServer
import PipewatchStore
import PipewatchTestSupport
import Testing

@Suite("alerts in: PagerDuty Events v2 and Alertmanager")
struct AlertIntakeAPITests {
    /// The routing key of the PagerDuty samples, mapped to `orders`.
    static let routingKey = "R0UTINGKEY0000000000000000000LAB"

    private func plan() -> TeamPlan {
        var plan = fixturePlan()
        plan.alerts = AlertIntakeSettings(
            pagerDuty: [.init(key: .sha256(TokenHash.sha256(Self.routingKey)), pipeline: "orders")]
        )
        return plan
    }

    private func send(
        _ client: any TestClientProtocol,
        _ method: HTTPRequest.Method,
        _ uri: String,
        _ body: Data? = nil,
        token: String? = nil
    ) async throws -> (HTTPResponse.Status, [String: Any]) {
        try await sendJSON(client, method, uri, body, token: token)
    }

    /// A sample with top-level or nested fields replaced (`payload.summary`), or removed with NSNull.
    private func sample(_ name: String, _ changes: [String: Any] = [:]) throws -> Data {
        var object = try #require(
            try JSONSerialization.jsonObject(with: RepositoryFiles.fixtureData("alerts/\(name).json")) as? [String: Any]
        )
        for (path, value) in changes {
            let parts = path.split(separator: ".").map(String.init)
            if parts.count == 2, var inner = object[parts[0]] as? [String: Any] {
                inner[parts[1]] = value is NSNull ? nil : value
                object[parts[0]] = inner
            } else {
                object[path] = value is NSNull ? nil : value
            }
        }
        return try JSONSerialization.data(withJSONObject: object)
    }

    private func incidents(_ client: any TestClientProtocol) async throws -> [[String: Any]] {
        let (_, object) = try await send(client, .get, "/api/v1/incidents?state=all")
        return object["incidents"] as? [[String: Any]] ?? []
    }

    @Test("a trigger opens an incident on the key's pipeline; a repeat counts; acknowledge and resolve act on it")
    func lifecycle() async throws {
        let trigger = try sample("pagerduty-event")
        let acknowledge = try sample("pagerduty-event-acknowledge")
        let resolve = try sample("pagerduty-event-acknowledge", ["event_action": "resolve"])
        try await withTestServer(plan: plan()) { client, _ in
            // When PagerDuty's sample trigger arrives
            let (status, answer) = try await send(client, .post, "/v2/enqueue", trigger)
            // Then it is answered as PagerDuty answers
            #expect(status == .accepted)
            #expect(answer["status"] as? String == "success")
            #expect(answer["message"] as? String == "Event processed")
            #expect(answer["dedup_key"] as? String == "lab-freshness-orders_daily")
            // And an incident is open on 'orders', assigned to whoever is on call
            let opened = try #require(try await incidents(client).first)
            #expect(opened["pipeline"] as? String == "orders")
            #expect(opened["kind"] as? String == "external_alert")
            #expect(opened["key"] as? String == "orders|external_alert|pagerduty:lab-freshness-orders_daily")
            #expect(
                opened["title"] as? String
                    == "orders_daily freshness check failed: newest row is 3h old (limit 1h)"
            )
            #expect(opened["state"] as? String == "triggered")
            #expect(opened["assignee"] as? String != nil)
            let (_, detail) = try await send(client, .get, "/api/v1/incidents/1")
            let evidence = try #require(detail["evidence"] as? [String: String])
            #expect(evidence["severity"] == "error")
            #expect(evidence["source"] == "lab-pipeline/postgres/lab.public.orders")
            #expect(evidence["custom_details.age_seconds"] == "10800")
            #expect(evidence["link.1"] == "http://127.0.0.1:8080/checks/42")
            // When the same trigger comes again, it repeats the incident
            _ = try await send(client, .post, "/v2/enqueue", trigger)
            #expect(try await incidents(client).map { $0["count"] as? Int } == [2])
            // When acknowledged, then resolved
            #expect(try await send(client, .post, "/v2/enqueue", acknowledge).0 == .accepted)
            #expect(try await incidents(client).first?["state"] as? String == "acknowledged")
            #expect(try await incidents(client).first?["acknowledged_by"] as? String == "pagerduty")
            #expect(try await send(client, .post, "/v2/enqueue", resolve).0 == .accepted)
            #expect(try await incidents(client).first?["state"] as? String == "resolved")
            // And an acknowledge for nothing open is answered and dropped
            let (late, lateAnswer) = try await send(client, .post, "/v2/enqueue", acknowledge)
            #expect(late == .accepted)
            #expect(lateAnswer["dedup_key"] as? String == "lab-freshness-orders_daily")
            #expect(try await incidents(client).count == 1)
        }
    }

    @Test("a trigger without a dedup key gets one made up, which later events use")
    func generatedKey() async throws {
        let trigger = try sample("pagerduty-event", ["dedup_key": NSNull()])
        try await withTestServer(plan: plan()) { client, _ in
            let (status, answer) = try await send(client, .post, "/v2/enqueue", trigger)
            #expect(status == .accepted)
            let key = try #require(answer["dedup_key"] as? String)
            #expect(key.count == 32 && key.allSatisfy(\.isHexDigit))
            let resolve = try sample("pagerduty-event-acknowledge", ["event_action": "resolve", "dedup_key": key])
            #expect(try await send(client, .post, "/v2/enqueue", resolve).0 == .accepted)
            #expect(try await incidents(client).first?["state"] as? String == "resolved")
        }
    }

    @Test("an invalid event is refused with one message per bad field, and nothing is opened")
    func invalidEvent() async throws {
        let bad = try sample(
            "pagerduty-event",
            ["payload.summary": "  ", "payload.severity": "fatal", "payload.timestamp": "yesterday"]
        )
        let noAction = try sample("pagerduty-event", ["event_action": "page"])
        let noKey = try sample("pagerduty-event-acknowledge", ["dedup_key": NSNull()])
        try await withTestServer(plan: plan()) { client, _ in
            let (status, answer) = try await send(client, .post, "/v2/enqueue", bad)
            #expect(status == .badRequest)
            #expect(answer["status"] as? String == "invalid event")
            #expect(answer["message"] as? String == "Event object is invalid")
            let errors = try #require(answer["errors"] as? [String])
            #expect(errors.count == 3)
            #expect(errors.contains("'payload.summary' is missing or blank"))
            #expect(errors.contains("'payload.severity' must be critical, error, warning or info, not 'fatal'"))
            #expect(errors.contains { $0.hasPrefix("'payload.timestamp' is not an ISO 8601 time") })
            let (_, action) = try await send(client, .post, "/v2/enqueue", noAction)
            #expect(
                action["errors"] as? [String] == ["'event_action' must be trigger, acknowledge or resolve, not 'page'"]
            )
            let (_, key) = try await send(client, .post, "/v2/enqueue", noKey)
            #expect(key["errors"] as? [String] == ["'dedup_key' is required to acknowledge"])
            #expect(try await incidents(client).isEmpty)
        }
    }

    @Test("an unknown routing key is refused the same way whether malformed or merely not configured")
    func unknownKey() async throws {
        let unknown = try sample("pagerduty-event", ["routing_key": "R0UTINGKEY0000000000000000000XYZ"])
        let malformed = try sample("pagerduty-event", ["routing_key": "x"])
        try await withTestServer(plan: plan()) { client, _ in
            let first = try await send(client, .post, "/v2/enqueue", unknown)
            let second = try await send(client, .post, "/v2/enqueue", malformed)
            #expect(first.0 == .badRequest && second.0 == .badRequest)
            #expect(first.1["errors"] as? [String] == second.1["errors"] as? [String])
            #expect((first.1["errors"] as? [String])?.first?.contains("routing_key") == true)
            #expect(try await incidents(client).isEmpty)
        }
    }

    @Test("a change event is kept on the pipeline's timeline")
    func changeEvent() async throws {
        let change = try JSONSerialization.data(withJSONObject: [
            "routing_key": Self.routingKey,
            "payload": [
                "summary": "Deployed orders_daily v2.3", "source": "ci", "timestamp": "2026-11-27T10:00:00Z",
                "custom_details": ["commit": "abc123"],
            ],
            "links": [["href": "https://ci.example.com/builds/7", "text": "build"]],
        ])
        try await withTestServer(plan: plan()) { client, _ in
            let (status, answer) = try await send(client, .post, "/v2/change/enqueue", change)
            #expect(status == .accepted)
            #expect(answer["message"] as? String == "Change event processed")
            let (_, list) = try await send(client, .get, "/api/v1/pipelines/orders/changes")
            let changes = try #require(list["changes"] as? [[String: Any]])
            #expect(changes.count == 1)
            #expect(changes.first?["summary"] as? String == "Deployed orders_daily v2.3")
            #expect(changes.first?["at"] as? String == "2026-11-27T10:00:00+00:00")
            #expect((changes.first?["details"] as? [String: String])?["commit"] == "abc123")
            #expect(try await incidents(client).isEmpty)
            #expect(try await send(client, .get, "/api/v1/pipelines/nope/changes").0 == .notFound)
        }
    }

    @Test("Alertmanager: a firing alert opens an incident by fingerprint, the resolved one resolves it")
    func alertmanager() async throws {
        let labels = ["alertname": "ProfitLate", "pipeline": "profit", "severity": "critical"]
        let firing = try sample("alertmanager-webhook-firing", ["commonLabels": labels, "groupLabels": labels])
        let alert = { @Sendable (data: Data) throws -> Data in
            var object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            var alerts = try #require(object["alerts"] as? [[String: Any]])
            alerts[0]["labels"] = labels
            alerts[0]["startsAt"] = "2026-11-28T20:00:00Z"  // before the test clock's now
            object["alerts"] = alerts
            return try JSONSerialization.data(withJSONObject: object)
        }
        let resolved = try alert(
            try sample("alertmanager-webhook-resolved", ["commonLabels": labels, "groupLabels": labels])
        )
        let unknown = try sample("alertmanager-webhook-firing")  // names investor-profit, not in this plan
        try await withTestServer(plan: plan()) { client, _ in
            // Without a token it is refused
            #expect(try await send(client, .post, "/api/v1/alertmanager", firing).0 == .unauthorized)
            // With one, the firing alert opens an incident on profit
            let (status, outcome) = try await send(
                client,
                .post,
                "/api/v1/alertmanager",
                try alert(firing),
                token: writeToken
            )
            #expect(status == .ok)
            #expect(outcome["triggered"] as? Int == 1)
            let opened = try #require(try await incidents(client).first)
            #expect(opened["key"] as? String == "profit|external_alert|alertmanager:b2618178d5ef9365")
            #expect(opened["title"] as? String == "ProfitLate: aggregate profit table not updated for 7h")
            #expect(opened["opened_at"] as? String == "2026-11-28T20:00:00+00:00")
            // And the resolved notification resolves it
            let (_, done) = try await send(client, .post, "/api/v1/alertmanager", resolved, token: writeToken)
            #expect(done["resolved"] as? Int == 1)
            #expect(try await incidents(client).first?["state"] as? String == "resolved")
            // An alert naming an unknown pipeline is answered as ignored, not retried
            let (ignoredStatus, ignored) = try await send(
                client,
                .post,
                "/api/v1/alertmanager",
                unknown,
                token: writeToken
            )
            #expect(ignoredStatus == .ok)
            let reasons = try #require(ignored["ignored"] as? [[String: Any]])
            #expect(reasons.first?["reason"] as? String == "unknown pipeline 'investor-profit'")
            // A body of another payload version is a 400 naming the field
            let (versionStatus, version) = try await send(
                client,
                .post,
                "/api/v1/alertmanager",
                try sample("alertmanager-webhook-firing", ["version": "3"]),
                token: writeToken
            )
            #expect(versionStatus == .badRequest)
            #expect((version["error"] as? String)?.hasPrefix("'version' is '3'") == true)
        }
    }
}
