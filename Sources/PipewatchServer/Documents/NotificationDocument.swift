import Foundation
import PipewatchCore
public import PipewatchStore

/// A message of the outbox as the API and `pipewatch notifications list --format json` show it.
public struct NotificationDocument: Codable, Sendable, Equatable {
    public let id: Int64
    public let incidentID: Int64?
    public let kind: String
    public let recipient: String
    public let channel: String
    public let title: String
    public let state: String
    public let attempts: Int
    public let nextAttemptAt: String?
    public let deliveredAt: String?
    public let lastError: String?
    public let createdAt: String

    enum CodingKeys: String, CodingKey {
        case id, kind, recipient, channel, title, state, attempts
        case incidentID = "incident_id"
        case nextAttemptAt = "next_attempt_at"
        case deliveredAt = "delivered_at"
        case lastError = "last_error"
        case createdAt = "created_at"
    }

    /// The document of `message`, times in UTC.
    public init(_ message: OutboxMessage) {
        let format = { (date: Date) in ISO8601Text.formatMilliseconds(date, in: .gmt) }
        id = message.id
        incidentID = message.incidentID
        kind = message.kind
        recipient = message.recipient
        channel = message.channel
        title = message.title
        state = message.state.rawValue
        attempts = message.attempts
        nextAttemptAt = message.state == .pending ? format(message.nextAttemptAt) : nil
        deliveredAt = message.deliveredAt.map(format)
        lastError = message.lastError
        createdAt = format(message.createdAt)
    }
}

/// `{"notifications": [...]}`.
public struct NotificationList: Codable, Sendable, Equatable {
    public let notifications: [NotificationDocument]

    /// Creates the list.
    public init(_ messages: [OutboxMessage]) { notifications = messages.map(NotificationDocument.init) }
}
