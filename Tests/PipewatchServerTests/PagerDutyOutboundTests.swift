import Foundation
import HTTPTypes
import HummingbirdTesting
import Logging
import NIOCore
import PipewatchCore
import PipewatchEngine
import PipewatchServer
import PipewatchStore
import PipewatchTestSupport
import Testing

/// Pages sent out as PagerDuty Events v2, received by a real Events v2 endpoint on loopback:
/// another Pipewatch's `/v2/enqueue`, which answers as PagerDuty does.
@Suite("PagerDuty outbound")
struct PagerDutyOutboundTests {
    static let routingKey = "outbound-routing-key"
    static let now = Date(timeIntervalSince1970: 1_795_900_000)

    @Test("a page to a PagerDuty contact arrives as a trigger with the routing key and one dedup key per incident")
    func pageArrivesAsTrigger() async throws {
        // Given a receiving Pipewatch that routes the key to its pipeline 'orders', and a sending
        // Pipewatch whose engineers are reached through that endpoint
        try await withSenderAndReceiver { client, sender, engine in
            let now = Self.now
            let paging = engine(["PD_ROUTING_KEY": Self.routingKey])
            // When its pipeline 'profit' fails and the page goes out
            try await failProfit(in: sender, engine: paging)
            #expect(try await paging.dispatcher.deliverDue(at: now) == 1)
            let sent = try #require(try await sender.messages(incidentID: nil, state: nil, limit: 1).first)
            #expect(sent.channel == "pagerduty")
            #expect(!sent.body.contains(Self.routingKey), "the outbox never holds the routing key")

            // And when the on-call acknowledges INC-1 in the sending Pipewatch, and later resolves it
            try await paging.incidents.acknowledge(1, by: "a", at: now.addingTimeInterval(60))
            #expect(try await paging.dispatcher.deliverDue(at: now.addingTimeInterval(60)) == 1)
            #expect(try await receiverState(of: client) == "acknowledged")
            try await paging.incidents.resolve(1, by: "a", reason: "rerun", at: now.addingTimeInterval(120))
            #expect(try await paging.dispatcher.deliverDue(at: now.addingTimeInterval(120)) == 1)
            #expect(try await receiverState(of: client) == "resolved")
            let kinds = try await sender.messages(incidentID: 1, state: nil, limit: 10).map(\.kind)
            #expect(Set(kinds) == ["page", "pagerduty_acknowledge", "pagerduty_resolve"])

            // Then the receiver holds one incident, which the follow-ups acknowledged and resolved,
            // on 'orders' for the sender's INC-1, titled by the page
            let incidents = try await client.execute(uri: "/api/v1/incidents?state=all", method: .get) { response in
                (try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any])?[
                    "incidents"
                ] as? [[String: Any]] ?? []
            }
            #expect(incidents.count == 1)
            let incident = try #require(incidents.first)
            #expect(incident["key"] as? String == "orders|external_alert|pagerduty:pipewatch-INC-1")
            #expect(
                incident["title"] as? String
                    == "[normal] INC-1 profit: airflow/profit_daily failed: division by zero in orders_weekly"
            )
            let evidence = try await client.execute(uri: "/api/v1/incidents/1", method: .get) { response in
                (try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any])?[
                    "evidence"
                ] as? [String: String] ?? [:]
            }
            #expect(evidence["source"] == "pipewatch/profit")
            #expect(evidence["severity"] == "warning")  // Pipewatch's 'normal'
            #expect(evidence["custom_details.kind"] == "page")
            #expect(evidence["custom_details.text"]?.contains("profit") == true)
        }
    }

    @Test(
        "an acknowledge waits for a trigger still being retried, so PagerDuty never opens an incident already handled"
    )
    func acknowledgeWaitsForTheTrigger() async throws {
        try await withSenderAndReceiver { client, sender, engine in
            let now = Self.now
            // Given a page whose first attempt failed (the routing key was missing), to be retried in about 7 s
            let withoutKey = engine([:])
            try await failProfit(in: sender, engine: withoutKey)
            #expect(try await withoutKey.dispatcher.deliverDue(at: now) == 0)

            // When the incident is acknowledged in Pipewatch before the retry
            let paging = engine(["PD_ROUTING_KEY": Self.routingKey])
            try await paging.incidents.acknowledge(1, by: "a", at: now.addingTimeInterval(1))

            // Then the acknowledge is not sent ahead of the trigger
            #expect(try await paging.dispatcher.deliverDue(at: now.addingTimeInterval(2)) == 0)
            // And once the trigger has gone out, the acknowledge follows it
            #expect(try await paging.dispatcher.deliverDue(at: now.addingTimeInterval(60)) == 1)
            #expect(try await paging.dispatcher.deliverDue(at: now.addingTimeInterval(60)) == 1)
            #expect(try await receiverState(of: client) == "acknowledged")
        }
    }

    /// A receiving Pipewatch whose `/v2/enqueue` routes the key to its pipeline 'orders', and a
    /// sending one (an in-memory store) whose engineers are reached through it. `body` gets the
    /// receiver's client, the sender's store, and makes sending engines with the environment given.
    private func withSenderAndReceiver(
        _ body:
            @escaping @Sendable (
                any TestClientProtocol, SQLStateStore, @escaping @Sendable ([String: String]) -> Engine
            ) async throws -> Void
    ) async throws {
        var receiving = fixturePlan()
        receiving.alerts = AlertIntakeSettings(
            pagerDuty: [.init(key: .sha256(TokenHash.sha256(Self.routingKey)), pipeline: "orders")]
        )
        try await withTestServer(plan: receiving, settings: ServerSettings(port: 0), now: Self.now, testing: .live) {
            client,
            _ in
            let port = try #require(client.port)
            var sending = fixturePlan()
            for index in sending.catalog.engineers.indices {
                sending.catalog.engineers[index].contacts = [
                    .pagerDuty(url: .literal("http://127.0.0.1:\(port)"), routingKeyEnv: "PD_ROUTING_KEY")
                ]
            }
            let plan = sending
            try await SQLStateStore.withStore(at: .sqliteInMemory, logger: .discarding) { sender in
                try await body(client, sender) { environment in
                    Engine(
                        plan: plan,
                        store: sender,
                        clock: ContinuousClock(),
                        wallClock: FixedWallClock(Self.now),
                        environment: environment,
                        logger: .discarding
                    )
                }
            }
        }
    }

    /// Stores a failed run of 'profit' in the sender and evaluates it, which opens INC-1 and queues its page.
    private func failProfit(in sender: SQLStateStore, engine: Engine) async throws {
        let event = try LineageEventDecoder.decode(
            try sampleEvent("openlineage-runevent-fail", ["job": ["namespace": "airflow", "name": "profit_daily"]])
        )
        _ = try await sender.record([IncomingEvent(event: event, body: "{}", pipeline: "profit")], receivedAt: Self.now)
        try await engine.evaluator.evaluate(nil, at: Self.now)
    }

    /// The state of the receiving Pipewatch's incident 1, as its API reports it.
    private func receiverState(of client: any TestClientProtocol) async throws -> String? {
        try await client.execute(uri: "/api/v1/incidents/1", method: .get) { response in
            let detail = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any]
            return (detail?["incident"] as? [String: Any])?["state"] as? String
        }
    }
}
