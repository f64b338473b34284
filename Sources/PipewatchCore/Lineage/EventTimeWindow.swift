public import Foundation

/// The instants an ingested event may carry: not further ahead of the server's clock than a
/// skew, and not before 2000. An event dated 9999-12-31 would otherwise stay the newest run of
/// its job for ever and hide every real failure after it.
public struct EventTimeWindow: Sendable, Equatable {
    /// How far ahead of the server's clock an event may be dated (clocks drift; one hour by default).
    public var maxSkew: Duration

    /// The earliest instant accepted: 2000-01-01T00:00:00Z.
    public static let floor = Date(timeIntervalSince1970: 946_684_800)

    /// Creates a window.
    public init(maxSkew: Duration = .seconds(3600)) {
        self.maxSkew = maxSkew
    }

    /// Why `instant` (the value of `field`) is refused at `now`, or `nil` when it is accepted.
    public func problem(with instant: Date, field: String, at now: Date) -> String? {
        let text = ISO8601Text.format(instant, in: TimeZone(identifier: "UTC")!)
        if instant < Self.floor {
            return "\(field): \(text) is before 2000-01-01, the earliest accepted"
        }
        let ahead = instant.timeIntervalSince(now)
        guard ahead > maxSkew.timeInterval else { return nil }
        return
            "\(field): \(text) is \(DurationText.format(.seconds(Int64(min(ahead, 1e15))))) ahead of the server's clock; "
            + "at most \(DurationText.format(maxSkew)) is accepted (check the sender's clock)"
    }
}
