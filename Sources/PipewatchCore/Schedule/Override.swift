public import Foundation

/// The emergency path: an engineer put on call for an interval, with no notice rule but a reason.
public struct Override: Sendable, Hashable, Identifiable {
    /// Assigned by the store.
    public var id: Int64
    public var engineer: EngineerID
    public var start: Date
    public var end: Date
    public var reason: String
    public var createdAt: Date

    /// Creates an override.
    public init(id: Int64, engineer: EngineerID, start: Date, end: Date, reason: String, createdAt: Date) {
        self.id = id
        self.engineer = engineer
        self.start = start
        self.end = end
        self.reason = reason
        self.createdAt = createdAt
    }
}
