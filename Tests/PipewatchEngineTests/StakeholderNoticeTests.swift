import Foundation
import PipewatchCore
import PipewatchEngine
import PipewatchStore
import PipewatchTestSupport
import Testing

/// The seed's run book step "Notify stakeholders if metrics cannot be delivered on time", done by
/// the engine: investor relations and the metric owner hear before 09:00 New York time.
@Suite("Stakeholder notices on the seed plan")
struct StakeholderNoticeTests {
    @Test(
        "an hour before the deadline, once; when it passes; and when it is delivered late",
        arguments: StoreBackend.available
    )
    func atRiskMissedAndLate(backend: StoreBackend) async throws {
        let plan = try SeedWorld.plan()
        let receiver = WebhookReceiver()
        try await receiver.serve { base in
            try await withTestStore(backend) { store in
                let clock = TestClock(start: SeedEscalationTests.failureTime)
                let engine = SeedWorld.engine(
                    plan: plan,
                    store: store,
                    clock: clock,
                    environment: SeedWorld.environment(base: base)
                )
                let fail = try SeedWorld.failure(
                    job: "investor_profit",
                    at: clock.wall.now,
                    runID: "01a21d17-f71e-7051-92ae-4ad068f97d11"
                )
                _ = try await store.record([fail], receivedAt: clock.wall.now)
                try await engine.evaluator.evaluate(nil, at: clock.wall.now)
                try await engine.incidents.acknowledge(1, by: "b", at: clock.wall.now)

                // When it is 07:59 nobody is told; at 08:00 investor relations and finance are, once
                clock.advance(by: .seconds(4 * 3600 + 59 * 60))
                #expect(try await engine.notices.deliveryNotices(at: clock.wall.now) == 0)
                clock.advance(by: .seconds(60))
                #expect(try await engine.notices.deliveryNotices(at: clock.wall.now) == 2)
                #expect(try await engine.notices.deliveryNotices(at: clock.wall.now) == 0)
                try await engine.dispatcher.deliverDue(at: clock.wall.now)
                #expect(Set(receiver.deliveries.map(\.path)).isSuperset(of: ["/ir", "/finance"]))
                let notice = try #require(receiver.deliveries.first { $0.path == "/ir" })
                let message = try JSONDecoder().decode(NotificationMessage.self, from: notice.body)
                #expect(message.kind == "stakeholder_notice")
                #expect(
                    message.text == """
                        'Aggregate profit reported to investors' may be late
                        Investor Relations: 'Aggregate profit reported to investors' may not be ready by its \
                        deadline, 09:00 on Thursday 26 March 2026 (America/New_York).
                        Expected delay: not known yet.
                        Why: a data processing job failed (INC-1).
                        Who is working on it: Data Engineer B.
                        You will hear again when it is delivered.
                        """
                )

                // When 09:00 passes undelivered, they hear it was missed (and so do the readers of the
                // two other investor pipelines, silent since Pipewatch started watching at 03:00)
                clock.advance(by: .seconds(3600))
                let missed = try await engine.notices.deliveryNotices(at: clock.wall.now)
                #expect(missed == 6)

                // When a run completes at 09:30, they hear it was delivered, 30 minutes late
                clock.advance(by: .seconds(1800))
                var done = try SeedWorld.failure(
                    job: "investor_profit",
                    at: clock.wall.now,
                    runID: "01a21d17-f71e-7051-92ae-4ad068f97d12"
                )
                done.event.eventType = .complete
                _ = try await store.record([done], receivedAt: clock.wall.now)
                #expect(try await engine.notices.deliveryNotices(at: clock.wall.now) == 2)
                try await engine.dispatcher.deliverDue(at: clock.wall.now)
                let late = try receiver.deliveries.filter { $0.path == "/ir" }.map {
                    try JSONDecoder().decode(NotificationMessage.self, from: $0.body)
                }.filter { $0.fields["notice"] == "delivered_late" }
                #expect(late.count == 1)
                #expect(late.first?.text.contains("has now been delivered, 30 minutes late") == true)
                let timeline = try await store.timeline(incidentID: 1).filter { $0.kind == .notified }.map(\.detail)
                #expect(timeline.count == 3)
            }
        }
    }

    @Test("a pipeline first watched after its period began is not reported missed")
    func noFalseAlarmAtInstall() async throws {
        let plan = try SeedWorld.plan()
        try await withTestStore(.sqlite) { store in
            // Given a server first started at 10:00, after the 09:00 deadline
            let clock = TestClock(iso: "2026-03-26T10:00:00-04:00")
            let engine = SeedWorld.engine(plan: plan, store: store, clock: clock, environment: [:])
            // Then neither a missed-deadline signal nor a notice goes out
            let transitions = try await engine.evaluator.evaluate(nil, at: clock.wall.now)
            let notices = try await engine.notices.deliveryNotices(at: clock.wall.now)
            #expect(transitions == 0)
            #expect(notices == 0)
        }
    }
}
