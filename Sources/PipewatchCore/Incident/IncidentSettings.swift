/// Team-wide settings of the incident engine (`incidents:` in the config). Every field has a default.
public struct IncidentSettings: Sendable, Equatable {
    /// A repeat within this time of a resolution reopens the incident instead of opening a new one.
    public var reopenWithin: Duration
    /// How long every signal of an incident must have stayed clear before it resolves itself.
    public var autoResolveAfter: Duration
    /// How often signals are evaluated for what time alone changes (deadlines, runs still going).
    public var evaluateEvery: Duration
    /// Delivery attempts of a notification before it moves to the dead letters.
    public var deliveryAttempts: Int
    /// How long before `deliver_by` stakeholders hear that a delivery is at risk (per pipeline override).
    public var noticeBefore: Duration
    /// The address people reach the server at, for links in pages (`https://pipewatch.example.com`).
    public var publicURL: String?

    /// Creates settings; the defaults are those of the documentation.
    public init(
        reopenWithin: Duration = .seconds(3600),
        autoResolveAfter: Duration = .seconds(600),
        evaluateEvery: Duration = .seconds(5),
        deliveryAttempts: Int = 10,
        noticeBefore: Duration = .seconds(3600),
        publicURL: String? = nil
    ) {
        self.reopenWithin = reopenWithin
        self.autoResolveAfter = autoResolveAfter
        self.evaluateEvery = evaluateEvery
        self.deliveryAttempts = deliveryAttempts
        self.noticeBefore = noticeBefore
        self.publicURL = publicURL
    }
}
