public import Foundation
public import Logging
public import PipewatchCore
public import PipewatchEngine
import Synchronization

/// The config the server runs on now, and how it is replaced: `kill -HUP` and `POST /-/reload`
/// read the files again, and a valid config swaps in a new ``ConfigGeneration`` on the same store
/// and socket; an invalid one is refused, its errors logged, and the last good one stays.
///
/// Request handlers read ``current`` once per request, and the engine's services run on the
/// current generation (`GenerationServices` restarts them after a swap).
public final class LiveConfig: Sendable {
    struct State {
        var generation: ConfigGeneration
        /// Whether the last reload (or the start) loaded its config.
        var lastReloadSuccessful = true
        /// When a config was last loaded.
        var lastSuccessAt: Date
        /// Tasks waiting for a generation after the one they run on (``generation(after:)``).
        var waiters: [UInt64: CheckedContinuation<ConfigGeneration?, Never>] = [:]
        /// Waits cancelled before they were registered.
        var cancelledWaits: Set<UInt64> = []
        var nextWait: UInt64 = 0
    }

    let state: Mutex<State>
    /// Where reloads read the config; `nil` when the server was given a plan, not files.
    let source: ConfigSource?
    let clock: any WallClock
    let logger: Logger
    /// One reload at a time: each compares against, and numbers after, the one before.
    let reloading = Mutex(())

    /// Starts on a loaded plan.
    ///
    /// - Parameters:
    ///   - engine: The engine over the plan the server starts with.
    ///   - files: The files that plan was read from, the main one first.
    ///   - source: Where reloads read the config again; without one, a reload is refused.
    ///   - clock: "Now" for the reload timestamp.
    ///   - logger: Where reloads and their errors are logged.
    public init(
        engine: Engine,
        files: [String] = [],
        source: ConfigSource? = nil,
        clock: any WallClock,
        logger: Logger
    ) {
        let now = clock.now
        state = Mutex(
            State(
                generation: ConfigGeneration(number: 1, engine: engine, files: files, loadedAt: now),
                lastSuccessAt: now
            )
        )
        self.source = source
        self.clock = clock
        self.logger = logger
    }

    /// The generation to serve this request from.
    public var current: ConfigGeneration { state.withLock { $0.generation } }

    /// Whether the last reload loaded its config (`true` until one fails).
    public var lastReloadSuccessful: Bool { state.withLock { $0.lastReloadSuccessful } }

    /// When a config was last loaded, at start or by a reload.
    public var lastSuccessAt: Date { state.withLock { $0.lastSuccessAt } }

    /// Makes `engine` the current generation, after the one that is.
    func install(_ engine: Engine, files: [String], at now: Date) -> ConfigGeneration {
        let (generation, waiters) = state.withLock { state in
            state.generation = ConfigGeneration(
                number: state.generation.number + 1,
                engine: engine,
                files: files,
                loadedAt: now
            )
            state.lastReloadSuccessful = true
            state.lastSuccessAt = now
            defer { state.waiters = [:] }
            return (state.generation, Array(state.waiters.values))
        }
        for waiter in waiters { waiter.resume(returning: generation) }
        return generation
    }

    /// Records a refused reload: the current generation stays.
    func refuse() {
        state.withLock { $0.lastReloadSuccessful = false }
    }
}
