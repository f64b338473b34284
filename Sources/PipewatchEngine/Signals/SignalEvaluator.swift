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
    private let cache = EvaluationCache()
    private let gate = AsyncSerialGate()
    private let evaluations = Atomic<UInt64>(0)

    /// Grows with every evaluation that read the store again or stored a transition: what a
    /// pipeline's health is computed from may have changed, so readers that keep it recompute.
    public var generation: UInt64 { evaluations.load(ordering: .acquiring) }

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

    /// Evaluates these pipelines now, reading their evidence again: an ingest just stored their
    /// runs. It returns once their signals (and incidents) are stored, so a client that reads
    /// `/api/v1/signals` after its event was answered sees what the event changed. A failure is
    /// logged, and the next tick tries again.
    public func evaluateAfterIngest(_ pipelines: Set<PipelineID>) async {
        guard !pipelines.isEmpty else { return }
        do {
            try await evaluate(pipelines, at: wallClock.now)
        } catch {
            touched.withLock { $0.formUnion(pipelines) }
            wakeup.signal()
            logger.error("cannot evaluate signals after an ingest", metadata: ["error": "\(error)"])
        }
    }

    public func run() async throws {
        let nextFullPass = Mutex(Date.distantPast)
        try await ServiceLoop(
            clock: clock,
            wallClock: wallClock,
            interval: interval,
            logger: logger,
            failure: "cannot evaluate signals"
        ).run(wakeup: wakeup) { now in
            let due = self.touched.withLock { pending -> Set<PipelineID> in
                defer { pending.removeAll() }
                return pending
            }
            if now >= nextFullPass.withLock({ $0 }) {
                try await self.evaluate(nil, at: now)
                nextFullPass.withLock { $0 = now.addingTimeInterval(Self.fullPassEvery) }
            } else {
                if !due.isEmpty { try await self.evaluate(due, at: now) }
                try await self.tick(at: now)
            }
        }
    }

    /// How often every pipeline's evidence is read again, to see what other processes stored
    /// (`pipewatch ingest dbt`, other instances).
    static let fullPassEvery: TimeInterval = 60

    /// Evaluates, from what was last read, the pipelines whose signals time alone can change
    /// (deadlines, ageing inputs, runs still going); reads nothing when nothing changed.
    ///
    /// - Returns: How many signal transitions were stored.
    @discardableResult
    public func tick(at now: Date) async throws -> Int {
        try await evaluate(cache.timeSensitive(in: evaluation.catalog), at: now, reading: false)
    }

    /// Evaluates pipelines at `now` and stores what changed.
    ///
    /// - Parameters:
    ///   - pipelines: Only these, or every pipeline when `nil`.
    ///   - now: The instant to judge at.
    ///   - reading: Whether to read their evidence from the store again (after an ingest, on a full
    ///     pass), or use what was last read.
    /// - Returns: How many signal transitions were stored.
    @discardableResult
    public func evaluate(_ pipelines: Set<PipelineID>?, at now: Date, reading: Bool = true) async throws -> Int {
        // One evaluation at a time (ingest, tick and full pass): each compares against what the
        // last one stored.
        try await gate.withGate { try await evaluateNow(pipelines, at: now, reading: reading) }
    }

    private func evaluateNow(_ pipelines: Set<PipelineID>?, at now: Date, reading: Bool) async throws -> Int {
        let chosen = evaluation.catalog.pipelines.filter { pipelines?.contains($0.id) ?? true }
        guard !chosen.isEmpty else { return 0 }
        if cache.openSignals == nil { cache.keepOpen(try await store.openSignals(pipeline: nil)) }
        let watched = try await watchStart(of: chosen, at: now)
        var calculator: ScheduleCalculator?
        var changes = 0
        for pipeline in chosen {
            let evidence: SignalDetector.Evidence
            if !reading, let cached = cache.evidence(of: pipeline.id) {
                evidence = cached
            } else {
                evidence = try await evaluation.evidence(of: pipeline, watchedSince: watched[pipeline.id] ?? now)
                cache.keep(evidence, of: pipeline.id)
            }
            let detected = evaluation.detector.signals(for: pipeline, evidence: evidence, at: now)
            let open = cache.openSignals?[pipeline.id] ?? [:]
            guard detected.count != open.count || !detected.allSatisfy({ open[$0.key] == $0 }) else { continue }
            if calculator == nil { calculator = try? await incidents.schedule.calculator() }
            changes += try await apply(detected, to: pipeline.id, calculator: calculator, at: now)
            cache.keepOpen(detected, of: pipeline.id)
        }
        if reading || changes > 0 { evaluations.wrappingAdd(1, ordering: .releasing) }
        return changes
    }

    private func watchStart(of pipelines: [Pipeline], at now: Date) async throws -> [PipelineID: Date] {
        let missing = pipelines.map(\.id).filter { cache.watched[$0] == nil }
        if !missing.isEmpty { cache.keepWatched(try await evaluation.runs.watchStart(of: missing, at: now)) }
        return cache.watched
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
