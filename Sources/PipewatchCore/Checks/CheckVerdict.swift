/// A check's verdict on a measurement, before the probe adds the SQL it ran and how long it took.
public struct CheckVerdict: Sendable, Equatable {
    public var state: CheckState
    public var value: Double?
    public var threshold: String?
    public var message: String
    public var examples: [String]
    public var observations: [String: Double]
    /// The columns a schema check read.
    public var columns: [SchemaColumn]? = nil

    /// Creates a verdict.
    public init(
        _ state: CheckState,
        value: Double? = nil,
        threshold: String? = nil,
        message: String,
        examples: [String] = [],
        observations: [String: Double] = [:]
    ) {
        self.state = state
        self.value = value
        self.threshold = threshold
        self.message = message
        self.examples = examples
        self.observations = observations
    }
}
