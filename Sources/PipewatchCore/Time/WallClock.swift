public import Foundation

/// The source of "now" for calendar logic. Inject it; domain code never calls `Date()`.
public protocol WallClock: Sendable {
    /// The current instant.
    var now: Date { get }
}

/// The machine's clock.
public struct SystemWallClock: WallClock {
    public init() {}
    public var now: Date { Date() }
}

/// A clock that always answers the same instant, as `PIPEWATCH_NOW` asks for.
public struct FixedWallClock: WallClock {
    public let now: Date

    /// Creates a clock stopped at `now`.
    public init(_ now: Date) { self.now = now }
}
