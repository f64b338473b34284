/// A data check declared on a pipeline, evaluated against the data itself.
public struct Check: Sendable, Equatable, Identifiable {
    public var id: CheckID
    public var kind: CheckKind
    /// The data source the check queries, by its id from `sources:`; the pipeline's or team's
    /// default when `nil`.
    public var source: SourceID?
    /// What the check guards against, in the team's words (one of the seed's risks, say).
    public var description: String?
    /// When the engine runs it.
    public var schedule: CheckSchedule
    /// How long its queries may take before the check errors.
    public var timeout: Duration

    /// How long a check may run when the config does not say.
    public static let defaultTimeout = Duration.seconds(30)

    /// Creates a check.
    public init(
        id: CheckID,
        kind: CheckKind,
        source: SourceID? = nil,
        description: String? = nil,
        schedule: CheckSchedule = .standard,
        timeout: Duration = Check.defaultTimeout
    ) {
        self.id = id
        self.kind = kind
        self.source = source
        self.description = description
        self.schedule = schedule
        self.timeout = timeout
    }
}
