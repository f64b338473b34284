/// A data pipeline: what it produces, who owns it, who depends on it, and how it is watched.
public struct Pipeline: Sendable, Equatable, Identifiable {
    public var id: PipelineID
    public var name: String
    public var owners: PipelineOwners
    /// The stakeholder who owns the metric itself (not the data behind it).
    public var metricOwner: StakeholderID?
    public var audience: Audience
    /// Pipelines whose output this one reads.
    public var upstream: [PipelineID]
    public var deliverBy: DeliveryDeadline?
    /// Stakeholders told when the metric cannot be delivered on time.
    public var stakeholders: [StakeholderID]
    public var jobs: [PipelineJob]
    /// Input datasets whose lateness is a signal.
    public var inputs: [InputExpectation]
    public var runbook: Runbook
    public var checks: [Check]
    /// The data source its checks query when they name none; the team's when `nil`.
    public var source: SourceID?
    /// The severity of its incidents; from the audience when `nil`.
    public var severityOverride: Severity?
    /// Whether its incidents resolve themselves once every signal has cleared for the hold time.
    public var autoResolve: Bool
    /// Its own escalation policy; the team's when `nil`.
    public var escalation: EscalationPolicy?
    /// How long before `deliver_by` stakeholders hear that delivery is at risk; the team's when `nil`.
    public var noticeBefore: Duration?

    /// Creates a pipeline.
    public init(
        id: PipelineID,
        name: String,
        owners: PipelineOwners,
        metricOwner: StakeholderID? = nil,
        audience: Audience = .internal,
        upstream: [PipelineID] = [],
        deliverBy: DeliveryDeadline? = nil,
        stakeholders: [StakeholderID] = [],
        jobs: [PipelineJob] = [],
        inputs: [InputExpectation] = [],
        runbook: Runbook = Runbook(steps: []),
        checks: [Check] = [],
        source: SourceID? = nil,
        severityOverride: Severity? = nil,
        autoResolve: Bool = true,
        escalation: EscalationPolicy? = nil,
        noticeBefore: Duration? = nil
    ) {
        self.id = id
        self.name = name
        self.owners = owners
        self.metricOwner = metricOwner
        self.audience = audience
        self.upstream = upstream
        self.deliverBy = deliverBy
        self.stakeholders = stakeholders
        self.jobs = jobs
        self.inputs = inputs
        self.runbook = runbook
        self.checks = checks
        self.source = source
        self.severityOverride = severityOverride
        self.autoResolve = autoResolve
        self.escalation = escalation
        self.noticeBefore = noticeBefore
    }

    /// The severity of its incidents: the override, else the audience's.
    public var severity: Severity { severityOverride ?? Severity(audience: audience) }

    /// Whether a run of `job` feeds this pipeline.
    public func owns(_ job: JobName) -> Bool {
        jobs.contains { $0.identity.matches(job) }
    }

    /// The check with the given id, if the pipeline declares it.
    public func check(_ id: CheckID) -> Check? {
        checks.first { $0.id == id }
    }
}
