/// A message for a person, before a channel formats it: what Pipewatch sends through the outbox.
public struct NotificationMessage: Sendable, Hashable, Codable {
    /// What the message is: `page`, `team_notice`, `stakeholder_notice`, `reminder`.
    public var kind: String
    /// One line, for a subject or a push notification.
    public var title: String
    /// The whole message as plain text, lines separated by newlines.
    public var text: String
    /// The incident it is about, if any.
    public var incidentID: Int64?
    public var pipeline: String?
    public var severity: String?
    /// Facts for programs reading a webhook (`since`, `acknowledge_url`, evidence, …).
    public var fields: [String: String]

    /// Creates a message.
    public init(
        kind: String,
        title: String,
        text: String,
        incidentID: Int64? = nil,
        pipeline: String? = nil,
        severity: String? = nil,
        fields: [String: String] = [:]
    ) {
        self.kind = kind
        self.title = title
        self.text = text
        self.incidentID = incidentID
        self.pipeline = pipeline
        self.severity = severity
        self.fields = fields
    }

    enum CodingKeys: String, CodingKey {
        case kind, title, text, pipeline, severity, fields
        case incidentID = "incident_id"
    }
}
