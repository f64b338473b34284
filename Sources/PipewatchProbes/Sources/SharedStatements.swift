import Synchronization

/// A source connection that runs each distinct statement once for a batch of checks: checks
/// that ask the same question (the same duplicate count, the same columns, the same failing
/// rows) share one query and its answer, as Soda shares a metric between checks.
final class SharedStatements: SourceConnection {
    private let base: any SourceConnection
    private let answers = Mutex<[String: Task<QueryRows, any Error>]>([:])

    var dialect: SQLDialect { base.dialect }

    init(_ base: any SourceConnection) {
        self.base = base
    }

    func rows(_ sql: String, timeout: Duration) async throws(ProbeError) -> QueryRows {
        let task = answers.withLock { answers in
            if let running = answers[sql] { return running }
            let base = self.base
            let started = Task { try await base.rows(sql, timeout: timeout) }
            answers[sql] = started
            return started
        }
        do {
            return try await task.value
        } catch let error as ProbeError {
            throw error
        } catch {
            throw .queryFailed(reason: "\(error)")
        }
    }

    func close() async {}
}
