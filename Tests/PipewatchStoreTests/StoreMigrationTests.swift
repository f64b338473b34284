import Foundation
import PipewatchCore
import PipewatchStore
import PipewatchTestSupport
import Testing

@Suite("state store migrations")
struct StoreMigrationTests {
    @Test("docs/store.md lists every migration a new database gets")
    func documented() async throws {
        let docs = try String(contentsOf: RepositoryFiles.root.appendingPathComponent("docs/store.md"), encoding: .utf8)
        let ids = try await freshMigrationIDs()
        #expect(!ids.isEmpty)
        for id in ids {
            #expect(docs.contains("| `\(id)` |"), "docs/store.md does not list migration \(id)")
        }
    }

    /// The migrations a new in-memory database gets, in order.
    private func freshMigrationIDs() async throws -> [String] {
        let store = try await SQLStateStore.open(at: .sqliteInMemory, logger: .discarding)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await store.run() }
            defer { group.cancelAll() }
            let ids = try await store.migrate()
            try await store.close()
            return ids
        }
    }

    @Test("a new database gets every migration once, in order", arguments: StoreBackend.available)
    func migrationsApplyOnce(backend: StoreBackend) async throws {
        let store = try await SQLStateStore.open(at: backend.makeLocation(), logger: .discarding)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await store.run() }
            defer { group.cancelAll() }
            do {
                let first = try await store.migrate()
                let second = try await store.migrate()
                #expect(
                    first == [
                        "0001_schedule_state", "0002_run_signals", "0003_incidents", "0004_checks", "0005_run_assembly",
                        "0006_run_parents",
                        "0007_pipeline_changes",
                        "0008_dashboard_sessions",
                        "0009_calendar_feeds",
                        "0010_leases",
                        "0011_runs_by_pipeline_job",
                    ]
                )
                #expect(second.isEmpty)
            } catch {
                try? await store.dropSchemaForTesting()
                try? await store.close()
                throw error
            }
            try await store.dropSchemaForTesting()
            try await store.close()
        }
    }

    @Test(
        "two stores migrating one PostgreSQL schema at once both succeed",
        .enabled(if: StoreBackend.postgresURL != nil, "needs PIPEWATCH_TEST_POSTGRES_URL")
    )
    func concurrentMigrationsOnPostgres() async throws {
        let location = try StoreBackend.postgres.makeLocation()
        let applied = try await withThrowingTaskGroup(of: [String].self, returning: [[String]].self) { group in
            for _ in 0..<2 {
                group.addTask {
                    try await SQLStateStore.withStore(at: location, logger: .discarding) { _ in [] }
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        // withStore migrates at open; a third open sees a current schema.
        let third = try await SQLStateStore.withStore(at: location, logger: .discarding) { store in
            let applied = try await store.migrate()
            try await store.dropSchemaForTesting()
            return applied
        }
        #expect(applied.count == 2)
        #expect(third.isEmpty)
    }
}
