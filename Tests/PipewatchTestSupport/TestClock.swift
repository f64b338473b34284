public import Foundation
public import PipewatchCore
import Synchronization

/// A clock tests move by hand: the `Clock` services sleep on, with ``wall`` the `WallClock` they
/// read "now" from, so advancing it moves both and wakes exactly the sleepers whose time has
/// come. No test ever sleeps for real.
public final class TestClock: Clock, Sendable {
    public struct Instant: InstantProtocol {
        public var offset: Duration
        public func advanced(by duration: Duration) -> Instant { Instant(offset: offset + duration) }
        public func duration(to other: Instant) -> Duration { other.offset - offset }
        public static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.offset < rhs.offset }
    }

    private struct Sleeper {
        let id: UInt64
        let deadline: Instant
        let continuation: CheckedContinuation<Void, any Error>
    }

    private struct State {
        var now = Instant(offset: .zero)
        var nextID: UInt64 = 0
        var sleepers: [Sleeper] = []
        /// Sleeps cancelled before they registered.
        var cancelled: Set<UInt64> = []
    }

    private let state = Mutex(State())
    private let origin: Date

    /// Creates a clock whose wall time starts at `start`.
    public init(start: Date) { origin = start }

    /// Creates a clock at an ISO 8601 instant with offset; a bad literal is a test bug and traps.
    public convenience init(iso text: String) {
        guard let instant = ISO8601Text.parse(text) else { preconditionFailure("bad instant '\(text)' in test") }
        self.init(start: instant)
    }

    public var now: Instant { state.withLock { $0.now } }
    public var minimumResolution: Duration { .zero }

    /// The wall time: the start plus how far the clock has been advanced.
    public var wallNow: Date { origin.addingTimeInterval(now.offset.timeInterval) }

    /// The wall clock that moves with this clock.
    public var wall: TestWallClock { TestWallClock(self) }

    /// How many tasks are asleep on the clock now.
    public var sleeperCount: Int { state.withLock { $0.sleepers.count } }

    public func sleep(until deadline: Instant, tolerance: Duration?) async throws {
        let id = state.withLock { state -> UInt64 in
            state.nextID += 1
            return state.nextID
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                // A task cancelled before it got here had its cancellation handler run already, with
                // no sleeper to wake (it left its id in `cancelled`): it must not be left asleep.
                let outcome = state.withLock { state -> Bool? in
                    if state.cancelled.remove(id) != nil { return false }
                    guard deadline > state.now else { return true }
                    state.sleepers.append(Sleeper(id: id, deadline: deadline, continuation: continuation))
                    return nil
                }
                switch outcome {
                case false?: continuation.resume(throwing: CancellationError())
                case true?: continuation.resume()
                case nil: break
                }
            }
        } onCancel: {
            let sleeper = state.withLock { state -> Sleeper? in
                guard let index = state.sleepers.firstIndex(where: { $0.id == id }) else {
                    state.cancelled.insert(id)
                    return nil
                }
                return state.sleepers.remove(at: index)
            }
            sleeper?.continuation.resume(throwing: CancellationError())
        }
    }

    /// Moves the clock forward, waking every sleeper whose deadline has come.
    public func advance(by duration: Duration) {
        let woken = state.withLock { state -> [Sleeper] in
            state.now = state.now.advanced(by: duration)
            let due = state.sleepers.filter { $0.deadline <= state.now }
            state.sleepers.removeAll { $0.deadline <= state.now }
            return due
        }
        for sleeper in woken { sleeper.continuation.resume() }
    }
}

/// The wall-clock face of a ``TestClock``.
public struct TestWallClock: WallClock {
    public let clock: TestClock

    /// Reads `clock`'s wall time.
    public init(_ clock: TestClock) { self.clock = clock }

    public var now: Date { clock.wallNow }
}
