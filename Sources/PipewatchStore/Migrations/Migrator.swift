import Foundation
import SQLKit

/// Brings a database's schema up to date, once, whoever else is migrating it.
///
/// Everything happens in one transaction: creating `schema_migrations`, reading which
/// migrations it lists, applying the missing ones in order and recording each. A failure
/// leaves the database as it was. On PostgreSQL an advisory lock makes a second process
/// wait and then find nothing to do; on SQLite `BEGIN IMMEDIATE` does the same.
struct Migrator: Sendable {
    /// The key of the PostgreSQL advisory lock held while migrating ("PIPEWATC" in ASCII).
    static let advisoryLockKey: Int64 = 0x5049_5045_5741_5443

    var migrations: [Migration] = Migrations.all

    /// Applies what is missing.
    ///
    /// - Parameters:
    ///   - executor: The database.
    ///   - schema: A PostgreSQL schema to create first, when the location names one.
    /// - Returns: The ids of the migrations applied now, in order; empty when up to date.
    func migrate(_ executor: any DatabaseExecutor, creatingSchema schema: String? = nil) async throws -> [String] {
        let engine = executor.engine
        return try await executor.transaction { database in
            if engine == .postgres {
                // A migration of a big table may take longer than a request's statement timeout.
                try await database.raw("SET LOCAL statement_timeout = 0").run()
                try await database.raw("SELECT pg_advisory_xact_lock(\(bind: Self.advisoryLockKey))").run()
                if let schema {
                    // Checked by PostgresLocation: [a-z_][a-z0-9_]*, so it needs no quoting.
                    try await database.raw("CREATE SCHEMA IF NOT EXISTS \(ident: schema)").run()
                }
            }
            try await database.raw(
                "CREATE TABLE IF NOT EXISTS schema_migrations (id TEXT PRIMARY KEY, applied_at_ms BIGINT NOT NULL)"
            ).run()
            let applied = Set(
                try await database.raw("SELECT id FROM schema_migrations").all(decodingColumn: "id", as: String.self)
            )
            var appliedNow: [String] = []
            for migration in migrations where !applied.contains(migration.id) {
                for statement in migration.statements(engine) {
                    try await database.raw(SQLQueryString(statement)).run()
                }
                let appliedAt = EpochMilliseconds(Date())
                try await database.raw(
                    "INSERT INTO schema_migrations (id, applied_at_ms) VALUES (\(bind: migration.id), \(bind: appliedAt.value))"
                ).run()
                appliedNow.append(migration.id)
            }
            return appliedNow
        }
    }
}
