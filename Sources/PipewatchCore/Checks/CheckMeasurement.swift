public import Foundation

/// What a probe read from a source for one check, before it is judged.
public enum CheckMeasurement: Sendable, Equatable {
    /// Freshness: the newest value of the column (`nil` for an empty table).
    case newest(Date?)
    /// Volume: rows counted.
    case rows(Int)
    /// Schema: the table's columns as the catalog lists them (none: no such table).
    case columns([SchemaColumn])
    /// Completeness: the start of every bucket in the window that has rows.
    case filledBuckets(Set<Date>)
    /// Range, missing, duplicates, accepted values and SQL: how many of how many rows fail,
    /// with a few of them.
    case violations(count: Int, of: Int, examples: [String])
    /// Anomaly: the query's single value.
    case value(Double?)
    /// Reconcile: the two queries' values.
    case pair(Double?, Double?)
    /// Storage: the table's or database's size, and the free space under the path.
    case storage(bytes: Int64?, freeBytes: Int64?)
}

/// What earlier runs of a check left behind that this one is judged against.
public struct CheckHistory: Sendable, Equatable {
    /// Earlier values, oldest first (anomaly).
    public var values: [Double]
    /// The columns seen at the last run that read them (schema drift).
    public var lastColumns: [SchemaColumn]?
    /// Earlier observations with their instants, oldest first (storage growth).
    public var observations: [(at: Date, values: [String: Double])]

    /// Creates a history.
    public init(
        values: [Double] = [],
        lastColumns: [SchemaColumn]? = nil,
        observations: [(at: Date, values: [String: Double])] = []
    ) {
        self.values = values
        self.lastColumns = lastColumns
        self.observations = observations
    }

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.values == rhs.values && lhs.lastColumns == rhs.lastColumns
            && lhs.observations.map(\.at) == rhs.observations.map(\.at)
            && lhs.observations.map(\.values) == rhs.observations.map(\.values)
    }
}
