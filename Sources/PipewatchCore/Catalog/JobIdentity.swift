/// How an orchestrator's job is recognised as part of a pipeline: an OpenLineage job
/// (namespace and name) or a dbt node (`model.shop.orders_daily`, `source.shop.raw.orders`).
public enum JobIdentity: Sendable, Hashable, CustomStringConvertible {
    case openLineage(namespace: String, name: String)
    case dbt(uniqueID: String)

    /// Whether a run of `job` belongs to this identity.
    ///
    /// dbt nodes match by unique id, whatever the namespace they were reported under (`dbt` for
    /// ingested artifacts, `OPENLINEAGE_NAMESPACE` for dbt-ol):
    /// 1. the unique id itself (`model.shop.orders`), as `pipewatch ingest dbt` names nodes;
    /// 2. a name ending in `.` and the unique id;
    /// 3. dbt-ol's names for the node: `<database>.<schema>.<project>.<node>`, the unique id
    ///    without its resource type, alone or followed by the suffix dbt-ol adds for the
    ///    command: `.test` (`dbt-ol test`: the node's tests), `.build.run` and `.build.test`
    ///    (`dbt-ol build`), `.snapshot`, `.seed`.
    public func matches(_ job: JobName) -> Bool {
        switch self {
        case .openLineage(let namespace, let name): job.namespace == namespace && job.name == name
        case .dbt(let uniqueID): Self.isDbtNode(uniqueID, named: job.name)
        }
    }

    /// What dbt-ol appends to a node's name for each command.
    static let dbtOLSuffixes = [
        "", ".test", ".build.run", ".build.test", ".build.seed", ".build.snapshot", ".snapshot", ".seed",
    ]

    private static func isDbtNode(_ uniqueID: String, named name: String) -> Bool {
        if name == uniqueID || name.hasSuffix("." + uniqueID) { return true }
        // `model.shop.orders` → `shop.orders`: dbt-ol writes the project and node after the
        // database and schema, so at least two more components come first.
        guard let dot = uniqueID.firstIndex(of: "."), uniqueID[uniqueID.index(after: dot)...].contains(".") else {
            return false
        }
        let node = "." + uniqueID[uniqueID.index(after: dot)...]
        return dbtOLSuffixes.contains { suffix in
            guard name.hasSuffix(node + suffix) else { return false }
            let prefix = name.dropLast(node.count + suffix.count)
            return prefix.contains(".")
        }
    }

    public var description: String {
        switch self {
        case .openLineage(let namespace, let name): "\(namespace)/\(name)"
        case .dbt(let uniqueID): "dbt \(uniqueID)"
        }
    }
}
