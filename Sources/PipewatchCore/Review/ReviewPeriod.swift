public import Foundation

/// The period a review covers, from what a person typed (`--since 90d`, or `--from`/`--to`),
/// the same for the command line and the API's query parameters.
///
/// - `since`: a duration (`90d`, `4 weeks`); the period ends now.
/// - `from`, `to`: a date (`2026-10-01`, midnight in the team's zone) or an ISO 8601 instant with
///   an offset. A `to` date is inclusive (the period ends at the next midnight); a `to` instant is
///   exclusive; `to` defaults to now.
/// - Nothing given: the last 90 days.
public enum ReviewPeriod {
    /// The period when nothing is given.
    public static let defaultSince = Duration.seconds(90 * 86_400)

    /// Why a period was refused: the parameter, and the message without its name.
    public enum Problem: Error, Sendable, Equatable, CustomStringConvertible {
        /// The parameter and its message.
        case invalid(parameter: String, message: String)

        public var parameter: String {
            switch self {
            case .invalid(let parameter, _): parameter
            }
        }

        public var description: String {
            switch self {
            case .invalid(_, let message): message
            }
        }
    }

    /// The period `from..<to`.
    ///
    /// - Throws: ``Problem`` naming the parameter that is wrong.
    public static func resolve(
        since: String?,
        from: String?,
        to: String?,
        now: Date,
        in zone: TimeZone
    ) throws(Problem) -> (from: Date, to: Date) {
        if since != nil, from != nil || to != nil {
            throw .invalid(parameter: "since", message: "give either 'since' or 'from'/'to', not both")
        }
        if let since {
            guard let duration = DurationText.parse(since), duration > .zero else {
                throw .invalid(parameter: "since", message: "'\(since)' is not a duration; use 90d or 4 weeks")
            }
            return (now.addingTimeInterval(-duration.timeInterval), now)
        }
        guard let from else {
            if to != nil { throw .invalid(parameter: "from", message: "'to' needs 'from'") }
            return (now.addingTimeInterval(-defaultSince.timeInterval), now)
        }
        guard let start = instant(from, in: zone, inclusiveEnd: false) else {
            throw .invalid(parameter: "from", message: message(from))
        }
        var end = now
        if let to {
            guard let instant = instant(to, in: zone, inclusiveEnd: true) else {
                throw .invalid(parameter: "to", message: message(to))
            }
            end = instant
        }
        guard start < end else {
            throw .invalid(parameter: "to", message: "the period is empty: 'to' must be after 'from'")
        }
        return (start, end)
    }

    private static func instant(_ text: String, in zone: TimeZone, inclusiveEnd: Bool) -> Date? {
        if let date = LocalDate(iso: text) { return (inclusiveEnd ? date.adding(days: 1) : date).instant(in: zone) }
        return ISO8601Text.parse(text)
    }

    private static func message(_ text: String) -> String {
        "'\(text)' is not a date; use 2026-10-01 (the team's zone) or ISO 8601 with an offset"
    }
}
