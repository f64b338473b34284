public import Foundation

/// A dbt source-freshness result (`sources.json`).
public struct SourceFreshness: Sendable, Hashable {
    /// dbt's freshness verdict.
    public enum Status: String, Sendable, Hashable, Codable {
        case pass
        case warn
        case error
        case runtimeError = "runtime error"
        case unknown
    }

    /// The source's unique id: `source.project.schema.table`.
    public var uniqueID: String
    public var status: Status
    public var maxLoadedAt: Date?
    public var snapshottedAt: Date
    public var ageSeconds: Double?

    /// Creates a result.
    public init(uniqueID: String, status: Status, maxLoadedAt: Date?, snapshottedAt: Date, ageSeconds: Double?) {
        self.uniqueID = uniqueID
        self.status = status
        self.maxLoadedAt = maxLoadedAt
        self.snapshottedAt = snapshottedAt
        self.ageSeconds = ageSeconds
    }
}
