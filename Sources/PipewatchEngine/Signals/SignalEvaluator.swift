public import Foundation
public import Logging
public import PipewatchCore
public import PipewatchStore
public import ServiceLifecycle
import Synchronization

/// Keeps the stored signal states true to the runs: after an ingest touches pipelines, and on a
/// short tick for what time alone changes (deadlines passing, runs still going, inputs ageing).
/// Each transition (opened, repeated, cleared) is stored with its evidence and handed to the
/// ``IncidentService`` in the same transaction.
public final class SignalEvaluator: Service, Sendable {
    public let evaluation: SignalEvaluation
    let incidents: IncidentService
    private let store: any IncidentStore
    private let clock: any Clock<Duration>
    private let wallClock: any WallClock
    private let interval: Duration
    private let logger: Logger
    private let wakeup = Wakeup()
    private let touched = Mutex<Set<PipelineID>>([])
    /// Since when each pipeline is watched; stored once, so kept after the first read.
    private let watched = Mutex<[PipelineID: Date]>([:])

    /// Creates the evaluator.
    ///
    /// - Parameters:
    ///   - evaluation: How signals are worked out.
    ///   - incidents: What opens and clears incidents.
    ///   - store: Where signal states live.
    ///   - clock: What the loop sleeps on (a test clock in tests).
    ///   - wallClock: "Now" for every decision.
    ///   - interval: The tick for what time alone changes.
    ///   - logger: Where failures are logged.
    public init(
        evaluation: SignalEvaluation,
        incidents: IncidentService,
        store: any IncidentStore,
        clock: any Clock<Duration>,
        wallClock: any WallClock,
        interval: Duration,
        logger: Logger
    ) {
        self.evaluation = evaluation
        self.incidents = incidents
        self.store = store
        self.clock = clock
        self.wallClock = wallClock
        self.interval = interval
        self.logger = logger
    }

    /// Asks for these pipelines to be evaluated at once (an ingest just stored their runs).
    public func touch(_ pipelines: some Sequence<PipelineID>) {
        touched.withLock { $0.formUnion(pipelines) }
        wakeup.signal()
    }

    public func run() async throws {
        // Cancelled at graceful shutdown, so a sleep never holds the server up.
        try await cancelWhenGracefulShutdown { try await self.loop() }
    }

    private func loop() async throws {
        var nextFullPass = Date.distantPast
        while !Task.isCancelled {
            let due = touched.withLock { pending -> Set<PipelineID> in
                defer { pending.removeAll() }
                return pending
            }
            let now = wallClock.now
            let isFullPass = now >= nextFullPass
            do {
                try await evaluate(isFullPass ? nil : due, at: now)
            } catch {
                logger.error("cannot evaluate signals", metadata: ["error": "\(error)"])
            }
            if isFullPass { nextFullPass = now.addingTimeInterval(interval.timeInterval) }
            await wakeup.wait(upTo: interval, on: clock)
        }
    }

    /// Evaluates pipelines at `now` and stores what changed.
    ///
    /// - Parameters:
    ///   - pipelines: Only these, or every pipeline when `nil`.
    ///   - now: The instant to judge at.
    /// - Returns: How many signal transitions were stored.
    @discardableResult
    public func evaluate(_ pipelines: Set<PipelineID>?, at now: Date) async throws -> Int {
        let chosen = evaluation.catalog.pipelines.filter { pipelines?.contains($0.id) ?? true }
        guard !chosen.isEmpty else { return 0 }
        var stored: [PipelineID: [String: SignalState]] = [:]
        for state in try await store.openSignals(pipeline: nil) where pipelines?.contains(state.signal.pipeline) ?? true
        {
            stored[state.signal.pipeline, default: [:]][state.signal.key] = state
        }
        var calculator: ScheduleCalculator?
        var changes = 0
        let watched = try await watchStart(of: chosen, at: now)
        for pipeline in chosen {
            let detected = try await evaluation.signals(
                of: pipeline,
                watchedSince: watched[pipeline.id] ?? now,
                at: now
            )
            let open = stored[pipeline.id] ?? [:]
            let isSame =
                detected.count == open.count
                && detected.allSatisfy { open[$0.key]?.signal == $0 }
            guard !isSame else { continue }
            if calculator == nil { calculator = try? await incidents.schedule.calculator() }
            changes += try await apply(detected, to: pipeline.id, calculator: calculator, at: now)
        }
        return changes
    }

    private func watchStart(of pipelines: [Pipeline], at now: Date) async throws -> [PipelineID: Date] {
        let known = watched.withLock { $0 }
        let missing = pipelines.map(\.id).filter { known[$0] == nil }
        guard !missing.isEmpty else { return known }
        let found = try await evaluation.runs.watchStart(of: missing, at: now)
        return watched.withLock { cache in
            cache.merge(found) { old, _ in old }
            return cache
        }
    }

    /// Stores one pipeline's transitions and hands them to the incident service, in one transaction.
    private func apply(
        _ detected: [Signal],
        to pipeline: PipelineID,
        calculator: ScheduleCalculator?,
        at now: Date
    ) async throws -> Int {
        let incidents = self.incidents
        return try await store.transaction { transaction in
            let states = try await transaction.signalStates(of: [pipeline])
            let known = Dictionary(states.map { ($0.signal.key, $0) }, uniquingKeysWith: { first, _ in first })
            var changes = 0
            for signal in detected {
                let previous = known[signal.key]
                let transition: SignalTransition?
                switch previous {
                case .some(let state) where state.isOpen && state.signal.openedAt == signal.openedAt:
                    guard state.signal != signal else { continue }
                    transition = nil
                case .some(let state) where state.isOpen:
                    transition = .repeated
                default:
                    transition = .opened
                }
                let changedAt = transition == nil ? (previous?.changedAt ?? now) : now
                try await transaction.saveSignalState(
                    SignalState(signal: signal, isOpen: true, changedAt: changedAt),
                    transition: transition,
                    at: now
                )
                guard transition != nil else { continue }
                changes += 1
                try await incidents.occurred(signal, in: transaction, calculator: calculator, at: now)
            }
            let current = Set(detected.map(\.key))
            for state in states where state.isOpen && !current.contains(state.signal.key) {
                var cleared = state
                cleared.isOpen = false
                cleared.clearedAt = now
                cleared.changedAt = now
                try await transaction.saveSignalState(cleared, transition: .cleared, at: now)
                try await incidents.cleared(key: state.signal.key, in: transaction, at: now)
                changes += 1
            }
            return changes
        }
    }
}
