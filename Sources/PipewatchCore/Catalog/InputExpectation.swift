/// An input dataset a pipeline reads, and how recent its last update must be.
public struct InputExpectation: Sendable, Hashable {
    /// The dataset's OpenLineage namespace; `nil` matches any namespace.
    public var namespace: String?
    /// The dataset's name, as OpenLineage reports it (`sales.orders`).
    public var name: String
    /// The input is late when its last update is older than this.
    public var maxAge: Duration

    /// Creates an expectation.
    public init(namespace: String? = nil, name: String, maxAge: Duration) {
        self.namespace = namespace
        self.name = name
        self.maxAge = maxAge
    }

    /// Whether a dataset observation is this input.
    public func matches(_ dataset: DatasetObservation) -> Bool {
        dataset.name == name && (namespace == nil || dataset.namespace == namespace)
    }
}
