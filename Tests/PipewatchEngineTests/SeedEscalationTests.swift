import Foundation
import PipewatchCore
import PipewatchEngine
import PipewatchStore
import PipewatchTestSupport
import Testing

/// The seed's section 3 end to end, in process: a failure of the aggregate profit job at 03:00 New
/// York time on 2026-03-26, a day the rotation's engineer (d, in Karnataka) has a public holiday,
/// so b substitutes. Time moves only when the test moves it.
@Suite("Escalation on the seed plan")
struct SeedEscalationTests {
    static let failureTime = ScheduleFixtures.instant("2026-03-26T03:00:00-04:00")

    @Test(
        "the substitute is paged with a signed page; then the primary owner; then the secondary; a restart loses and repeats nothing",
        arguments: StoreBackend.available
    )
    func escalatesThroughThePolicy(backend: StoreBackend) async throws {
        let plan = try SeedWorld.plan()
        let receiver = WebhookReceiver()
        try await receiver.serve { base in
            try await withTestStore(backend) { store in
                let clock = TestClock(start: Self.failureTime)
                let environment = SeedWorld.environment(base: base)
                var engine = SeedWorld.engine(plan: plan, store: store, clock: clock, environment: environment)
                // Given the official client's FAIL of airflow/investor_profit at 03:00
                let fail = try SeedWorld.failure(
                    job: "investor_profit",
                    at: Self.failureTime,
                    runID: "01a21d17-f71e-7051-92ae-4ad068f97d11"
                )
                _ = try await store.record([fail], receivedAt: Self.failureTime)

                // When the evaluator sees it and the dispatcher runs
                try await engine.evaluator.evaluate(["investor-profit"], at: clock.wall.now)
                try await engine.dispatcher.deliverDue(at: clock.wall.now)

                // Then one critical incident is open, assigned to the substitute, and b got a signed page
                let open = try await store.incidents(states: [.triggered], pipeline: nil, limit: 10)
                let incident = try #require(open.first)
                #expect(open.count == 1)
                #expect(incident.severity == .critical)
                #expect(incident.assignee == "b")
                let first = try #require(receiver.deliveries.first)
                #expect(first.path == "/b")
                #expect(WebhookSignature.isValid(header: first.signature ?? "", body: first.body, secret: "secret-b"))
                let page = try JSONDecoder().decode(NotificationMessage.self, from: first.body)
                #expect(page.text.contains("What broke: airflow/investor_profit failed"))
                #expect(page.text.contains("Since: 2026-03-26T07:00:00+00:00 (your time, Europe/London)"))
                #expect(page.text.contains("Run book, step 1: Check data sources for missing or delayed inputs"))
                #expect(page.text.contains("Acknowledge: pipewatch incident ack \(incident.id) --as b"))

                // When 14 minutes pass nothing more is sent; at 15 the primary owner (c) is paged
                clock.advance(by: .seconds(14 * 60))
                #expect(try await engine.escalator.tick(at: clock.wall.now) == 0)
                clock.advance(by: .seconds(60))
                #expect(try await engine.escalator.tick(at: clock.wall.now) == 1)
                try await engine.dispatcher.deliverDue(at: clock.wall.now)
                #expect(receiver.deliveries.map(\.path) == ["/b", "/c"])

                // When the server restarts (a new engine on the same store) 30 minutes later
                engine = SeedWorld.engine(plan: plan, store: store, clock: clock, environment: environment)
                clock.advance(by: .seconds(30 * 60))
                #expect(try await engine.escalator.tick(at: clock.wall.now) == 1)
                #expect(try await engine.escalator.tick(at: clock.wall.now) == 0)
                try await engine.dispatcher.deliverDue(at: clock.wall.now)
                try await engine.dispatcher.deliverDue(at: clock.wall.now)

                // Then the secondary owner (a) was paged once, and nobody twice
                #expect(receiver.deliveries.map(\.path) == ["/b", "/c", "/a"])
                #expect(Set(receiver.deliveries.compactMap(\.idempotencyKey)).count == 3)

                // When a acknowledges, escalation stops and the timeline says who and when
                try await engine.incidents.acknowledge(incident.id, by: "a", at: clock.wall.now)
                clock.advance(by: .seconds(3600))
                #expect(try await engine.escalator.tick(at: clock.wall.now) == 0)
                let timeline = try await store.timeline(incidentID: incident.id).map(\.kind)
                #expect(timeline == [.opened, .paged, .paged, .paged, .acknowledged])
                let (acknowledged, _) = try await store.incident(id: incident.id)
                #expect(acknowledged.state == .acknowledged)
                #expect(acknowledged.assignee == "a")
            }
        }
    }

    @Test(
        "a second failure of the same job adds to the open incident; clearing resolves it after the hold time",
        arguments: StoreBackend.available
    )
    func repeatsAndAutoResolve(backend: StoreBackend) async throws {
        let plan = try SeedWorld.plan()
        try await withTestStore(backend) { store in
            let clock = TestClock(start: Self.failureTime)
            let engine = SeedWorld.engine(plan: plan, store: store, clock: clock, environment: [:])
            let first = try SeedWorld.failure(
                job: "investor_profit",
                at: Self.failureTime,
                runID: "01a21d17-f71e-7051-92ae-4ad068f97d11"
            )
            _ = try await store.record([first], receivedAt: clock.wall.now)
            try await engine.evaluator.evaluate(nil, at: clock.wall.now)

            // When the job fails again ten minutes later
            clock.advance(by: .seconds(600))
            let second = try SeedWorld.failure(
                job: "investor_profit",
                at: clock.wall.now,
                runID: "01a21d17-f71e-7051-92ae-4ad068f97d12"
            )
            _ = try await store.record([second], receivedAt: clock.wall.now)
            try await engine.evaluator.evaluate(nil, at: clock.wall.now)
            let incidents = try await store.incidents(states: [], pipeline: "investor-profit", limit: 10)
            #expect(incidents.count == 1)
            #expect(incidents.first?.count == 2)

            // When a run completes, the failure clears; ten minutes later the incident resolves itself
            clock.advance(by: .seconds(600))
            var completed = try SeedWorld.failure(
                job: "investor_profit",
                at: clock.wall.now,
                runID: "01a21d17-f71e-7051-92ae-4ad068f97d13"
            )
            completed.event.eventType = .complete
            _ = try await store.record([completed], receivedAt: clock.wall.now)
            try await engine.evaluator.evaluate(nil, at: clock.wall.now)
            let id = try #require(incidents.first?.id)
            #expect(try await store.incident(id: id).0.clearedAt == clock.wall.now)
            clock.advance(by: .seconds(599))
            #expect(try await engine.incidents.autoResolve(at: clock.wall.now).isEmpty)
            clock.advance(by: .seconds(1))
            #expect(try await engine.incidents.autoResolve(at: clock.wall.now) == [id])
            let resolved = try await store.incident(id: id).0
            #expect(resolved.state == .resolved)
            #expect(resolved.resolvedBy == "pipewatch")
        }
    }
}
