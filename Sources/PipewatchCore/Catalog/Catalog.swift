/// Everything the team declared about people and pipelines, in config order.
public struct Catalog: Sendable, Equatable {
    public var team: Team
    public var engineers: [Engineer]
    public var stakeholders: [Stakeholder]
    public var pipelines: [Pipeline]

    /// Creates a catalog.
    public init(team: Team, engineers: [Engineer], stakeholders: [Stakeholder] = [], pipelines: [Pipeline] = []) {
        self.team = team
        self.engineers = engineers
        self.stakeholders = stakeholders
        self.pipelines = pipelines
    }

    /// The engineer with the given id.
    public func engineer(_ id: EngineerID) -> Engineer? {
        engineers.first { $0.id == id }
    }

    /// The stakeholder with the given id.
    public func stakeholder(_ id: StakeholderID) -> Stakeholder? {
        stakeholders.first { $0.id == id }
    }

    /// The pipeline with the given id.
    public func pipeline(_ id: PipelineID) -> Pipeline? {
        pipelines.first { $0.id == id }
    }
}

extension Catalog {
    /// The pipeline a run of `job` feeds: one whose `jobs` name the job, else one that names the
    /// parent job (an Airflow task under its DAG, a dbt model under `dbt build`).
    public func pipeline(forJob job: JobName, parent: JobName? = nil) -> PipelineID? {
        if let direct = pipelines.first(where: { $0.owns(job) }) { return direct.id }
        guard let parent else { return nil }
        return pipelines.first { $0.owns(parent) }?.id
    }
}
