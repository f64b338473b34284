public import Foundation

/// The local time of day by which a pipeline's data must be delivered, every day.
public struct DeliveryDeadline: Sendable, Equatable {
    public var time: TimeOfDay
    public var timeZone: TimeZone

    /// Creates a daily deadline.
    public init(time: TimeOfDay, timeZone: TimeZone) {
        self.time = time
        self.timeZone = timeZone
    }
}
