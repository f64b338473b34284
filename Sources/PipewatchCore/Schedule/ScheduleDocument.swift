import Foundation

/// The JSON shape of `oncall schedule --format json`:
/// `{"shifts": [{"engineer", "start", "end", "reason"}], "gaps": [{"start", "end"}]}`,
/// times in ISO 8601 with the team zone's offset, shifts in time order.
public struct ScheduleDocument: Sendable, Equatable, Codable {
    /// One shift as JSON.
    public struct ShiftEntry: Sendable, Equatable, Codable {
        /// The engineer's id from the config.
        public var engineer: String
        /// ISO 8601 with the team zone's offset.
        public var start: String
        /// ISO 8601 with the team zone's offset (exclusive).
        public var end: String
        /// One of `rotation`, `substitute`, `season`, `swap`, `override`.
        public var reason: String

        /// Creates an entry.
        public init(engineer: String, start: String, end: String, reason: String) {
            self.engineer = engineer
            self.start = start
            self.end = end
            self.reason = reason
        }
    }

    /// One gap as JSON.
    public struct GapEntry: Sendable, Equatable, Codable {
        /// ISO 8601 with the team zone's offset.
        public var start: String
        /// ISO 8601 with the team zone's offset (exclusive).
        public var end: String

        /// Creates an entry.
        public init(start: String, end: String) {
            self.start = start
            self.end = end
        }
    }

    /// Shifts in time order.
    public var shifts: [ShiftEntry]
    /// Intervals nobody covers, in time order.
    public var gaps: [GapEntry]

    /// Builds the document of `schedule`, optionally for one engineer.
    ///
    /// - Parameters:
    ///   - schedule: the computed schedule; times are written in its team zone.
    ///   - engineer: keep only this engineer's shifts (`--engineer ID`); gaps are kept either way,
    ///     because a gap is the whole team's problem.
    public init(_ schedule: Schedule, engineer: EngineerID? = nil) {
        let zone = schedule.timeZone
        shifts = schedule.shifts.lazy.filter { engineer == nil || $0.engineer == engineer }.map {
            ShiftEntry(
                engineer: $0.engineer.rawValue,
                start: ISO8601Text.format($0.start, in: zone),
                end: ISO8601Text.format($0.end, in: zone),
                reason: $0.reason.rawValue
            )
        }
        gaps = schedule.gaps.map {
            GapEntry(start: ISO8601Text.format($0.start, in: zone), end: ISO8601Text.format($0.end, in: zone))
        }
    }

    /// The document as JSON text with keys in the documented order, one shift per line,
    /// ending in a newline. Written by hand so that the output is byte-for-byte stable.
    public var json: String {
        var text = "{\n  \"shifts\": ["
        for (index, shift) in shifts.enumerated() {
            text += index == 0 ? "\n" : ",\n"
            text +=
                "    {\"engineer\": \(JSONStringLiteral.quote(shift.engineer)), \"start\": \(JSONStringLiteral.quote(shift.start)), "
            text +=
                "\"end\": \(JSONStringLiteral.quote(shift.end)), \"reason\": \(JSONStringLiteral.quote(shift.reason))}"
        }
        text += shifts.isEmpty ? "],\n  \"gaps\": [" : "\n  ],\n  \"gaps\": ["
        for (index, gap) in gaps.enumerated() {
            text += index == 0 ? "\n" : ",\n"
            text +=
                "    {\"start\": \(JSONStringLiteral.quote(gap.start)), \"end\": \(JSONStringLiteral.quote(gap.end))}"
        }
        text += gaps.isEmpty ? "]\n}\n" : "\n  ]\n}\n"
        return text
    }
}
