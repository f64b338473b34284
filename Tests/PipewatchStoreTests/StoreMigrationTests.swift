import Foundation
import PipewatchCore
import PipewatchStore
import Testing

@Suite("state store migrations and files")
struct StoreMigrationTests {
    @Test("an SQLite file and its folder are created on first use, and reopening migrates nothing")
    func fileStoreReopens() async throws {
        // Given: a path in a folder that does not exist yet
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "pipewatch-store-\(UUID().uuidString)"
        )
        defer { try? FileManager.default.removeItem(at: folder) }
        let location = StoreLocation.sqliteFile(path: folder.appendingPathComponent(".pipewatch/state.sqlite").path)
        let away = TimeOff(engineer: "a", from: Fixtures.date("2024-02-29"), to: Fixtures.date("2024-02-29"))

        // When
        let added = try await SQLStateStore.withStore(at: location, logger: .discarding) { store in
            let record = try await store.addTimeOff(away, at: Fixtures.now) { _ in Fixtures.audit("timeoff.add") }
            #expect(
                FileManager.default.fileExists(
                    atPath: folder.appendingPathComponent(".pipewatch/state.sqlite-wal").path
                )
            )
            return record
        }
        let (appliedAgain, stored) = try await SQLStateStore.withStore(at: location, logger: .discarding) { store in
            (try await store.migrate(), try await store.allTimeOff())
        }

        // Then
        #expect(appliedAgain.isEmpty)
        #expect(stored == [added])
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
                #expect(first == ["0001_schedule_state"])
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
