public import Foundation
import PipewatchCore
import SQLKit

extension SQLStateStore {
    public func claimDueMessages(
        at instant: Date,
        lease: Duration,
        limit: Int
    ) async throws(StoreError) -> [OutboxMessage] {
        let now = EpochMilliseconds(instant).value
        let leaseMs = lease.components.seconds * 1000 + lease.components.attoseconds / 1_000_000_000_000_000
        let isPostgres = executor.engine == .postgres
        // On PostgreSQL the lease runs on the database server's clock, which every instance shares
        // (their own clocks may differ, and tests move them); SQLite has one process.
        let leaseNow: SQLQueryString = isPostgres ? Self.databaseNowMs : "\(bind: now)"
        let holder = InstanceIdentity.current
        return try await perform("cannot read the outbox") {
            try await executor.transaction { database in
                let skipLocked: SQLQueryString = isPostgres ? " FOR UPDATE SKIP LOCKED" : ""
                // A follow-up waits until what went before it to the same contact about the incident
                // is delivered (or given up): a PagerDuty acknowledge sent before its trigger would
                // be dropped, and the trigger would then open an incident nobody acknowledges.
                let ids = try await database.raw(
                    """
                    SELECT id FROM outbox WHERE state = 'pending' AND next_attempt_ms <= \(bind: now)
                        AND (lease_until_ms IS NULL OR lease_until_ms <= \(leaseNow))
                        AND (kind NOT IN (\(binds: OutboxMessage.followUpKinds)) OR NOT EXISTS (
                            SELECT 1 FROM outbox earlier WHERE earlier.incident_id = outbox.incident_id
                                AND earlier.contact = outbox.contact AND earlier.state = 'pending'
                                AND earlier.id < outbox.id))
                    ORDER BY next_attempt_ms, id LIMIT \(bind: Int64(limit))\(skipLocked)
                    """
                ).all(decodingColumn: "id", as: Int64.self)
                guard !ids.isEmpty else { return [] }
                return try await database.raw(
                    """
                    UPDATE outbox SET lease_until_ms = \(leaseNow) + \(bind: leaseMs), lease_holder = \(bind: holder)
                    WHERE id IN (\(binds: ids as [any Encodable & Sendable])) RETURNING *
                    """
                ).all(decoding: OutboxRow.self, keyDecodingStrategy: .convertFromSnakeCase).map(\.message)
                    .sorted { ($0.nextAttemptAt, $0.id) < ($1.nextAttemptAt, $1.id) }
            }
        }
    }

    public func markDelivered(messageID: Int64, at instant: Date) async throws(StoreError) {
        try await perform("cannot record a delivery") {
            try await executor.transaction { database in
                try await database.raw(
                    """
                    UPDATE outbox SET state = 'delivered', delivered_at_ms = \(bind: EpochMilliseconds(instant).value),
                        attempts = attempts + 1, lease_until_ms = NULL, last_error = NULL
                    WHERE id = \(bind: messageID)
                    """
                ).run()
            }
        }
    }

    public func markFailed(messageID: Int64, error: String, retryAt: Date?) async throws(StoreError) {
        let state = retryAt == nil ? "dead" : "pending"
        let next: SQLQueryString = retryAt.map { ", next_attempt_ms = \(bind: EpochMilliseconds($0).value)" } ?? ""
        try await perform("cannot record a failed delivery") {
            try await executor.transaction { database in
                try await database.raw(
                    """
                    UPDATE outbox SET state = \(bind: state), attempts = attempts + 1, lease_until_ms = NULL,
                        last_error = \(bind: String(error.prefix(1000)))\(next)
                    WHERE id = \(bind: messageID)
                    """
                ).run()
            }
        }
    }

    public func messages(
        incidentID: Int64?,
        state: OutboxMessage.State?,
        limit: Int
    ) async throws(StoreError) -> [OutboxMessage] {
        try await perform("cannot list notifications") {
            try await executor.read { database in
                var conditions: [SQLQueryString] = []
                if let incidentID { conditions.append("incident_id = \(bind: incidentID)") }
                if let state { conditions.append("state = \(bind: state.rawValue)") }
                let filter: SQLQueryString =
                    conditions.isEmpty ? "" : " WHERE \(conditions.joined(separator: " AND "))"
                return try await database.raw(
                    "SELECT * FROM outbox\(filter) ORDER BY id DESC LIMIT \(bind: Int64(max(limit, 0)))"
                ).all(decoding: OutboxRow.self, keyDecodingStrategy: .convertFromSnakeCase).map(\.message)
            }
        }
    }

    public func retryMessage(id: Int64, at instant: Date) async throws(StoreError) -> OutboxMessage {
        let row = try await perform("cannot retry notification \(id)") {
            try await executor.transaction { database -> OutboxRow? in
                guard
                    let row = try await database.raw("SELECT * FROM outbox WHERE id = \(bind: id)")
                        .first(decoding: OutboxRow.self, keyDecodingStrategy: .convertFromSnakeCase)
                else { return nil }
                guard row.state != OutboxMessage.State.delivered.rawValue else { return row }
                return try await database.raw(
                    """
                    UPDATE outbox SET state = 'pending', attempts = 0, lease_until_ms = NULL,
                        next_attempt_ms = \(bind: EpochMilliseconds(instant).value)
                    WHERE id = \(bind: id) RETURNING *
                    """
                ).first(decoding: OutboxRow.self, keyDecodingStrategy: .convertFromSnakeCase)
            }
        }
        guard let row else { throw .notFound("no notification with id '\(id)'") }
        guard row.state != OutboxMessage.State.delivered.rawValue else {
            throw .conflict("notification '\(id)' was already delivered; it is not sent again")
        }
        return row.message
    }

    public func engineCounts() async throws(StoreError) -> EngineCounts {
        struct Count: Decodable {
            var name: String
            var count: Int64
        }
        let (incidents, messages, steps, signals) = try await perform("cannot count incidents") {
            try await executor.read { database in
                let incidents = try await database.raw(
                    "SELECT severity AS name, COUNT(*) AS count FROM incidents WHERE state <> 'resolved' GROUP BY severity"
                ).all(decoding: Count.self)
                let messages = try await database.raw(
                    "SELECT state AS name, COUNT(*) AS count FROM outbox GROUP BY state"
                ).all(decoding: Count.self)
                let steps = try await database.raw(
                    "SELECT state AS name, COUNT(*) AS count FROM escalation_steps GROUP BY state"
                ).all(decoding: Count.self)
                let signals = try await database.raw(
                    "SELECT kind AS name, COUNT(*) AS count FROM signal_states WHERE is_open = 1 GROUP BY kind"
                ).all(decoding: Count.self)
                return (incidents, messages, steps, signals)
            }
        }
        func tally<Key: Hashable>(_ rows: [Count], _ key: (String) -> Key?) -> [Key: Int] {
            var result: [Key: Int] = [:]
            for row in rows { if let key = key(row.name) { result[key] = Int(row.count) } }
            return result
        }
        return EngineCounts(
            openIncidents: tally(incidents) { Severity(rawValue: $0) },
            messages: tally(messages) { OutboxMessage.State(rawValue: $0) },
            steps: tally(steps) { EscalationStep.State(rawValue: $0) },
            openSignals: tally(signals) { $0 }
        )
    }
}
