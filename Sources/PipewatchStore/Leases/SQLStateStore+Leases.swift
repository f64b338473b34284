public import Foundation
import SQLKit

extension SQLStateStore: LeaseStore {
    /// The database server's clock in epoch milliseconds, for lease expiry on PostgreSQL.
    static let databaseNowMs: SQLQueryString = "(EXTRACT(EPOCH FROM clock_timestamp()) * 1000)::BIGINT"

    public var sharesWork: Bool { executor.engine == .postgres }

    public func acquireLease(module: String, holder: String, period: Duration) async throws(StoreError) -> Bool {
        guard executor.engine == .postgres else { return true }
        let periodMs = period.components.seconds * 1000 + period.components.attoseconds / 1_000_000_000_000_000
        return try await perform("cannot take the lease on '\(module)'") {
            try await executor.transaction { database in
                let now = Self.databaseNowMs
                let rows = try await database.raw(
                    """
                    INSERT INTO engine_leases (module, holder, acquired_at_ms, lease_until_ms)
                    VALUES (\(bind: module), \(bind: holder), \(now), \(now) + \(bind: periodMs))
                    ON CONFLICT (module) DO UPDATE SET holder = excluded.holder,
                        acquired_at_ms = CASE WHEN engine_leases.holder = excluded.holder
                            THEN engine_leases.acquired_at_ms ELSE excluded.acquired_at_ms END,
                        lease_until_ms = excluded.lease_until_ms
                    WHERE engine_leases.holder = excluded.holder OR engine_leases.lease_until_ms <= \(now)
                    RETURNING holder
                    """
                ).all()
                return !rows.isEmpty
            }
        }
    }

    public func releaseLease(module: String, holder: String) async throws(StoreError) {
        guard executor.engine == .postgres else { return }
        try await perform("cannot give up the lease on '\(module)'") {
            try await executor.transaction { database in
                try await database.raw(
                    "DELETE FROM engine_leases WHERE module = \(bind: module) AND holder = \(bind: holder)"
                ).run()
            }
        }
    }

    public func leases() async throws(StoreError) -> [ModuleLeaseRow] {
        struct Row: Decodable {
            var module: String
            var holder: String
            var acquiredAtMs: Int64
            var leaseUntilMs: Int64
        }
        return try await perform("cannot read the engine's leases") {
            try await executor.read { database in
                try await database.raw("SELECT * FROM engine_leases ORDER BY module")
                    .all(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase)
                    .map {
                        ModuleLeaseRow(
                            module: $0.module,
                            holder: $0.holder,
                            acquiredAt: Date(timeIntervalSince1970: Double($0.acquiredAtMs) / 1000),
                            leaseUntil: Date(timeIntervalSince1970: Double($0.leaseUntilMs) / 1000)
                        )
                    }
            }
        }
    }
}
