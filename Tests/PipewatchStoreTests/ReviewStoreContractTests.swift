import Foundation
import PipewatchCore
import PipewatchStore
import PipewatchTestSupport
import Testing

/// What the review reads, on every backend: only the period's facts, each once.
@Suite("review store contract")
struct ReviewStoreContractTests {
    private static func at(_ text: String) -> Date { ScheduleFixtures.instant(text) }

    @Test(
        "the facts of a period: incidents with the instant they opened, reopenings, transitions, pages, notices, reviews",
        arguments: StoreBackend.available
    )
    func facts(backend: StoreBackend) async throws {
        try await withTestStore(backend) { store in
            // Given one incident before the period and one in it, reopened in it
            let key = "orders|processing_failure|job:airflow/orders"
            try await store.transaction { transaction in
                for (opened, noticed) in [
                    ("2026-01-01T10:00:00Z", "2026-01-01T10:01:00Z"), ("2026-01-06T10:00:00Z", "2026-01-06T10:02:00Z"),
                ] {
                    let incident = try await transaction.insertIncident(
                        Incident(
                            id: 0,
                            key: key,
                            pipeline: "orders",
                            kind: "processing_failure",
                            title: "t",
                            severity: .normal,
                            openedAt: Self.at(opened)
                        ),
                        evidence: [:]
                    )
                    try await transaction.appendTimeline(
                        incidentID: incident.id,
                        at: Self.at(noticed),
                        actor: "engine",
                        kind: .opened,
                        detail: "opened"
                    )
                    var step = EscalationStep(
                        incidentID: incident.id,
                        generation: 1,
                        step: 0,
                        round: 0,
                        oncall: "a",
                        dueAt: Self.at(noticed)
                    )
                    try await transaction.scheduleStep(step)
                    step.state = .paged
                    step.target = "a"
                    step.firedAt = Self.at(noticed)
                    _ = try await transaction.completeStep(step)
                }
                try await transaction.appendTimeline(
                    incidentID: 2,
                    at: Self.at("2026-01-07T09:00:00Z"),
                    actor: "engine",
                    kind: .reopened,
                    detail: "reopened"
                )
                let signal = Signal(
                    kind: .processingFailure,
                    pipeline: "orders",
                    subject: "job:airflow/orders",
                    openedAt: Self.at("2026-01-06T10:00:00Z"),
                    summary: "s",
                    evidence: [:]
                )
                try await transaction.saveSignalState(
                    SignalState(signal: signal, isOpen: true, changedAt: Self.at("2026-01-06T10:00:00Z")),
                    transition: .opened,
                    at: Self.at("2026-01-06T10:00:00Z")
                )
                try await transaction.saveSignalState(
                    SignalState(signal: signal, isOpen: false, changedAt: Self.at("2026-01-06T11:00:00Z")),
                    transition: .cleared,
                    at: Self.at("2026-01-06T11:00:00Z")
                )
                // A notice to a stakeholder with two contact methods is two outbox rows, one notice
                for index in 0..<2 {
                    _ = try await transaction.enqueue(
                        OutboxMessage(
                            idempotencyKey: "notice/orders/2026-01-06/late/stakeholder:ir/\(index)",
                            incidentID: 2,
                            kind: "stakeholder_notice",
                            recipient: "stakeholder:ir",
                            channel: "webhook",
                            contact: "{}",
                            title: "late",
                            body: "{}",
                            nextAttemptAt: Self.at("2026-01-06T10:05:00Z"),
                            createdAt: Self.at("2026-01-06T10:05:00Z")
                        )
                    )
                }
                try await transaction.saveReview(
                    incidentID: 1,
                    IncidentReview(
                        cause: .latency,
                        summary: "s",
                        lessons: "l",
                        actionItems: [
                            .init(text: "x", owner: "b", due: ScheduleFixtures.date("2026-01-09")),
                            .init(
                                text: "y",
                                owner: "a",
                                due: ScheduleFixtures.date("2026-01-08"),
                                done: .init(by: "a", at: Self.at("2026-01-07T08:30:00.250Z"))
                            ),
                        ],
                        author: "a",
                        at: Self.at("2026-01-02T00:00:00Z")
                    )
                )
            }
            // When the review reads the week of 5 January
            let facts = try await store.reviewFacts(
                from: Self.at("2026-01-05T00:00:00Z"),
                to: Self.at("2026-01-12T00:00:00Z")
            )
            // Then only the second incident, noticed two minutes after its evidence began
            #expect(facts.incidents.map(\.incident.id) == [2])
            #expect(facts.incidents.first?.noticedAt == Self.at("2026-01-06T10:02:00Z"))
            #expect(facts.reopenings.map(\.key) == [key])
            #expect(facts.transitions.map(\.change) == ["opened", "cleared"])
            #expect(facts.pages.map { "\($0.engineer) \($0.incidentID)" } == ["a 2"])
            #expect(facts.notices.map(\.recipient) == ["stakeholder:ir"])
            // And every review, whenever written, for its action items
            #expect(facts.reviews[1]?.actionItems.map(\.owner) == ["b", "a"])
            // with who marked them done and when, to the millisecond, as the incident's own read gives
            #expect(
                facts.reviews[1]?.actionItems.map(\.done) == [
                    nil, .init(by: "a", at: Self.at("2026-01-07T08:30:00.250Z")),
                ]
            )
            #expect(try await store.review(incidentID: 1) == facts.reviews[1])
        }
    }
}
