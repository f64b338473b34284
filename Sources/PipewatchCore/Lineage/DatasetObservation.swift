/// What one event said about a dataset it read or wrote.
public struct DatasetObservation: Sendable, Hashable, Codable {
    public var namespace: String
    public var name: String
    /// The `schema` facet's fields, nested fields flattened to `parent.child`; `nil` without the facet.
    public var schema: [SchemaField]?
    /// Data-quality assertions (the `dataQualityAssertions` facet) that failed.
    public var failedAssertions: [String]

    /// Creates an observation.
    public init(namespace: String, name: String, schema: [SchemaField]? = nil, failedAssertions: [String] = []) {
        self.namespace = namespace
        self.name = name
        self.schema = schema
        self.failedAssertions = failedAssertions
    }

    /// `namespace/name`, the dataset's identity.
    public var key: String { "\(namespace)/\(name)" }
}

/// One column of a dataset's schema.
public struct SchemaField: Sendable, Hashable, Codable {
    public var name: String
    public var type: String

    /// Creates a field.
    public init(name: String, type: String) {
        self.name = name
        self.type = type
    }
}
