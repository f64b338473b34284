public import Foundation
public import PipewatchCore
import SQLKit

extension SQLStateStore: ReviewStore {
    public func reviewFacts(from: Date, to: Date) async throws(StoreError) -> ReviewFacts {
        let start = EpochMilliseconds(from).value
        let end = EpochMilliseconds(to).value
        return try await perform("cannot read the facts of the review") {
            try await executor.read { database in
                struct Opened: Decodable {
                    var id: Int64
                    var noticedAtMs: Int64?
                }
                let incidents = try await database.raw(
                    """
                    SELECT * FROM incidents
                    WHERE opened_at_ms >= \(bind: start) AND opened_at_ms < \(bind: end) ORDER BY id
                    """
                ).all(decoding: IncidentRow.self, keyDecodingStrategy: .convertFromSnakeCase).map(\.incident)
                // When Pipewatch opened each incident: its first 'opened' timeline entry.
                let noticed = try await database.raw(
                    """
                    SELECT i.id AS id, MIN(t.at_ms) AS noticed_at_ms FROM incidents i
                    JOIN incident_timeline t ON t.incident_id = i.id AND t.kind = 'opened'
                    WHERE i.opened_at_ms >= \(bind: start) AND i.opened_at_ms < \(bind: end) GROUP BY i.id
                    """
                ).all(decoding: Opened.self, keyDecodingStrategy: .convertFromSnakeCase)
                let noticedAt = Dictionary(noticed.compactMap { row in row.noticedAtMs.map { (row.id, $0) } }) { a, _ in
                    a
                }
                struct Reopened: Decodable {
                    var incidentKey: String
                    var pipeline: String
                    var atMs: Int64
                }
                let reopenings = try await database.raw(
                    """
                    SELECT i.incident_key AS incident_key, i.pipeline AS pipeline, t.at_ms AS at_ms
                    FROM incident_timeline t JOIN incidents i ON i.id = t.incident_id
                    WHERE t.kind = 'reopened' AND t.at_ms >= \(bind: start) AND t.at_ms < \(bind: end)
                    ORDER BY t.at_ms
                    """
                ).all(decoding: Reopened.self, keyDecodingStrategy: .convertFromSnakeCase)
                let reviews = try await database.raw("SELECT * FROM incident_reviews ORDER BY incident_id")
                    .all(decoding: IncidentReviewRow.self, keyDecodingStrategy: .convertFromSnakeCase)
                struct Transition: Decodable {
                    var signalKey: String
                    var pipeline: String
                    var kind: String
                    var transition: String
                    var atMs: Int64
                }
                let transitions = try await database.raw(
                    """
                    SELECT signal_key, pipeline, kind, transition, at_ms FROM signal_transitions
                    WHERE at_ms >= \(bind: start) AND at_ms < \(bind: end) ORDER BY id
                    """
                ).all(decoding: Transition.self, keyDecodingStrategy: .convertFromSnakeCase)
                struct Page: Decodable {
                    var target: String
                    var incidentId: Int64
                    var firedAtMs: Int64
                }
                let pages = try await database.raw(
                    """
                    SELECT target, incident_id, fired_at_ms FROM escalation_steps
                    WHERE state = 'paged' AND target IS NOT NULL
                        AND fired_at_ms >= \(bind: start) AND fired_at_ms < \(bind: end)
                    ORDER BY fired_at_ms, id
                    """
                ).all(decoding: Page.self, keyDecodingStrategy: .convertFromSnakeCase)
                struct Notice: Decodable {
                    var idempotencyKey: String
                    var recipient: String
                    var title: String
                    var createdAtMs: Int64
                }
                let notices = try await database.raw(
                    """
                    SELECT idempotency_key, recipient, title, created_at_ms FROM outbox
                    WHERE kind = 'stakeholder_notice'
                        AND created_at_ms >= \(bind: start) AND created_at_ms < \(bind: end)
                    ORDER BY id
                    """
                ).all(decoding: Notice.self, keyDecodingStrategy: .convertFromSnakeCase)
                // One row per contact method: a notice is its key without the trailing contact index.
                var seen: Set<String> = []
                let distinctNotices = notices.filter { row in
                    seen.insert(row.idempotencyKey.split(separator: "/").dropLast().joined(separator: "/")).inserted
                }
                return ReviewFacts(
                    incidents: incidents.map {
                        ReviewFacts.OpenedIncident($0, noticedAt: noticedAt[$0.id].map { EpochMilliseconds($0).date })
                    },
                    reopenings: reopenings.map {
                        ReviewFacts.Reopening(
                            key: $0.incidentKey,
                            pipeline: PipelineID($0.pipeline),
                            at: EpochMilliseconds($0.atMs).date
                        )
                    },
                    reviews: Dictionary(
                        reviews.map { ($0.incidentId, $0.review) }
                    ) { first, _ in first },
                    transitions: transitions.map {
                        ReviewFacts.Transition(
                            key: $0.signalKey,
                            pipeline: PipelineID($0.pipeline),
                            kind: $0.kind,
                            change: $0.transition,
                            at: EpochMilliseconds($0.atMs).date
                        )
                    },
                    pages: pages.map {
                        ReviewFacts.Page(
                            engineer: EngineerID($0.target),
                            incidentID: $0.incidentId,
                            at: EpochMilliseconds($0.firedAtMs).date
                        )
                    },
                    notices: distinctNotices.map {
                        ReviewFacts.Notice(
                            recipient: $0.recipient,
                            title: $0.title,
                            at: EpochMilliseconds($0.createdAtMs).date
                        )
                    }
                )
            }
        }
    }
}
