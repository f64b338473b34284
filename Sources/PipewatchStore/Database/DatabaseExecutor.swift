import SQLKit

/// Runs SQL on one engine: the only seam between the store and a driver.
///
/// `SQLiteExecutor` and `PostgresExecutor` are the only files that touch driver types.
/// Everything above them speaks SQLKit's `SQLDatabase`.
protocol DatabaseExecutor: Sendable {
    /// The engine, for the statements that differ.
    var engine: DatabaseEngine { get }

    /// Fails at once, with the driver's reason, when the database cannot be reached.
    func checkReachable() async throws

    /// Runs `body` on one connection, outside a transaction.
    func read<Result: Sendable>(_ body: (any SQLDatabase) async throws -> Result) async throws -> Result

    /// Runs `body` in one transaction: committed when it returns, rolled back when it throws.
    func transaction<Result: Sendable>(_ body: (any SQLDatabase) async throws -> Result) async throws -> Result

    /// Runs what the connection needs in the background until the task is cancelled.
    func run() async

    /// Releases the connection; the executor cannot be used afterwards.
    func close() async throws
}
