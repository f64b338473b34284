public import Foundation
public import PipewatchCore
import Synchronization

/// A clock that tests set and advance by hand.
public final class ManualWallClock: WallClock {
    private let current: Mutex<Date>

    /// Creates a clock stopped at `now`.
    public init(_ now: Date) { current = Mutex(now) }

    /// Creates a clock stopped at an ISO 8601 instant with offset; a bad literal is a test bug and traps.
    public convenience init(iso text: String) {
        guard let instant = ISO8601Text.parse(text) else { preconditionFailure("bad instant '\(text)' in test") }
        self.init(instant)
    }

    public var now: Date { current.withLock { $0 } }

    /// Moves the clock forward by `interval` seconds.
    public func advance(by interval: TimeInterval) {
        current.withLock { $0 = $0.addingTimeInterval(interval) }
    }

    /// Sets the clock to `instant`.
    public func set(_ instant: Date) {
        current.withLock { $0 = instant }
    }
}
