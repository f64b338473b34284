public import Foundation

/// Leases on engine modules, so that several `pipewatch serve` instances on one PostgreSQL run
/// a module's cycle in one instance at a time, and another takes it over when the holder dies.
///
/// On PostgreSQL a lease's expiry is measured on the database server's clock, so instances
/// whose clocks differ (or tests that move an instance's clock) agree on when it ends. SQLite
/// is single-instance (``EngineFileLock``), so there every lease is granted.
public protocol LeaseStore: Sendable {
    /// Whether other processes may share this store's work (PostgreSQL), so leases matter.
    var sharesWork: Bool { get }

    /// Takes or renews the lease on `module` for `holder` for `period`, unless another holder's
    /// lease has not expired yet.
    ///
    /// - Returns: Whether `holder` holds the lease now.
    func acquireLease(module: String, holder: String, period: Duration) async throws(StoreError) -> Bool

    /// Gives the lease up at once (graceful shutdown), if `holder` holds it.
    func releaseLease(module: String, holder: String) async throws(StoreError)

    /// Who holds each module's lease and until when (the database's clock).
    func leases() async throws(StoreError) -> [ModuleLeaseRow]
}

/// One row of `engine_leases`.
public struct ModuleLeaseRow: Sendable, Hashable, Codable {
    /// The module, such as `checks`.
    public var module: String
    /// The instance that holds it.
    public var holder: String
    /// When the holder last took it (not renewed).
    public var acquiredAt: Date
    /// When it ends unless renewed.
    public var leaseUntil: Date
}
