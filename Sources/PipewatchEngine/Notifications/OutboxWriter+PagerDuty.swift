import Crypto
public import Foundation
public import PipewatchCore
public import PipewatchStore

extension OutboxWriter {
    /// Tells every PagerDuty service that an incident paged that it was acknowledged or resolved
    /// in Pipewatch: an Events v2 `acknowledge` or `resolve` with the incident's dedup key, so
    /// PagerDuty stops paging its own escalation policy for a breakage someone already has.
    ///
    /// - Parameters:
    ///   - incident: The incident after the change; nothing is queued unless it is acknowledged or resolved.
    ///   - transaction: The transaction of the change, which also holds the pages sent so far.
    ///   - now: When.
    /// - Returns: How many follow-ups were queued: one per PagerDuty contact the incident paged.
    @discardableResult
    public func followUpPagerDuty(
        _ incident: Incident,
        in transaction: any IncidentTransaction,
        at now: Date
    ) async throws -> Int {
        let action: String
        switch incident.state {
        case .acknowledged: action = "acknowledge"
        case .resolved: action = "resolve"
        default: return 0
        }
        let kind = "pagerduty_\(action)"
        assert(OutboxMessage.followUpKinds.contains(kind), "the dispatcher must order '\(kind)' after the trigger")
        let channel = NotificationChannel.pagerduty.rawValue
        var queued = 0
        for contact in try await transaction.outboxContacts(incidentID: incident.id, channel: channel) {
            let contactKey = HexText.encode(SHA256.hash(data: Data(contact.utf8)).prefix(8))
            let message = OutboxMessage(
                idempotencyKey:
                    "pagerduty-\(action)/INC-\(incident.id)/\(Int64((now.timeIntervalSince1970 * 1000).rounded()))/\(contactKey)",
                incidentID: incident.id,
                kind: kind,
                recipient: "pagerduty",
                channel: channel,
                contact: contact,
                title: "\(incident.reference) \(action == "resolve" ? "resolved" : "acknowledged") in Pipewatch",
                body: ChannelFormatter.pagerDutyFollowUp(action, incidentID: incident.id),
                nextAttemptAt: now,
                createdAt: now
            )
            if try await transaction.enqueue(message) { queued += 1 }
        }
        return queued
    }
}
