/// The team's whole plan as written in `pipewatch.yaml`: people, pipelines, on-call and escalation.
public struct TeamPlan: Sendable, Equatable {
    public var catalog: Catalog
    /// The on-call policy, when the config declares one.
    public var oncall: OncallPolicy?
    public var escalation: EscalationPolicy
    /// Company and custom calendars (`calendars:`), each for the whole team or chosen engineers.
    public var calendars: [TeamDayOffCalendar.Assignment]
    /// Who may use the server's API.
    public var api: APIAccess

    /// Creates a plan.
    public init(
        catalog: Catalog,
        oncall: OncallPolicy? = nil,
        escalation: EscalationPolicy = .standard,
        calendars: [TeamDayOffCalendar.Assignment] = [],
        api: APIAccess = APIAccess()
    ) {
        self.catalog = catalog
        self.oncall = oncall
        self.escalation = escalation
        self.calendars = calendars
        self.api = api
    }

    /// The team's days off: each engineer's regional public holidays plus the company calendars.
    ///
    /// - Parameter holidays: the holiday engine (its memo is shared by copies).
    public func dayOffCalendar(holidays: HolidayCalendar = HolidayCalendar()) -> TeamDayOffCalendar {
        TeamDayOffCalendar(regional: RegionalDayOffCalendar(holidays: holidays), assignments: calendars)
    }
}
