/// How the team shares on-call duty, as the config declares it.
public struct OncallPolicy: Sendable, Equatable {
    /// Engineers in rotation order; the rotation cycles through them.
    public var rotation: [EngineerID]
    /// Length of one regular shift.
    public var shift: Duration
    /// When one shift hands over to the next, in the team's time zone.
    public var handoff: Handoff
    /// The local date of the first shift's handoff.
    public var starts: LocalDate
    /// How far ahead of its start a swap must be requested.
    public var swapNotice: Duration
    /// Recurring periods in which duty is split into daily shifts.
    public var seasons: [Season]
    /// Time off declared in the config (more can be added at run time).
    public var timeOff: [TimeOff]
    /// How long before a shift its engineer is reminded (`0` is at its start).
    public var reminders: [Duration] = [.seconds(86_400), .zero]

    /// Creates a policy; shift and notice default to one week, the seed's values.
    public init(
        rotation: [EngineerID],
        shift: Duration = .seconds(604_800),
        handoff: Handoff,
        starts: LocalDate,
        swapNotice: Duration = .seconds(604_800),
        seasons: [Season] = [],
        timeOff: [TimeOff] = []
    ) {
        self.rotation = rotation
        self.shift = shift
        self.handoff = handoff
        self.starts = starts
        self.swapNotice = swapNotice
        self.seasons = seasons
        self.timeOff = timeOff
    }
}

/// The weekday and local time at which a shift hands over: `monday 09:00`.
public struct Handoff: Sendable, Hashable, CustomStringConvertible {
    public var weekday: Weekday
    public var time: TimeOfDay

    /// Creates a handoff.
    public init(weekday: Weekday, time: TimeOfDay) {
        self.weekday = weekday
        self.time = time
    }

    public var description: String { "\(weekday.name) \(time)" }
}
