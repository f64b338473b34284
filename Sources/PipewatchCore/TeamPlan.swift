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
    /// The incident engine's settings (`incidents:`).
    public var incidents: IncidentSettings
    /// Actions run book steps can run (`actions:`).
    public var actions: [ActionDefinition]

    /// Creates a plan.
    public init(
        catalog: Catalog,
        oncall: OncallPolicy? = nil,
        escalation: EscalationPolicy = .standard,
        calendars: [TeamDayOffCalendar.Assignment] = [],
        api: APIAccess = APIAccess(),
        incidents: IncidentSettings = IncidentSettings(),
        actions: [ActionDefinition] = []
    ) {
        self.catalog = catalog
        self.oncall = oncall
        self.escalation = escalation
        self.calendars = calendars
        self.api = api
        self.incidents = incidents
        self.actions = actions
    }

    /// The escalation policy for `pipeline`: its own, else the team's.
    public func escalation(for pipeline: Pipeline) -> EscalationPolicy { pipeline.escalation ?? escalation }

    /// The action with the given id.
    public func action(_ id: ActionID) -> ActionDefinition? { actions.first { $0.id == id } }

    /// The team's days off: each engineer's regional public holidays plus the company calendars.
    ///
    /// - Parameter holidays: the holiday engine (its memo is shared by copies).
    public func dayOffCalendar(holidays: HolidayCalendar = HolidayCalendar()) -> TeamDayOffCalendar {
        TeamDayOffCalendar(regional: RegionalDayOffCalendar(holidays: holidays), assignments: calendars)
    }
}
