/// How an orchestrator's job is recognised as part of a pipeline: an OpenLineage job
/// (namespace and name) or a dbt node (`model.shop.orders_daily`, `source.shop.raw.orders`).
public enum JobIdentity: Sendable, Hashable {
    case openLineage(namespace: String, name: String)
    case dbt(uniqueID: String)
}
