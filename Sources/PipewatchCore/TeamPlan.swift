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
    /// Databases data checks query (`sources:`).
    public var sources: [DataSource]
    /// Alerts from other monitoring tools (`alerts:`).
    public var alerts: AlertIntakeSettings
    /// The mail server email contacts are sent through (`smtp:`), when the config has one.
    public var smtp: SMTPSettings?
    /// When the periodic review is sent, and to whom (`review:`), when the config has one.
    public var review: ReviewSchedule?

    /// Creates a plan.
    public init(
        catalog: Catalog,
        oncall: OncallPolicy? = nil,
        escalation: EscalationPolicy = .standard,
        calendars: [TeamDayOffCalendar.Assignment] = [],
        api: APIAccess = APIAccess(),
        incidents: IncidentSettings = IncidentSettings(),
        actions: [ActionDefinition] = [],
        sources: [DataSource] = [],
        alerts: AlertIntakeSettings = AlertIntakeSettings(),
        smtp: SMTPSettings? = nil,
        review: ReviewSchedule? = nil
    ) {
        self.catalog = catalog
        self.oncall = oncall
        self.escalation = escalation
        self.calendars = calendars
        self.api = api
        self.incidents = incidents
        self.actions = actions
        self.sources = sources
        self.alerts = alerts
        self.smtp = smtp
        self.review = review
    }

    /// The escalation policy for `pipeline`: its own, else the team's.
    public func escalation(for pipeline: Pipeline) -> EscalationPolicy { pipeline.escalation ?? escalation }

    /// The source `check` of `pipeline` queries: its own, else the pipeline's, else the team's.
    public func source(of check: Check, in pipeline: Pipeline) -> DataSource? {
        guard let id = check.source ?? pipeline.source ?? catalog.team.source else { return nil }
        return sources.first { $0.id == id }
    }

    /// Every check with its pipeline, in config order.
    public var checks: [(check: Check, pipeline: Pipeline)] {
        catalog.pipelines.flatMap { pipeline in pipeline.checks.map { ($0, pipeline) } }
    }

    /// The check with the given id, with its pipeline.
    public func check(_ id: CheckID) -> (check: Check, pipeline: Pipeline)? {
        for pipeline in catalog.pipelines {
            if let check = pipeline.check(id) { return (check, pipeline) }
        }
        return nil
    }

    /// The action with the given id.
    public func action(_ id: ActionID) -> ActionDefinition? { actions.first { $0.id == id } }

    /// The team's days off: each engineer's regional public holidays plus the company calendars.
    ///
    /// - Parameter holidays: the holiday engine (its memo is shared by copies).
    public func dayOffCalendar(holidays: HolidayCalendar = HolidayCalendar()) -> TeamDayOffCalendar {
        TeamDayOffCalendar(regional: RegionalDayOffCalendar(holidays: holidays), assignments: calendars)
    }
}
