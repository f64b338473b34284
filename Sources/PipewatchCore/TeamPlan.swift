/// The team's whole plan as written in `pipewatch.yaml`: people, pipelines, on-call and escalation.
public struct TeamPlan: Sendable, Equatable {
    public var catalog: Catalog
    /// The on-call policy, when the config declares one.
    public var oncall: OncallPolicy?
    public var escalation: EscalationPolicy
    /// Who may use the server's API.
    public var api: APIAccess

    /// Creates a plan.
    public init(
        catalog: Catalog, oncall: OncallPolicy? = nil, escalation: EscalationPolicy = .standard, api: APIAccess = APIAccess()
    ) {
        self.catalog = catalog
        self.oncall = oncall
        self.escalation = escalation
        self.api = api
    }
}
