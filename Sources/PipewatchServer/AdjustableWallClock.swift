public import Foundation
public import PipewatchCore
import Synchronization

/// A wall clock that stands still until it is moved: `pipewatch serve --test-clock` starts it at
/// `PIPEWATCH_NOW` and moves it only through `POST /-/clock`, so an end-to-end test can let
/// fifteen minutes pass for the escalation without waiting fifteen minutes.
public final class AdjustableWallClock: WallClock {
    private let current: Mutex<Date>

    /// Creates a clock stopped at `start`.
    public init(_ start: Date) { current = Mutex(start) }

    public var now: Date { current.withLock { $0 } }

    /// Moves the clock forward by `seconds` (never back) and returns the new instant.
    @discardableResult
    public func advance(by seconds: TimeInterval) -> Date {
        current.withLock { now in
            now = now.addingTimeInterval(max(seconds, 0))
            return now
        }
    }
}
