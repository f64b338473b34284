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

    /// The dataset's identity: namespace and name, compared as a pair.
    public var identity: DatasetIdentity { DatasetIdentity(namespace: namespace, name: name) }

    /// `namespace/name`, for people to read (not unique: use ``identity`` to compare).
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

/// A dataset's identity: its OpenLineage namespace and name.
public struct DatasetIdentity: Sendable, Hashable, Comparable {
    public var namespace: String
    public var name: String

    /// Creates an identity.
    public init(namespace: String, name: String) {
        self.namespace = namespace
        self.name = name
    }

    public static func < (lhs: DatasetIdentity, rhs: DatasetIdentity) -> Bool {
        (lhs.namespace, lhs.name) < (rhs.namespace, rhs.name)
    }
}
