public import Foundation
public import PipewatchCore
public import PipewatchStore

/// Turns a message for a person into outbox rows: one per contact method, each with the body
/// its channel sends and an idempotency key derived from `key`, in the caller's transaction.
public struct OutboxWriter: Sendable {
    /// The sender of email contacts' messages (`smtp.from`).
    public var mailFrom: String?

    /// Creates a writer.
    ///
    /// - Parameter mailFrom: The sender of email, `smtp.from`; needed only for email contacts.
    public init(mailFrom: String? = nil) {
        self.mailFrom = mailFrom
    }

    /// Queues `message` for every contact of `recipient`.
    ///
    /// - Parameters:
    ///   - message: What to say.
    ///   - recipient: Who, as stored (`engineer:a`, `stakeholder:ir`, `team`).
    ///   - contacts: Where they are reached.
    ///   - key: Unique for this message to this recipient; a second call with it queues nothing.
    ///   - transaction: The transaction of the change that causes the message.
    ///   - now: When.
    ///   - preferences: The recipient's channels per severity and quiet hours, read in `timeZone`.
    /// - Returns: How many rows were queued (0 for a repeat, or a recipient without contacts).
    @discardableResult
    public func enqueue(
        _ message: NotificationMessage,
        to recipient: String,
        contacts: [ContactMethod],
        key: String,
        in transaction: any IncidentTransaction,
        at now: Date,
        preferences: NotificationPreferences = NotificationPreferences(),
        timeZone: TimeZone = .gmt
    ) async throws -> Int {
        var queued = 0
        let severity = message.severity.flatMap(Severity.init(rawValue:))
        let due = preferences.deliveryTime(severity: severity, at: now, in: timeZone)
        let chosen = Set(preferences.contacts(contacts, severity: severity))
        for (index, contact) in contacts.enumerated() where chosen.contains(contact) {
            let rowKey = "\(key)/\(recipient)/\(index)"
            let body: String
            if case .email(let address) = contact {
                let from = mailFrom ?? "pipewatch@localhost"
                body = ChannelFormatter.email(message, from: from, to: address, key: rowKey, at: now)
            } else {
                body = ChannelFormatter.body(of: message, for: contact.channel)
            }
            let row = OutboxMessage(
                idempotencyKey: rowKey,
                incidentID: message.incidentID,
                kind: message.kind,
                recipient: recipient,
                channel: contact.channel.rawValue,
                contact: StoredContact(contact).json,
                title: message.title,
                body: body,
                nextAttemptAt: due,
                createdAt: now
            )
            if try await transaction.enqueue(row) { queued += 1 }
        }
        return queued
    }
}
