import Foundation
import PipewatchStore
import PipewatchTestSupport
import Testing

/// Leases on engine modules, and the lock that keeps a second server off an SQLite file.
@Suite("engine leases")
struct LeaseStoreTests {
    @Test("on PostgreSQL one holder has a module's lease until it expires or is given up")
    func postgresLease() async throws {
        guard StoreBackend.available.contains(.postgres) else { return }
        try await withTestStore(.postgres) { store in
            // Given: A holds the lease for a minute
            #expect(store.sharesWork)
            #expect(try await store.acquireLease(module: "checks", holder: "a", period: .seconds(60)))
            // When / Then: B is refused, A renews, another module is free
            #expect(try await store.acquireLease(module: "checks", holder: "b", period: .seconds(60)) == false)
            #expect(try await store.acquireLease(module: "checks", holder: "a", period: .seconds(60)))
            #expect(try await store.acquireLease(module: "notices", holder: "b", period: .seconds(60)))
            // B may not give up A's lease; A may, and then B takes it
            try await store.releaseLease(module: "checks", holder: "b")
            #expect(try await store.acquireLease(module: "checks", holder: "b", period: .seconds(60)) == false)
            try await store.releaseLease(module: "checks", holder: "a")
            #expect(try await store.acquireLease(module: "checks", holder: "b", period: .seconds(60)))
            let rows = try await store.leases()
            #expect(rows.map(\.module) == ["checks", "notices"])
            #expect(rows.map(\.holder) == ["b", "b"])
        }
    }

    @Test("on PostgreSQL an expired lease (its holder stopped renewing) is taken over")
    func postgresTakeover() async throws {
        guard StoreBackend.available.contains(.postgres) else { return }
        try await withTestStore(.postgres) { store in
            // Given: A took a lease that ends at once, on the database's clock, as a dead holder's does
            #expect(try await store.acquireLease(module: "checks", holder: "a", period: .zero))
            // When
            let taken = try await store.acquireLease(module: "checks", holder: "b", period: .seconds(60))
            // Then: B has it, and A no longer renews it
            #expect(taken)
            #expect(try await store.acquireLease(module: "checks", holder: "a", period: .seconds(60)) == false)
            #expect(try await store.leases().first?.holder == "b")
        }
    }

    @Test("SQLite runs one process, so every lease is granted")
    func sqliteLease() async throws {
        try await withTestStore(.sqlite) { store in
            let first = try await store.acquireLease(module: "checks", holder: "a", period: .seconds(30))
            let second = try await store.acquireLease(module: "checks", holder: "b", period: .seconds(30))
            #expect(store.sharesWork == false)
            #expect(first && second)
        }
    }

    @Test("a second server on one SQLite file is refused, naming the first; the lock goes with the first")
    func sqliteFileLock() async throws {
        try await TemporaryDirectory.with { folder in
            let database = folder.url.appendingPathComponent("state.sqlite").path
            // Given
            var first: EngineFileLock? = try EngineFileLock.acquire(besideDatabaseAt: database)
            // When
            let refusal = #expect(throws: StoreError.self) { try EngineFileLock.acquire(besideDatabaseAt: database) }
            // Then
            let message = refusal?.description ?? ""
            #expect(
                message.contains("another 'pipewatch serve' (process \(ProcessInfo.processInfo.processIdentifier))")
            )
            #expect(message.contains("PostgreSQL"))
            #expect(first?.path == database + ".serve.lock")
            first = nil
            #expect(throws: Never.self) { _ = try EngineFileLock.acquire(besideDatabaseAt: database) }
            _ = first
        }
    }
}
