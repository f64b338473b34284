import Foundation
import PipewatchCore
import SQLKit

/// ``IncidentTransaction`` on one SQL connection that is inside a transaction.
struct SQLIncidentTransaction: IncidentTransaction {
    let database: any SQLDatabase
    let engine: DatabaseEngine

    /// `FOR UPDATE` on PostgreSQL, so two instances never change one incident at once; SQLite's
    /// `BEGIN IMMEDIATE` already holds the only write lock.
    private var lock: SQLQueryString { engine == .postgres ? " FOR UPDATE" : "" }

    func signalStates(of pipelines: [PipelineID]) async throws -> [SignalState] {
        guard !pipelines.isEmpty else { return [] }
        // Two instances evaluating one pipeline at once would both see a signal closed and both
        // open an incident for it: on PostgreSQL the pipelines are locked, in one order, until
        // this transaction ends, so the second reads what the first stored.
        try await AdvisoryLock.take(AdvisoryLock.pipelines, pipelines.map(\.rawValue), in: database, engine: engine)
        return try await database.raw(
            "SELECT * FROM signal_states WHERE pipeline IN (\(binds: pipelines.map(\.rawValue) as [any Encodable & Sendable]))"
        ).all(decoding: SignalStateRow.self, keyDecodingStrategy: .convertFromSnakeCase).compactMap(\.state)
    }

    func saveSignalState(_ state: SignalState, transition: SignalTransition?, at now: Date) async throws {
        let signal = state.signal
        try await database.raw(
            """
            INSERT INTO signal_states (signal_key, pipeline, kind, subject, is_open, opened_at_ms, cleared_at_ms,
                summary, evidence, changed_at_ms)
            VALUES (\(bind: signal.key), \(bind: signal.pipeline.rawValue), \(bind: signal.kind.rawValue),
                \(bind: signal.subject), \(bind: state.isOpen ? 1 : 0), \(bind: EpochMilliseconds(signal.openedAt).value),
                \(bind: state.clearedAt.map { EpochMilliseconds($0).value }), \(bind: signal.summary),
                \(bind: JSONText.encode(signal.evidence)), \(bind: EpochMilliseconds(state.changedAt).value))
            ON CONFLICT (signal_key) DO UPDATE SET is_open = excluded.is_open, opened_at_ms = excluded.opened_at_ms,
                cleared_at_ms = excluded.cleared_at_ms, summary = excluded.summary, evidence = excluded.evidence,
                changed_at_ms = excluded.changed_at_ms
            """
        ).run()
        guard let transition else { return }
        try await database.raw(
            """
            INSERT INTO signal_transitions (signal_key, pipeline, kind, transition, at_ms, summary)
            VALUES (\(bind: signal.key), \(bind: signal.pipeline.rawValue), \(bind: signal.kind.rawValue),
                \(bind: transition.rawValue), \(bind: EpochMilliseconds(now).value), \(bind: signal.summary))
            """
        ).run()
    }

    func latestIncident(key: String) async throws -> Incident? {
        // No row to lock yet when the first alert with a key arrives at two instances at once:
        // the key itself is locked, so only one of them opens the incident.
        try await AdvisoryLock.take(AdvisoryLock.incidentKeys, [key], in: database, engine: engine)
        return try await database.raw(
            "SELECT * FROM incidents WHERE incident_key = \(bind: key) ORDER BY id DESC LIMIT 1\(lock)"
        ).first(decoding: IncidentRow.self, keyDecodingStrategy: .convertFromSnakeCase)?.incident
    }

    func incident(id: Int64) async throws -> Incident? {
        try await database.raw("SELECT * FROM incidents WHERE id = \(bind: id)\(lock)")
            .first(decoding: IncidentRow.self, keyDecodingStrategy: .convertFromSnakeCase)?.incident
    }

    func claimIncident(id: Int64) async throws -> Incident? {
        let skipLocked: SQLQueryString = engine == .postgres ? " FOR UPDATE SKIP LOCKED" : ""
        return try await database.raw("SELECT * FROM incidents WHERE id = \(bind: id)\(skipLocked)")
            .first(decoding: IncidentRow.self, keyDecodingStrategy: .convertFromSnakeCase)?.incident
    }

    func incidentEvidence(id: Int64) async throws -> [String: String] {
        let text = try await database.raw("SELECT evidence FROM incidents WHERE id = \(bind: id)").first()?
            .decode(column: "evidence", as: String.self)
        return text.flatMap(JSONText.decode) ?? [:]
    }

    func insertIncident(_ incident: Incident, evidence: [String: String]) async throws -> Incident {
        let row = try await database.raw(
            """
            INSERT INTO incidents (incident_key, pipeline, kind, title, severity, state, count, opened_at_ms,
                last_seen_ms, acknowledged_at_ms, acknowledged_by, resolved_at_ms, resolved_by, assignee,
                cleared_at_ms, auto_resolve, evidence)
            VALUES (\(binds: Self.columns(of: incident) + [JSONText.encode(evidence)]))
            RETURNING *
            """
        ).first(decoding: IncidentRow.self, keyDecodingStrategy: .convertFromSnakeCase)
        guard let row else { throw StoreError.unavailable("cannot open an incident: the database returned no row") }
        return row.incident
    }

    func updateIncident(_ incident: Incident, evidence: [String: String]?) async throws {
        let values = Self.columns(of: incident)
        let names = [
            "incident_key", "pipeline", "kind", "title", "severity", "state", "count", "opened_at_ms", "last_seen_ms",
            "acknowledged_at_ms", "acknowledged_by", "resolved_at_ms", "resolved_by", "assignee", "cleared_at_ms",
            "auto_resolve",
        ]
        var assignments = zip(names, values).map { name, value -> SQLQueryString in
            "\(unsafeRaw: name) = \(bind: value)"
        }
        if let evidence { assignments.append("evidence = \(bind: JSONText.encode(evidence))") }
        try await database.raw(
            "UPDATE incidents SET \(assignments.joined(separator: ", ")) WHERE id = \(bind: incident.id)"
        ).run()
    }

    private static func columns(of incident: Incident) -> [any Encodable & Sendable] {
        [
            incident.key, incident.pipeline.rawValue, incident.kind, incident.title, incident.severity.rawValue,
            incident.state.rawValue, Int64(incident.count), EpochMilliseconds(incident.openedAt).value,
            EpochMilliseconds(incident.lastSeenAt).value, incident.acknowledgedAt.map { EpochMilliseconds($0).value },
            incident.acknowledgedBy, incident.resolvedAt.map { EpochMilliseconds($0).value }, incident.resolvedBy,
            incident.assignee?.rawValue, incident.clearedAt.map { EpochMilliseconds($0).value },
            Int64(incident.autoResolve ? 1 : 0),
        ]
    }

    func appendTimeline(incidentID: Int64, at: Date, actor: String, kind: TimelineKind, detail: String) async throws {
        try await database.raw(
            """
            INSERT INTO incident_timeline (incident_id, at_ms, actor, kind, detail)
            VALUES (\(bind: incidentID), \(bind: EpochMilliseconds(at).value), \(bind: actor), \(bind: kind.rawValue),
                \(bind: detail))
            """
        ).run()
    }

    func scheduleStep(_ step: EscalationStep) async throws {
        try await database.raw(
            """
            INSERT INTO escalation_steps (incident_id, generation, step, round, oncall, due_at_ms, state)
            VALUES (\(bind: step.incidentID), \(bind: Int64(step.generation)), \(bind: Int64(step.step)),
                \(bind: Int64(step.round)), \(bind: step.oncall?.rawValue), \(bind: EpochMilliseconds(step.dueAt).value),
                'pending')
            ON CONFLICT (incident_id, generation, step) DO NOTHING
            """
        ).run()
    }

    func completeStep(_ step: EscalationStep) async throws -> Bool {
        let updated = try await database.raw(
            """
            UPDATE escalation_steps SET state = \(bind: step.state.rawValue), target = \(bind: step.target?.rawValue),
                detail = \(bind: step.detail), fired_at_ms = \(bind: step.firedAt.map { EpochMilliseconds($0).value })
            WHERE incident_id = \(bind: step.incidentID) AND generation = \(bind: Int64(step.generation))
                AND step = \(bind: Int64(step.step)) AND state = 'pending'
            RETURNING id
            """
        ).all()
        return !updated.isEmpty
    }

    func cancelPendingSteps(incidentID: Int64, at now: Date) async throws -> Int {
        try await database.raw(
            """
            UPDATE escalation_steps SET state = 'cancelled', fired_at_ms = \(bind: EpochMilliseconds(now).value)
            WHERE incident_id = \(bind: incidentID) AND state = 'pending'
            RETURNING id
            """
        ).all().count
    }

    func latestGeneration(incidentID: Int64) async throws -> Int {
        let row = try await database.raw(
            "SELECT COALESCE(MAX(generation), 0) AS generation FROM escalation_steps WHERE incident_id = \(bind: incidentID)"
        ).first()
        return Int(try row?.decode(column: "generation", as: Int64.self) ?? 0)
    }

    func pagedEngineers(incidentID: Int64, generation: Int, round: Int) async throws -> Set<EngineerID> {
        let targets = try await database.raw(
            """
            SELECT target FROM escalation_steps
            WHERE incident_id = \(bind: incidentID) AND generation = \(bind: Int64(generation))
                AND round = \(bind: Int64(round)) AND state = 'paged'
            """
        ).all(decodingColumn: "target", as: String.self)
        return Set(targets.map { EngineerID($0) })
    }

    func enqueue(_ message: OutboxMessage) async throws -> Bool {
        let inserted = try await database.raw(
            """
            INSERT INTO outbox (idempotency_key, incident_id, kind, recipient, channel, contact, title, body, state,
                attempts, next_attempt_ms, created_at_ms)
            VALUES (\(bind: message.idempotencyKey), \(bind: message.incidentID), \(bind: message.kind),
                \(bind: message.recipient), \(bind: message.channel), \(bind: message.contact), \(bind: message.title),
                \(bind: message.body), 'pending', 0, \(bind: EpochMilliseconds(message.nextAttemptAt).value),
                \(bind: EpochMilliseconds(message.createdAt).value))
            ON CONFLICT (idempotency_key) DO NOTHING
            RETURNING id
            """
        ).all()
        return !inserted.isEmpty
    }

    func outboxContacts(incidentID: Int64, channel: String) async throws -> [String] {
        try await database.raw(
            """
            SELECT DISTINCT contact FROM outbox WHERE incident_id = \(bind: incidentID) AND channel = \(bind: channel)
            ORDER BY contact
            """
        ).all(decodingColumn: "contact", as: String.self)
    }
}
