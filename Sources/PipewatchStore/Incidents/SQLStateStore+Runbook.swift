import Foundation
public import PipewatchCore
import SQLKit

extension SQLIncidentTransaction {
    func markStep(incidentID: Int64, _ mark: RunbookStepMark) async throws {
        try await database.raw(
            """
            INSERT INTO incident_steps (incident_id, step_index, state, actor, at_ms, note)
            VALUES (\(bind: incidentID), \(bind: Int64(mark.step)), \(bind: mark.state.rawValue), \(bind: mark.actor),
                \(bind: EpochMilliseconds(mark.at).value), \(bind: mark.note))
            ON CONFLICT (incident_id, step_index) DO UPDATE SET state = excluded.state, actor = excluded.actor,
                at_ms = excluded.at_ms, note = excluded.note
            """
        ).run()
    }

    func review(incidentID: Int64) async throws -> IncidentReview? {
        let forUpdate: SQLQueryString = engine == .postgres ? " FOR UPDATE" : ""
        return try await database.raw(
            "SELECT * FROM incident_reviews WHERE incident_id = \(bind: incidentID)\(forUpdate)"
        )
        .first(decoding: IncidentReviewRow.self, keyDecodingStrategy: .convertFromSnakeCase)?.review
    }

    func saveReview(incidentID: Int64, _ review: IncidentReview) async throws {
        let items = try IncidentReviewRow.json(review.actionItems)
        try await database.raw(
            """
            INSERT INTO incident_reviews (incident_id, cause, summary, lessons, action_items, author, at_ms)
            VALUES (\(bind: incidentID), \(bind: review.cause.rawValue), \(bind: review.summary), \(bind: review.lessons),
                \(bind: items), \(bind: review.author), \(bind: EpochMilliseconds(review.at).value))
            ON CONFLICT (incident_id) DO UPDATE SET cause = excluded.cause, summary = excluded.summary,
                lessons = excluded.lessons, action_items = excluded.action_items, author = excluded.author,
                at_ms = excluded.at_ms
            """
        ).run()
    }
}

extension SQLStateStore {
    public func runbookMarks(incidentID: Int64) async throws(StoreError) -> [RunbookStepMark] {
        struct Row: Decodable {
            var stepIndex: Int64
            var state: String
            var actor: String
            var atMs: Int64
            var note: String?
        }
        let rows = try await perform("cannot read the run book of incident \(incidentID)") {
            try await executor.read { database in
                try await database.raw(
                    "SELECT * FROM incident_steps WHERE incident_id = \(bind: incidentID) ORDER BY step_index"
                ).all(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase)
            }
        }
        return rows.map {
            RunbookStepMark(
                step: Int($0.stepIndex),
                state: RunbookStepMark.State(rawValue: $0.state) ?? .done,
                actor: $0.actor,
                at: EpochMilliseconds($0.atMs).date,
                note: $0.note
            )
        }
    }

    public func actionRuns(incidentID: Int64) async throws(StoreError) -> [ActionRun] {
        try await perform("cannot read the actions of incident \(incidentID)") {
            try await executor.read { database in
                try await database.raw("SELECT * FROM action_runs WHERE incident_id = \(bind: incidentID) ORDER BY id")
                    .all(decoding: ActionRunRow.self, keyDecodingStrategy: .convertFromSnakeCase).map(\.run)
            }
        }
    }

    public func startAction(_ run: ActionRun) async throws(StoreError) -> (run: ActionRun, isNew: Bool) {
        let result = try await perform("cannot record action '\(run.action)'") {
            try await executor.transaction { database -> (ActionRunRow?, Bool) in
                let inserted = try await database.raw(
                    """
                    INSERT INTO action_runs (request_key, incident_id, step_index, action, actor, state, started_at_ms)
                    VALUES (\(bind: run.requestKey), \(bind: run.incidentID), \(bind: Int64(run.step)),
                        \(bind: run.action.rawValue), \(bind: run.actor), 'running', \(bind: EpochMilliseconds(run.startedAt).value))
                    ON CONFLICT (request_key) DO NOTHING
                    RETURNING *
                    """
                ).first(decoding: ActionRunRow.self, keyDecodingStrategy: .convertFromSnakeCase)
                if let inserted { return (inserted, true) }
                let existing = try await database.raw(
                    "SELECT * FROM action_runs WHERE request_key = \(bind: run.requestKey)"
                ).first(decoding: ActionRunRow.self, keyDecodingStrategy: .convertFromSnakeCase)
                return (existing, false)
            }
        }
        guard let row = result.0 else { throw .unavailable("cannot record action '\(run.action)': no row") }
        return (row.run, result.1)
    }

    public func finishAction(_ run: ActionRun) async throws(StoreError) {
        try await perform("cannot record how action '\(run.action)' ended") {
            try await executor.transaction { database in
                try await database.raw(
                    """
                    UPDATE action_runs SET state = \(bind: run.state.rawValue), exit_status = \(bind: run.exitStatus.map(Int64.init)),
                        http_status = \(bind: run.httpStatus.map(Int64.init)), output = \(bind: run.output),
                        duration_ms = \(bind: run.duration.map { Int64(($0 * 1000).rounded()) })
                    WHERE id = \(bind: run.id)
                    """
                ).run()
            }
        }
    }

    public func review(incidentID: Int64) async throws(StoreError) -> IncidentReview? {
        try await perform("cannot read the review of incident \(incidentID)") {
            try await executor.read { database in
                try await database.raw("SELECT * FROM incident_reviews WHERE incident_id = \(bind: incidentID)")
                    .first(decoding: IncidentReviewRow.self, keyDecodingStrategy: .convertFromSnakeCase)?.review
            }
        }
    }
}

/// A row of `action_runs`.
struct ActionRunRow: Decodable {
    var id: Int64
    var requestKey: String
    var incidentId: Int64
    var stepIndex: Int64
    var action: String
    var actor: String
    var state: String
    var exitStatus: Int64?
    var httpStatus: Int64?
    var output: String?
    var durationMs: Int64?
    var startedAtMs: Int64

    var run: ActionRun {
        ActionRun(
            id: id,
            requestKey: requestKey,
            incidentID: incidentId,
            step: Int(stepIndex),
            action: ActionID(action),
            actor: actor,
            state: ActionRun.State(rawValue: state) ?? .failed,
            exitStatus: exitStatus.map(Int.init),
            httpStatus: httpStatus.map(Int.init),
            output: output,
            duration: durationMs.map { Double($0) / 1000 },
            startedAt: EpochMilliseconds(startedAtMs).date
        )
    }
}
