public import Foundation
public import PipewatchCore
import SQLKit

extension SQLStateStore: IncidentStore {
    public func transaction<Result: Sendable>(
        _ body: @Sendable (any IncidentTransaction) async throws -> Result
    ) async throws -> Result {
        let engine = executor.engine
        do {
            return try await executor.transaction { database in
                try await body(SQLIncidentTransaction(database: database, engine: engine))
            }
        } catch {
            // The body's own errors (a refused transition) pass unchanged; the driver's are wrapped.
            throw StoreError.isDriverError(error) ? StoreError.wrapping(error, doing: "cannot update incidents") : error
        }
    }

    public func openSignals(pipeline: PipelineID?) async throws(StoreError) -> [SignalState] {
        try await perform("cannot list open signals") {
            try await executor.read { database in
                let filter: SQLQueryString = pipeline.map { " AND pipeline = \(bind: $0.rawValue)" } ?? ""
                return try await database.raw(
                    "SELECT * FROM signal_states WHERE is_open = 1\(filter) ORDER BY pipeline, kind, subject"
                ).all(decoding: SignalStateRow.self, keyDecodingStrategy: .convertFromSnakeCase).compactMap(\.state)
            }
        }
    }

    public func incidents(
        states: Set<IncidentState>,
        pipeline: PipelineID?,
        limit: Int
    ) async throws(StoreError) -> [Incident] {
        try await perform("cannot list incidents") {
            try await executor.read { database in
                var conditions: [SQLQueryString] = []
                if !states.isEmpty {
                    let names = states.map(\.rawValue).sorted() as [any Encodable & Sendable]
                    conditions.append("state IN (\(binds: names))")
                }
                if let pipeline { conditions.append("pipeline = \(bind: pipeline.rawValue)") }
                let filter: SQLQueryString =
                    conditions.isEmpty ? "" : " WHERE \(conditions.joined(separator: " AND "))"
                return try await database.raw(
                    "SELECT * FROM incidents\(filter) ORDER BY id DESC LIMIT \(bind: Int64(max(limit, 0)))"
                ).all(decoding: IncidentRow.self, keyDecodingStrategy: .convertFromSnakeCase).map(\.incident)
            }
        }
    }

    public func newestOpenIncidents() async throws(StoreError) -> [Incident] {
        try await perform("cannot list open incidents") {
            try await executor.read { database in
                try await database.raw(
                    """
                    SELECT * FROM incidents WHERE id IN (
                        SELECT MAX(id) FROM incidents WHERE state <> 'resolved' GROUP BY pipeline)
                    ORDER BY pipeline
                    """
                ).all(decoding: IncidentRow.self, keyDecodingStrategy: .convertFromSnakeCase).map(\.incident)
            }
        }
    }

    public func incident(id: Int64) async throws(StoreError) -> (Incident, evidence: [String: String]) {
        let row = try await perform("cannot read incident \(id)") {
            try await executor.read { database in
                try await database.raw("SELECT * FROM incidents WHERE id = \(bind: id)")
                    .first(decoding: IncidentRow.self, keyDecodingStrategy: .convertFromSnakeCase)
            }
        }
        guard let row else { throw .notFound("no incident with id '\(id)'") }
        return (row.incident, row.evidenceFields)
    }

    public func timeline(incidentID: Int64) async throws(StoreError) -> [TimelineEntry] {
        try await perform("cannot read the timeline of incident \(incidentID)") {
            try await executor.read { database in
                try await database.raw(
                    "SELECT * FROM incident_timeline WHERE incident_id = \(bind: incidentID) ORDER BY at_ms, id"
                ).all(decoding: TimelineRow.self, keyDecodingStrategy: .convertFromSnakeCase).map(\.entry)
            }
        }
    }

    public func escalationSteps(incidentID: Int64) async throws(StoreError) -> [EscalationStep] {
        try await perform("cannot read the escalation of incident \(incidentID)") {
            try await executor.read { database in
                try await database.raw(
                    "SELECT * FROM escalation_steps WHERE incident_id = \(bind: incidentID) ORDER BY generation, step"
                ).all(decoding: StepRow.self, keyDecodingStrategy: .convertFromSnakeCase).map(\.escalationStep)
            }
        }
    }

    public func incidentsCleared(before instant: Date) async throws(StoreError) -> [Incident] {
        try await perform("cannot list cleared incidents") {
            try await executor.read { database in
                try await database.raw(
                    """
                    SELECT * FROM incidents WHERE state <> 'resolved' AND auto_resolve = 1
                        AND cleared_at_ms IS NOT NULL AND cleared_at_ms <= \(bind: EpochMilliseconds(instant).value)
                    ORDER BY id
                    """
                ).all(decoding: IncidentRow.self, keyDecodingStrategy: .convertFromSnakeCase).map(\.incident)
            }
        }
    }

    public func dueSteps(at instant: Date, limit: Int) async throws(StoreError) -> [EscalationStep] {
        try await perform("cannot list due escalation steps") {
            try await executor.read { database in
                try await database.raw(
                    """
                    SELECT * FROM escalation_steps WHERE state = 'pending'
                        AND due_at_ms <= \(bind: EpochMilliseconds(instant).value)
                    ORDER BY due_at_ms, id LIMIT \(bind: Int64(limit))
                    """
                ).all(decoding: StepRow.self, keyDecodingStrategy: .convertFromSnakeCase).map(\.escalationStep)
            }
        }
    }
}
