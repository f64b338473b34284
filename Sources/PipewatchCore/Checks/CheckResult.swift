public import Foundation

/// What a check found: pass, warn or fail from the data, or error when it could not look.
public enum CheckState: String, Sendable, Hashable, Codable, CaseIterable {
    case pass, warn, fail, error

    /// Whether the state raises a signal on the pipeline.
    public var isProblem: Bool { self == .fail || self == .error }
}

/// One run of one check: its verdict, the number it measured against its threshold, and the
/// SQL it ran, so the engineer can run it again by hand.
public struct CheckResult: Sendable, Equatable {
    public var check: CheckID
    public var pipeline: PipelineID
    public var state: CheckState
    /// The number measured (an age in seconds, a row count, a difference), when there is one.
    public var value: Double?
    /// The limit it was held to, as people read it (`<= 6h`, `>= 1 rows`).
    public var threshold: String?
    public var message: String
    /// Up to five rows that show the problem, as `column=value, …`.
    public var examples: [String]
    /// The statements run, in order.
    public var sql: [String]
    /// Further numbers kept for later runs (table size, free space), by name.
    public var observations: [String: Double]
    public var startedAt: Date
    public var duration: Duration
    /// Since when the check has been in this state without a break (its first run in it).
    public var stateSince: Date
    /// The columns a schema check read, kept to see drift at the next run.
    public var columns: [SchemaColumn]?

    /// Creates a result.
    public init(
        check: CheckID,
        pipeline: PipelineID,
        state: CheckState,
        value: Double? = nil,
        threshold: String? = nil,
        message: String,
        examples: [String] = [],
        sql: [String] = [],
        observations: [String: Double] = [:],
        startedAt: Date,
        duration: Duration = .zero,
        stateSince: Date? = nil,
        columns: [SchemaColumn]? = nil
    ) {
        self.check = check
        self.pipeline = pipeline
        self.state = state
        self.value = value
        self.threshold = threshold
        self.message = message
        self.examples = examples
        self.sql = sql
        self.observations = observations
        self.startedAt = startedAt
        self.duration = duration
        self.stateSince = stateSince ?? startedAt
        self.columns = columns
    }

    /// The duration in whole milliseconds.
    public var durationMilliseconds: Int {
        Int(duration.wholeMilliseconds)
    }
}
