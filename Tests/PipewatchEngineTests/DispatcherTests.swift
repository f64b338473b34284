import Foundation
import PipewatchCore
import PipewatchEngine
import PipewatchStore
import PipewatchTestSupport
import Testing

/// The outbox delivered to a real receiver on loopback, with time moved by the test.
@Suite("Notification dispatcher")
struct DispatcherTests {
    /// A plan of two engineers and one pipeline whose contacts point at `base`.
    static func plan(base: String, attempts: Int = 3, slack: Bool = false) -> TeamPlan {
        let zone = ScheduleFixtures.zone("Europe/London")
        let contact: (String) -> ContactMethod = { who in
            slack
                ? .slack(url: .literal("\(base)/\(who)"))
                : .webhook(url: .literal("\(base)/\(who)"), secretEnv: "SECRET")
        }
        let catalog = Catalog(
            team: Team(name: "Data", timeZone: zone),
            engineers: [
                Engineer(id: "a", name: "A", region: Region(code: "GB")!, timeZone: zone, contacts: [contact("a")]),
                Engineer(id: "b", name: "B", region: Region(code: "GB")!, timeZone: zone, contacts: [contact("b")]),
            ],
            pipelines: [
                Pipeline(
                    id: "orders",
                    name: "Orders",
                    owners: PipelineOwners(primary: "a", secondary: "b"),
                    jobs: [PipelineJob(.openLineage(namespace: "airflow", name: "orders"))],
                    runbook: Runbook(steps: [RunbookStep(text: "Look at the orders feed.")])
                )
            ]
        )
        let oncall = OncallPolicy(
            rotation: ["a", "b"],
            handoff: Handoff(weekday: .monday, time: TimeOfDay(hour: 9, minute: 0)!),
            starts: ScheduleFixtures.date("2026-01-05")
        )
        return TeamPlan(catalog: catalog, oncall: oncall, incidents: IncidentSettings(deliveryAttempts: attempts))
    }

    /// The engine over `store` on `plan`, its time moved by `clock`.
    static func engine(
        _ plan: TeamPlan,
        _ store: SQLStateStore,
        _ clock: TestClock,
        environment: [String: String] = ["SECRET": "s"]
    ) -> Engine {
        Engine(
            plan: plan,
            store: store,
            clock: clock,
            wallClock: clock.wall,
            environment: environment,
            logger: .discarding
        )
    }

    /// Opens an incident on `orders` at the clock's time.
    static func openIncident(_ engine: Engine, _ store: SQLStateStore, at now: Date) async throws {
        let fail = try SeedWorld.failure(job: "orders", at: now, runID: "01a21d17-f71e-7051-92ae-4ad068f97d11")
        let incoming = IncomingEvent(event: fail.event, body: fail.body, pipeline: "orders")
        _ = try await store.record([incoming], receivedAt: now)
        try await engine.evaluator.evaluate(nil, at: now)
    }

    @Test(
        "a receiver that answers 500 for a while gets the message once when it recovers; after the last attempt it is a dead letter that can be retried"
    )
    func retriesAndDeadLetters() async throws {
        let receiver = WebhookReceiver(failing: 100)
        try await receiver.serve { base in
            try await withTestStore(.sqlite) { store in
                let clock = TestClock(iso: "2026-03-25T12:00:00Z")
                let engine = Engine(
                    plan: Self.plan(base: base),
                    store: store,
                    clock: clock,
                    wallClock: clock.wall,
                    environment: ["SECRET": "s"],
                    logger: .discarding
                )
                try await Self.openIncident(engine, store, at: clock.wall.now)

                // Three attempts fail, with backoff between them; then the page is dead
                #expect(try await engine.dispatcher.deliverDue(at: clock.wall.now) == 0)
                var message = try #require(try await store.messages(incidentID: nil, state: nil, limit: 1).first)
                #expect(message.attempts == 1)
                #expect(message.lastError == "HTTP 500")
                #expect(try await engine.dispatcher.deliverDue(at: clock.wall.now) == 0, "not before its backoff")
                for _ in 0..<2 {
                    clock.advance(by: .seconds(3600))
                    _ = try await engine.dispatcher.deliverDue(at: clock.wall.now)
                }
                message = try #require(try await store.messages(incidentID: nil, state: .dead, limit: 1).first)
                #expect(message.attempts == 3)
                #expect(receiver.refusals == 3)

                // When the receiver recovers and someone retries the dead letter, it arrives once
                receiver.recover()
                _ = try await store.retryMessage(id: message.id, at: clock.wall.now)
                #expect(try await engine.dispatcher.deliverDue(at: clock.wall.now) == 1)
                #expect(try await engine.dispatcher.deliverDue(at: clock.wall.now) == 0)
                #expect(receiver.deliveries.count == 1)
                #expect(receiver.deliveries.first?.idempotencyKey == message.idempotencyKey)
                let error = await #expect(throws: StoreError.self) {
                    try await store.retryMessage(id: message.id, at: clock.wall.now)
                }
                #expect(
                    error?.description == "notification '\(message.id)' was already delivered; it is not sent again"
                )
            }
        }
    }

    @Test("a Slack-compatible webhook gets text and blocks")
    func slack() async throws {
        let receiver = WebhookReceiver()
        try await receiver.serve { base in
            try await withTestStore(.sqlite) { store in
                let clock = TestClock(iso: "2026-03-25T12:00:00Z")
                let engine = Engine(
                    plan: Self.plan(base: base, slack: true),
                    store: store,
                    clock: clock,
                    wallClock: clock.wall,
                    environment: [:],
                    logger: .discarding
                )
                try await Self.openIncident(engine, store, at: clock.wall.now)
                #expect(try await engine.dispatcher.deliverDue(at: clock.wall.now) == 1)
                let body = try #require(receiver.deliveries.first?.body)
                let object = try #require(try JSONSerialization.jsonObject(with: body) as? [String: Any])
                #expect((object["text"] as? String)?.hasPrefix("[normal] INC-1 orders: airflow/orders failed") == true)
                let blocks = try #require(object["blocks"] as? [[String: Any]])
                #expect(blocks.map { $0["type"] as? String } == ["header", "section"])
                #expect(receiver.deliveries.first?.signature == nil)
            }
        }
    }

    @Test("when nobody in the policy can be paged, the team is told and the timeline says why")
    func nobodyReachable() async throws {
        var plan = Self.plan(base: "http://127.0.0.1:9")
        for index in plan.catalog.engineers.indices { plan.catalog.engineers[index].contacts = [] }
        plan.catalog.team.contacts = [.webhook(url: .literal("http://127.0.0.1:9/team"), secretEnv: nil)]
        try await withTestStore(.sqlite) { store in
            let clock = TestClock(iso: "2026-03-25T12:00:00Z")
            let engine = Engine(
                plan: plan,
                store: store,
                clock: clock,
                wallClock: clock.wall,
                environment: [:],
                logger: .discarding
            )
            try await Self.openIncident(engine, store, at: clock.wall.now)
            let timeline = try await store.timeline(incidentID: 1)
            #expect(timeline.map(\.kind) == [.opened, .skipped, .skipped, .skipped, .notified])
            #expect(
                timeline[1...3].map(\.detail) == [
                    "escalation step 1 skipped: 'b' has no contact method in the config",
                    "escalation step 2 skipped: 'a' has no contact method in the config",
                    "escalation step 3 skipped: 'b' has no contact method in the config",
                ]
            )
            #expect(
                timeline.last?.detail
                    == "nobody in the escalation policy could be paged; the team was notified (1 messages)"
            )
            let messages = try await store.messages(incidentID: 1, state: nil, limit: 10)
            #expect(messages.map(\.recipient) == ["team"])
            #expect(messages.first?.kind == "team_notice")
        }
    }

    @Test("an owner on time off is skipped with the reason, and the next level is paged at once")
    func unavailableOwner() async throws {
        let plan = Self.plan(base: "http://127.0.0.1:9")
        try await withTestStore(.sqlite) { store in
            // Given b (the secondary owner) away on 2026-03-25, and a on call
            _ = try await store.addTimeOff(
                TimeOff(
                    engineer: "b",
                    from: ScheduleFixtures.date("2026-03-25"),
                    to: ScheduleFixtures.date("2026-03-25")
                ),
                at: ScheduleFixtures.instant("2026-03-01T00:00:00Z")
            ) { _ in AuditDraft(at: Date(timeIntervalSince1970: 0), actor: "test", action: "timeoff.add", detail: "b") }
            let clock = TestClock(iso: "2026-03-25T12:00:00Z")
            let engine = Engine(
                plan: plan,
                store: store,
                clock: clock,
                wallClock: clock.wall,
                environment: [:],
                logger: .discarding
            )
            try await Self.openIncident(engine, store, at: clock.wall.now)
            // When 15 minutes pass unacknowledged: the primary owner is a (already paged), b is away
            clock.advance(by: .seconds(900))
            try await engine.escalator.tick(at: clock.wall.now)
            let skipped = try await store.timeline(incidentID: 1).filter { $0.kind == .skipped }.map(\.detail)
            #expect(
                skipped == [
                    "escalation step 2 skipped: 'a' (the primary owner) was already paged",
                    "escalation step 3 skipped: 'b' (the secondary owner) is unavailable: time off on 2026-03-25",
                ]
            )
        }
    }
}
