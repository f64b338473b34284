public import Foundation

/// The team that owns the pipelines, and the time zone its rotation and deadlines are read in.
public struct Team: Sendable, Equatable {
    public var name: String
    public var timeZone: TimeZone

    /// Creates a team.
    public init(name: String, timeZone: TimeZone) {
        self.name = name
        self.timeZone = timeZone
    }
}
