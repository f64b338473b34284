public import Foundation
public import Logging
public import PipewatchCore
import PipewatchStore
public import ServiceLifecycle

/// Fires escalation steps when they fall due, and resolves incidents whose signals stayed clear
/// for the hold time. Steps are rows with a due time, so a restart fires each step once, late at
/// most by one tick.
///
/// Several instances on one PostgreSQL share the due steps: each fires a step in a transaction
/// that holds its incident's row (`FOR UPDATE SKIP LOCKED`, so instances take different
/// incidents), marks it fired only if it is still pending, and queues its page in the same
/// transaction. A step is fired exactly once; an instance that dies mid-step leaves it pending
/// (its transaction rolls back when its connection closes) for the next instance's tick.
public final class Escalator: Service, Sendable {
    let incidents: IncidentService
    private let clock: any Clock<Duration>
    private let wallClock: any WallClock
    private let interval: Duration
    private let logger: Logger

    /// Creates the escalator; it looks for due steps every `interval` (1 s by default).
    public init(
        incidents: IncidentService,
        clock: any Clock<Duration>,
        wallClock: any WallClock,
        interval: Duration = .seconds(1),
        logger: Logger
    ) {
        self.incidents = incidents
        self.clock = clock
        self.wallClock = wallClock
        self.interval = interval
        self.logger = logger
    }

    public func run() async throws {
        try await ServiceLoop(
            clock: clock,
            wallClock: wallClock,
            interval: interval,
            logger: logger,
            failure: "cannot escalate"
        ).run { now in try await self.tick(at: now) }
    }

    /// Fires every step due at `now` and resolves what has stayed clear.
    ///
    /// - Returns: How many steps fired.
    @discardableResult
    public func tick(at now: Date) async throws -> Int {
        let store = incidents.store
        let due = try await store.dueSteps(at: now, limit: 500)
        var fired = 0
        if !due.isEmpty {
            let calculator = try? await incidents.schedule.calculator()
            for step in due {
                let runner = incidents.escalation
                let didFire = try await store.transaction { transaction -> Bool in
                    // Another instance firing this incident's steps holds its row: skip it, it
                    // is pending only until that transaction commits (or comes back next tick).
                    guard let incident = try await transaction.claimIncident(id: step.incidentID),
                        incident.state == .triggered
                    else { return false }
                    return try await runner.fire(step, of: incident, in: transaction, calculator: calculator, at: now)
                }
                if didFire { fired += 1 }
            }
        }
        try await incidents.autoResolve(at: now)
        return fired
    }
}
