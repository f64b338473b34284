public import Foundation
public import PipewatchCore

/// Time off as the store keeps it: the absence, the id that `timeoff remove` takes, and
/// when it was added.
public struct TimeOffRecord: Sendable, Hashable, Identifiable {
    /// Assigned by the store, never reused.
    public var id: Int64
    public var timeOff: TimeOff
    public var createdAt: Date

    /// Creates a record.
    public init(id: Int64, timeOff: TimeOff, createdAt: Date) {
        self.id = id
        self.timeOff = timeOff
        self.createdAt = createdAt
    }
}
