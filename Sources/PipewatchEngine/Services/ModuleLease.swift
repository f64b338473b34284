import Foundation
import Logging
import PipewatchCore
import PipewatchStore
import Synchronization

/// The lease on one engine module (GoAlert's processinglock, as a lease with an expiry): among
/// several instances on one PostgreSQL, the module's cycle runs only in the one that holds it.
/// The holder renews it every turn and while a turn is long; when the holder dies its lease
/// expires after ``period`` and the next instance to look takes it over. On SQLite, one process
/// runs the engine (``EngineFileLock``), so the lease is always held.
final class ModuleLease: Sendable {
    /// The default lease period; `PIPEWATCH_LEASE_PERIOD` (such as `10s`) changes it.
    static let defaultPeriod: Duration = .seconds(30)

    let module: String
    let period: Duration
    private let store: (any LeaseStore)?
    /// What the heartbeat of a long turn sleeps on (the service's clock; a test clock in tests).
    private let clock: any Clock<Duration>
    private let holder: String
    private let logger: Logger
    /// Whether the last attempt held the lease.
    private let held = Mutex(false)
    /// Whether a renewal failed during the turn ``keepingLease(_:)`` runs.
    private let lostDuringTurn = Mutex(false)

    init(module: String, store: Any, clock: any Clock<Duration>, environment: [String: String], logger: Logger) {
        self.module = module
        self.store = store as? any LeaseStore
        self.clock = clock
        self.holder = InstanceIdentity.current
        self.period =
            environment["PIPEWATCH_LEASE_PERIOD"].flatMap { DurationText.parse($0) }.flatMap {
                $0 > .zero ? $0 : nil
            } ?? Self.defaultPeriod
        self.logger = logger
    }

    /// Whether another process may hold the lease (PostgreSQL).
    var isShared: Bool { store?.sharesWork ?? false }

    /// Takes or renews the lease.
    ///
    /// - Returns: Whether this instance holds it, and whether it just took it (it was not the
    ///   holder at the last attempt), in which case what it kept in memory about the module's
    ///   work may be stale and is read from the store again.
    func renew() async -> (held: Bool, isNew: Bool) {
        guard let store, store.sharesWork else {
            let wasHeld = held.withLock { state in
                defer { state = true }
                return state
            }
            return (true, !wasHeld)
        }
        let now: Bool
        do {
            now = try await store.acquireLease(module: module, holder: holder, period: period)
        } catch {
            // The database cannot say: act as if the lease were lost, so nothing runs twice.
            logger.warning("cannot renew the engine lease", metadata: ["module": "\(module)", "error": "\(error)"])
            now = false
        }
        let was = held.withLock { state in
            defer { state = now }
            return state
        }
        if now != was {
            logger.info(
                now ? "took the engine lease" : "another instance holds the engine lease",
                metadata: ["module": "\(module)", "holder": "\(holder)"]
            )
        }
        return (now, now && !was)
    }

    /// Runs `body` while renewing the lease every third of its period, so a long turn keeps it.
    ///
    /// - Returns: What `body` returned, and whether the lease was held throughout.
    func keepingLease<Result: Sendable>(
        _ body: @Sendable () async throws -> Result
    ) async rethrows -> (Result, heldThroughout: Bool) {
        guard isShared else { return (try await body(), true) }
        lostDuringTurn.withLock { $0 = false }
        let heartbeat = Task { [self, clock] in
            while !Task.isCancelled {
                try? await clock.sleep(for: period / 3)
                guard !Task.isCancelled else { return }
                if !(await renew().held) { lostDuringTurn.withLock { $0 = true } }
            }
        }
        defer { heartbeat.cancel() }
        let result = try await body()
        return (result, !lostDuringTurn.withLock { $0 })
    }

    /// Gives the lease up (graceful shutdown), so another instance takes over at once.
    func release() async {
        guard let store, store.sharesWork, held.withLock({ $0 }) else { return }
        try? await store.releaseLease(module: module, holder: holder)
        held.withLock { $0 = false }
    }
}
