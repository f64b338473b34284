public import Foundation
public import Logging
public import PipewatchCore
public import PipewatchProbes
public import PipewatchStore
public import ServiceLifecycle
import Synchronization

/// Runs the data checks: on demand (`pipewatch check run`, `POST /api/v1/checks/{id}/run`),
/// and as a service of `pipewatch serve`, each on its schedule (`every`, `cron`) or after a run
/// of its pipeline completes (`after: run`). Results go to the store; the pipelines they touch
/// are evaluated again, so a failing check raises `check_failed` (or `check_error`) and one
/// that passes again clears it.
public final class CheckRunner: Service, Sendable {
    public let plan: TeamPlan
    private let store: any CheckStore & RunStore
    private let probes: DataProbes
    private let evaluate: @Sendable (Set<PipelineID>) async -> Void
    private let clock: any Clock<Duration>
    private let wallClock: any WallClock
    private let interval: Duration
    private let logger: Logger
    private let wakeup = Wakeup()
    private let state = Mutex(State())
    /// Among several instances on one PostgreSQL, only the holder of this lease runs the checks
    /// that fall due, so each runs once per due time (and once per completed run).
    let lease: ModuleLease

    private struct State {
        /// When each check last ran; `nil` until read from the store.
        var lastRun: [CheckID: Date]?
        /// Pipelines an ingest touched since the last turn (their runs may have completed).
        var touched: Set<PipelineID> = []
        /// The end of the newest run each pipeline's `after: run` checks ran for.
        var lastRunEnd: [PipelineID: Date] = [:]
    }

    /// How many earlier results a check is judged against (anomaly lookback, storage growth).
    static let historyLimit = 100

    /// Creates the runner.
    ///
    /// - Parameters:
    ///   - plan: The checks, their pipelines and sources.
    ///   - store: Where results go and runs are read.
    ///   - probes: The connections to the team's data.
    ///   - evaluate: Called with the pipelines whose check results changed, so their signals
    ///     are worked out again.
    ///   - clock: What the loop sleeps on (a test clock in tests).
    ///   - wallClock: "Now" for every schedule.
    ///   - interval: How often the loop looks for due checks.
    ///   - logger: Where failures are logged.
    ///   - environment: Where `PIPEWATCH_LEASE_PERIOD` is read (the lease on running checks).
    public init(
        plan: TeamPlan,
        store: any CheckStore & RunStore,
        probes: DataProbes,
        evaluate: @escaping @Sendable (Set<PipelineID>) async -> Void,
        clock: any Clock<Duration>,
        wallClock: any WallClock,
        interval: Duration,
        logger: Logger,
        environment: [String: String] = [:]
    ) {
        self.lease = ModuleLease(module: "checks", store: store, clock: clock, environment: environment, logger: logger)
        self.plan = plan
        self.store = store
        self.probes = probes
        self.evaluate = evaluate
        self.clock = clock
        self.wallClock = wallClock
        self.interval = interval
        self.logger = logger
    }

    /// Runs checks now and stores their results.
    ///
    /// - Parameters:
    ///   - ids: The checks to run; every check when `nil`.
    ///   - now: The instant they run at.
    /// - Returns: Their results, in config order.
    /// - Throws: ``StoreError`` when the results cannot be stored (the checks did run).
    @discardableResult
    public func run(_ ids: Set<CheckID>? = nil, at now: Date) async throws(StoreError) -> [CheckResult] {
        try await run(ids, at: now, stillHeld: nil)
    }

    /// Runs checks and stores their results if `stillHeld` (asked just before) says so.
    private func run(
        _ ids: Set<CheckID>?,
        at now: Date,
        stillHeld: (@Sendable () async -> Bool)?
    ) async throws(StoreError) -> [CheckResult] {
        let chosen = plan.checks.filter { ids?.contains($0.check.id) ?? true }
        guard !chosen.isEmpty else { return [] }
        let checkIDs = chosen.map(\.check.id)
        let histories = try await store.checkHistories(
            of: chosen.filter(\.check.kind.readsHistory).map(\.check.id),
            limit: Self.historyLimit
        )
        let latest = try await store.latestCheckResults(of: nil)
        var results = await probes.run(
            chosen.map {
                ($0.check, $0.pipeline.id, plan.source(of: $0.check, in: $0.pipeline)?.id ?? $0.check.source)
            },
            history: histories,
            at: now
        )
        for index in results.indices {
            if let previous = latest[results[index].check], previous.state == results[index].state {
                results[index].stateSince = previous.stateSince
            }
        }
        // A holder that lost its lease during a long run leaves the results to the new holder,
        // which runs the same due checks: one result per due time.
        if let stillHeld, !(await stillHeld()) {
            logger.warning("lost the lease on running checks during a run; its results are not stored")
            return []
        }
        try await store.recordCheckResults(results)
        state.withLock { state in
            for id in checkIDs { state.lastRun?[id] = now }
        }
        await evaluate(Set(chosen.map(\.pipeline.id)))
        return results
    }

    /// Notes that an ingest stored events of these pipelines: their `after: run` checks run at
    /// the next turn if a run has completed since they last ran.
    public func runsChanged(_ pipelines: Set<PipelineID>) {
        let watched = pipelines.filter { id in
            plan.catalog.pipeline(id)?.checks.contains { $0.schedule == .afterRun } ?? false
        }
        guard !watched.isEmpty else { return }
        state.withLock { $0.touched.formUnion(watched) }
        wakeup.signal()
    }

    /// The checks whose `every` or `cron` time has come at `now`.
    public func dueChecks(at now: Date) async throws(StoreError) -> Set<CheckID> {
        if state.withLock({ $0.lastRun == nil }) {
            let latest = try await store.latestCheckResults(of: nil)
            state.withLock { state in
                if state.lastRun == nil { state.lastRun = latest.mapValues(\.startedAt) }
            }
        }
        let lastRun = state.withLock { $0.lastRun ?? [:] }
        return Set(
            plan.checks.filter { entry in
                let zone = entry.pipeline.deliverBy?.timeZone ?? plan.catalog.team.timeZone
                guard let due = entry.check.schedule.nextDue(after: lastRun[entry.check.id], now: now, in: zone) else {
                    return false
                }
                return due <= now
            }.map(\.check.id)
        )
    }

    /// The `after: run` checks of touched pipelines whose newest run has ended since they last ran.
    private func checksAfterRuns() async throws(StoreError) -> Set<CheckID> {
        let touched = state.withLock { state -> Set<PipelineID> in
            defer { state.touched = [] }
            return state.touched
        }
        var due = Set<CheckID>()
        var latest: [CheckID: CheckResult]?
        for id in touched {
            guard let pipeline = plan.catalog.pipeline(id),
                let newest = try await store.runs(of: id, limit: 1).first, let ended = newest.endedAt
            else { continue }
            let afterRun = pipeline.checks.filter { $0.schedule == .afterRun }.map(\.id)
            if lease.isShared, state.withLock({ $0.lastRunEnd[id] == nil }) {
                // Just took over from another instance: the run is checked already when each of
                // its checks has a result from after it ended.
                if latest == nil { latest = try await store.latestCheckResults(of: nil) }
                let checked = afterRun.allSatisfy { (latest?[$0]?.startedAt ?? .distantPast) >= ended }
                if checked { state.withLock { $0.lastRunEnd[id] = ended } }
            }
            let isNew = state.withLock { state in
                guard ended > (state.lastRunEnd[id] ?? .distantPast) else { return false }
                state.lastRunEnd[id] = ended
                return true
            }
            if isNew { due.formUnion(afterRun) }
        }
        return due
    }

    /// One turn of the loop: runs what is due.
    ///
    /// - Returns: The results of the checks that ran.
    @discardableResult
    public func tick(at now: Date) async throws(StoreError) -> [CheckResult] {
        let (held, isNew) = await lease.renew()
        guard held else {
            // Another instance runs the checks; what it ran is read again if this one takes over.
            state.withLock { state in
                state.lastRun = nil
                state.lastRunEnd = [:]
                state.touched = []
            }
            return []
        }
        if isNew {
            state.withLock { state in
                state.lastRun = nil
                state.lastRunEnd = [:]
            }
        }
        if lease.isShared {
            // Runs may complete through any instance's ingest: the holder looks at each pipeline
            // with `after: run` checks, not only those its own ingest touched.
            let watched = plan.catalog.pipelines.filter { $0.checks.contains { $0.schedule == .afterRun } }
            state.withLock { $0.touched.formUnion(watched.map(\.id)) }
        }
        let due = try await dueChecks(at: now).union(checksAfterRuns())
        guard !due.isEmpty else { return [] }
        guard lease.isShared else { return try await run(due, at: now, stillHeld: nil) }
        let (outcome, _) = await lease.keepingLease { () -> Result<[CheckResult], StoreError> in
            do throws(StoreError) {
                return .success(try await self.run(due, at: now) { await self.lease.renew().held })
            } catch {
                return .failure(error)
            }
        }
        return try outcome.get()
    }

    public func run() async throws {
        try await ServiceLoop(
            clock: clock,
            wallClock: wallClock,
            interval: interval,
            logger: logger,
            failure: "cannot run data checks"
        ).run(wakeup: wakeup) { now in
            try await self.tick(at: now)
        }
        await lease.release()
        await probes.shutdown()
    }
}
