/// How an orchestrator's job is recognised as part of a pipeline: an OpenLineage job
/// (namespace and name) or a dbt node (`model.shop.orders_daily`, `source.shop.raw.orders`).
public enum JobIdentity: Sendable, Hashable, CustomStringConvertible {
    case openLineage(namespace: String, name: String)
    case dbt(uniqueID: String)

    /// Whether a run of `job` belongs to this identity. dbt nodes match by unique id, whatever
    /// the namespace they were reported under (`dbt` for ingested artifacts, the project's for dbt-ol).
    public func matches(_ job: JobName) -> Bool {
        switch self {
        case .openLineage(let namespace, let name): job.namespace == namespace && job.name == name
        case .dbt(let uniqueID): job.name == uniqueID || job.name.hasSuffix("." + uniqueID)
        }
    }

    public var description: String {
        switch self {
        case .openLineage(let namespace, let name): "\(namespace)/\(name)"
        case .dbt(let uniqueID): "dbt \(uniqueID)"
        }
    }
}
