import Logging
import PipewatchTestSupport
import SQLKit
import Testing

@testable import PipewatchStore

@Suite("transactions of cancelled tasks")
struct TransactionCancellationTests {
    @Test("a transaction whose task is cancelled before COMMIT is rolled back, and the next one begins")
    func cancelledBeforeCommit() async throws {
        // Given SQLite's one connection with a table
        let executor = try await SQLiteExecutor.open(path: nil, logger: .discarding)
        do {
            try await executor.transaction { try await $0.raw("CREATE TABLE t (x INTEGER)").run() }

            // When a task is cancelled after its first statement, so the driver skips its COMMIT
            let task = Task {
                try await executor.transaction { database in
                    try await database.raw("INSERT INTO t VALUES (1)").run()
                    withUnsafeCurrentTask { $0?.cancel() }
                }
            }
            await #expect(throws: CancellationError.self) { try await task.value }

            // Then its insert was rolled back, and the connection is not left in a transaction
            let count = try await executor.transaction { database in
                try await database.raw("SELECT COUNT(*) AS n FROM t").first(decodingColumn: "n", as: Int.self)
            }
            #expect(count == 0)
        } catch {
            try? await executor.close()
            throw error
        }
        try await executor.close()
    }
}
