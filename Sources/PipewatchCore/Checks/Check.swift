/// A data check declared on a pipeline, evaluated against the data itself.
public struct Check: Sendable, Equatable, Identifiable {
    public var id: CheckID
    public var kind: CheckKind
    /// The data source the check queries, by its id from the config, when not the default.
    public var source: String?
    /// What the check guards against, in the team's words (one of the seed's risks, say).
    public var description: String?

    /// Creates a check.
    public init(id: CheckID, kind: CheckKind, source: String? = nil, description: String? = nil) {
        self.id = id
        self.kind = kind
        self.source = source
        self.description = description
    }
}
