import Foundation
import PipewatchCore
import PipewatchEngine
import PipewatchStore
import PipewatchTestSupport
import Testing

/// The run book as a checklist during an incident on the seed plan.
@Suite("Run book checklist")
struct RunbookChecklistTests {
    /// Opens the seed's investor-profit failure incident (INC-1) on a fresh store and runs `body`.
    private func withIncident(
        plan: TeamPlan? = nil,
        environment: [String: String] = [:],
        job: String = "investor_profit",
        _ body: @Sendable (Engine, SQLStateStore, TestClock) async throws -> Void
    ) async throws {
        let plan = try plan ?? SeedWorld.plan()
        try await withTestStore(.sqlite) { store in
            let clock = TestClock(start: SeedEscalationTests.failureTime)
            let engine = SeedWorld.engine(plan: plan, store: store, clock: clock, environment: environment)
            let fail = try SeedWorld.failure(
                job: job,
                at: clock.wall.now,
                runID: "01a21d17-f71e-7051-92ae-4ad068f97d11"
            )
            _ = try await store.record([fail], receivedAt: clock.wall.now)
            try await engine.evaluator.evaluate(nil, at: clock.wall.now)
            try await body(engine, store, clock)
        }
    }

    @Test("steps are marked done or skipped, by whom, with a note; a step the run book lacks is refused")
    func marks() async throws {
        try await withIncident { engine, store, clock in
            try await engine.checklist.mark(
                1,
                of: 1,
                as: .done,
                by: "b",
                note: "sales feed is current",
                at: clock.wall.now
            )
            try await engine.checklist.mark(2, of: 1, as: .skipped, by: "b", note: nil, at: clock.wall.now)
            let marks = try await store.runbookMarks(incidentID: 1)
            #expect(marks.map(\.state) == [.done, .skipped])
            #expect(marks.first?.note == "sales feed is current")
            let last = try await store.timeline(incidentID: 1).last?.detail
            #expect(last == "step 2 skipped (Validate ETL job logs for errors or timeouts.)")
            let error = await #expect(throws: EngineError.self) {
                try await engine.checklist.mark(9, of: 1, as: .done, by: "b", note: nil, at: clock.wall.now)
            }
            #expect(error?.description == "step 9 does not exist: the run book of 'investor-profit' has steps 1 to 4")
        }
    }

    @Test("a notify step tells the stakeholders in business words; an escalate step pages that person now")
    func notifyAndEscalate() async throws {
        try await withIncident { engine, store, clock in
            let told = try await engine.checklist.perform(4, of: 1, by: "b", at: clock.wall.now)
            #expect(told == ["told Investor Relations, Finance Analytics"])
            let notices = try await store.messages(incidentID: 1, state: nil, limit: 10).filter {
                $0.kind == "stakeholder_notice"
            }
            #expect(
                Set(notices.map(\.recipient)) == ["stakeholder:investor-relations", "stakeholder:finance-analytics"]
            )
            #expect(notices.allSatisfy { $0.body.contains("09:00 on Thursday 26 March 2026 (America/New_York)") })
        }
        // investor-growth's step 4 escalates to its secondary owner, d
        try await withIncident(job: "investor_growth") { engine, store, clock in
            let done = try await engine.checklist.perform(4, of: 1, by: "a", at: clock.wall.now)
            #expect(done == ["paged d (the secondary owner)"])
            let pages = try await store.messages(incidentID: 1, state: nil, limit: 10).filter {
                $0.recipient == "engineer:d"
            }
            #expect(pages.count == 1)
        }
    }

    @Test("an action runs once per request key, with only the environment it names, and its outcome on the timeline")
    func commandAction() async throws {
        var plan = try SeedWorld.plan()
        plan.actions = [
            ActionDefinition(
                id: "backfill",
                kind: .command(
                    arguments: ["/bin/sh", "-c", "echo backfilled $REGION ${SECRET:-without secret}"],
                    workingDirectory: nil,
                    environment: ["REGION"]
                )
            )
        ]
        try await withIncident(
            plan: plan,
            environment: ["REGION": "eu", "SECRET": "hunter2"],
            job: "investor_engagement"
        ) { engine, store, clock in
            let first = try await engine.checklist.runAction(
                step: 3,
                of: 1,
                requestKey: "k1",
                by: "d",
                at: clock.wall.now
            )
            let again = try await engine.checklist.runAction(
                step: 3,
                of: 1,
                requestKey: "k1",
                by: "d",
                at: clock.wall.now
            )
            #expect(first.state == .succeeded)
            #expect(first.exitStatus == 0)
            #expect(first.output == "backfilled eu without secret\n")
            #expect(again.id == first.id)
            #expect(try await store.actionRuns(incidentID: 1).count == 1)
            let entry = try #require(try await store.timeline(incidentID: 1).last)
            #expect(entry.kind == .action)
            #expect(entry.detail.hasPrefix("action 'backfill' (step 3) succeeded: exit status 0 in "))
        }
    }

    @Test("an action that runs past its timeout is stopped and fails")
    func commandTimeout() async throws {
        var plan = try SeedWorld.plan()
        plan.actions = [
            ActionDefinition(
                id: "backfill",
                kind: .command(arguments: ["/bin/sleep", "30"], workingDirectory: nil, environment: []),
                timeout: .milliseconds(200)
            )
        ]
        try await withIncident(plan: plan, job: "investor_engagement") { engine, _, clock in
            let run = try await engine.checklist.runAction(step: 3, of: 1, requestKey: "k", by: "d", at: clock.wall.now)
            #expect(run.state == .failed)
            #expect(run.output?.contains("(stopped after") == true)
        }
    }

    @Test("an HTTP action posts its JSON body with headers from the environment, as an Airflow DAG-run trigger")
    func httpAction() async throws {
        let receiver = WebhookReceiver()
        try await receiver.serve { base in
            var plan = try SeedWorld.plan()
            plan.actions = [
                ActionDefinition(
                    id: "backfill",
                    kind: .http(
                        method: "POST",
                        url: .environment("AIRFLOW_DAGRUNS_URL"),
                        headers: ["Authorization": "AIRFLOW_AUTH"],
                        body: #"{"conf":{"reason":"pipewatch backfill"}}"#
                    )
                )
            ]
            let environment = [
                "AIRFLOW_DAGRUNS_URL": "\(base)/dags/investor_engagement/dagRuns", "AIRFLOW_AUTH": "Bearer x",
            ]
            try await withIncident(plan: plan, environment: environment, job: "investor_engagement") {
                engine,
                _,
                clock in
                let run = try await engine.checklist.runAction(
                    step: 3,
                    of: 1,
                    requestKey: "k",
                    by: "d",
                    at: clock.wall.now
                )
                #expect(run.state == .succeeded)
                #expect(run.httpStatus == 200)
            }
            #expect(receiver.deliveries.map(\.path) == ["/dags/investor_engagement/dagRuns"])
            #expect(
                String(decoding: receiver.deliveries.first.map(\.body) ?? Data(), as: UTF8.self).contains(
                    "pipewatch backfill"
                )
            )
        }
    }

    @Test("a review is pre-filled with the cause the signals suggest; an unknown owner is refused")
    func review() async throws {
        try await withIncident { engine, store, clock in
            try await engine.incidents.review(
                1,
                cause: nil,
                summary: "a bad deploy",
                lessons: "canary first",
                actionItems: [.init(text: "alert on lag", owner: "c", due: ScheduleFixtures.date("2026-04-30"))],
                by: "b",
                at: clock.wall.now
            )
            let review = try #require(try await store.review(incidentID: 1))
            #expect(review.cause == .processingFailure)
            #expect(review.actionItems.first?.owner == "c")
            let error = await #expect(throws: EngineError.self) {
                try await engine.incidents.review(
                    1,
                    cause: .latency,
                    summary: "x",
                    lessons: "",
                    actionItems: [.init(text: "y", owner: "zz", due: ScheduleFixtures.date("2026-04-30"))],
                    by: "b",
                    at: clock.wall.now
                )
            }
            #expect(error?.description == "action item 'y': unknown owner 'zz'")
        }
    }

    @Test(
        "an action item is marked done once, by whom and when, reopened, and keeps its mark when the review is rewritten"
    )
    func actionItems() async throws {
        try await withIncident { engine, store, clock in
            let noReview = await #expect(throws: EngineError.self) {
                try await engine.incidents.markActionItem(1, of: 1, done: true, by: "c", at: clock.wall.now)
            }
            #expect(noReview?.description == "INC-1 has no review yet: record one with its action items first")
            let unknown = await #expect(throws: StoreError.self) {
                try await engine.incidents.markActionItem(1, of: 9, done: true, by: "c", at: clock.wall.now)
            }
            #expect(unknown?.description == "no incident with id '9'")
            let due = ScheduleFixtures.date("2026-04-30")
            let items: [IncidentReview.ActionItem] = [
                .init(text: "alert on lag", owner: "c", due: due),
                .init(text: "canary deploys", owner: "b", due: due),
            ]
            try await engine.incidents.review(
                1,
                cause: nil,
                summary: "a bad deploy",
                lessons: "",
                actionItems: items,
                by: "b",
                at: clock.wall.now
            )
            let doneAt = clock.wall.now.addingTimeInterval(3600)
            let marked = try await engine.incidents.markActionItem(2, of: 1, done: true, by: "b", at: doneAt)
            #expect(marked.done == .init(by: "b", at: doneAt))
            // Marking it done again changes nothing, not even the time.
            try await engine.incidents.markActionItem(2, of: 1, done: true, by: "c", at: doneAt.addingTimeInterval(60))
            #expect(
                try await store.review(incidentID: 1)?.actionItems.map(\.done) == [nil, .init(by: "b", at: doneAt)]
            )
            let outOfRange = await #expect(throws: EngineError.self) {
                try await engine.incidents.markActionItem(3, of: 1, done: true, by: "b", at: doneAt)
            }
            #expect(outOfRange?.description == "action item 3 does not exist: the review of INC-1 has items 1 to 2")

            // A review written again keeps the mark of the item it repeats, and adds an open one.
            try await engine.incidents.review(
                1,
                cause: nil,
                summary: "a bad deploy, found later",
                lessons: "",
                actionItems: [items[1], .init(text: "a rollback run book step", owner: "c", due: due)],
                by: "b",
                at: doneAt.addingTimeInterval(120)
            )
            let rewritten = try #require(try await store.review(incidentID: 1))
            #expect(rewritten.actionItems.map(\.done) == [.init(by: "b", at: doneAt), nil])

            try await engine.incidents.markActionItem(
                1,
                of: 1,
                done: false,
                by: "c",
                at: doneAt.addingTimeInterval(180)
            )
            #expect(try await store.review(incidentID: 1)?.actionItems.map(\.done) == [nil, nil])
            let timeline = try await store.timeline(incidentID: 1).map(\.detail)
            #expect(
                timeline.filter { $0.hasPrefix("action item") } == [
                    "action item 2 done: canary deploys", "action item 1 open again: canary deploys",
                ]
            )
        }
    }
}
