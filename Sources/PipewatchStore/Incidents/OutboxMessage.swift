public import Foundation

/// A notification in the outbox: what to send, to whom, on which channel, and how delivery went.
///
/// The body is stored exactly as it will be sent, so its signature and its `Idempotency-Key`
/// are the same on every attempt.
public struct OutboxMessage: Sendable, Hashable, Identifiable {
    public var id: Int64
    /// Unique per message; a second insert with the same key does nothing.
    public var idempotencyKey: String
    public var incidentID: Int64?
    /// `page`, `team_notice`, `stakeholder_notice`, `reminder`, or one of ``followUpKinds``.
    public var kind: String
    /// Who it is for: `engineer:a`, `stakeholder:investor-relations`, `team`.
    public var recipient: String
    /// `webhook` or `slack`.
    public var channel: String
    /// The contact method as JSON (URL or the variable holding it, the secret's variable).
    public var contact: String
    public var title: String
    /// The request body, exactly as sent.
    public var body: String
    public var state: State
    public var attempts: Int
    public var nextAttemptAt: Date
    public var deliveredAt: Date?
    public var lastError: String?
    public var createdAt: Date

    /// Kinds that follow what went before them to the same contact about the same incident
    /// (PagerDuty's `acknowledge` and `resolve` after its `trigger`): the dispatcher claims one only
    /// once every earlier message there is delivered or given up.
    public static let followUpKinds = ["pagerduty_acknowledge", "pagerduty_resolve"]

    /// Where a message is in its delivery.
    public enum State: String, Sendable, Hashable, Codable, CaseIterable {
        case pending, delivered, dead
    }

    /// Creates a message; `id` is assigned by the store.
    public init(
        id: Int64 = 0,
        idempotencyKey: String,
        incidentID: Int64?,
        kind: String,
        recipient: String,
        channel: String,
        contact: String,
        title: String,
        body: String,
        state: State = .pending,
        attempts: Int = 0,
        nextAttemptAt: Date,
        deliveredAt: Date? = nil,
        lastError: String? = nil,
        createdAt: Date
    ) {
        self.id = id
        self.idempotencyKey = idempotencyKey
        self.incidentID = incidentID
        self.kind = kind
        self.recipient = recipient
        self.channel = channel
        self.contact = contact
        self.title = title
        self.body = body
        self.state = state
        self.attempts = attempts
        self.nextAttemptAt = nextAttemptAt
        self.deliveredAt = deliveredAt
        self.lastError = lastError
        self.createdAt = createdAt
    }
}
