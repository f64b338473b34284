import Foundation
import PipewatchCore

/// The request body each channel sends for a message, written once when the message is queued.
enum ChannelFormatter {
    /// The body for `channel`: the message as JSON for a webhook; `text` and `blocks` for Slack.
    static func body(of message: NotificationMessage, for channel: NotificationChannel) -> String {
        switch channel {
        case .webhook: json(message)
        case .slack: json(SlackPayload(message))
        case .pagerduty: json(PagerDutyTrigger(message))
        case .email: "{}"  // needs the addresses: see `email(_:from:to:key:at:)`
        }
    }

    /// A PagerDuty Events v2 `acknowledge` or `resolve` for the incident a trigger opened (same
    /// dedup key); like the trigger, without its routing key.
    static func pagerDutyFollowUp(_ action: String, incidentID: Int64) -> String {
        json(["event_action": action, "dedup_key": PagerDutyTrigger.dedupKey(incidentID: incidentID)])
    }

    private static func json(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    /// The complete email (headers and both MIME parts) for `message`, as the outbox keeps it:
    /// only the SMTP envelope is added when it is sent.
    ///
    /// - Parameters:
    ///   - from: The sender, `smtp.from`.
    ///   - to: The recipient's address.
    ///   - key: The outbox row's idempotency key, which makes the `Message-ID`.
    ///   - now: The `Date` header.
    static func email(_ message: NotificationMessage, from: String, to: String, key: String, at now: Date) -> String {
        EmailMessage(message: message, from: from, to: to, key: key, date: now).rendered
    }

    /// A PagerDuty Events v2 trigger without its routing key, which the dispatcher adds when it
    /// sends (the key is a secret; the outbox never holds one). Every page of one incident shares
    /// the dedup key `pipewatch-INC-<id>`, so escalation steps add to one PagerDuty incident.
    struct PagerDutyTrigger: Codable {
        struct Payload: Codable {
            let summary: String
            let source: String
            let severity: String
            let component: String?
            let group: String
            let customDetails: [String: String]

            enum CodingKeys: String, CodingKey {
                case summary, source, severity, component, group
                case customDetails = "custom_details"
            }
        }
        struct Link: Codable {
            let href: String
            let text: String
        }

        let eventAction: String
        let dedupKey: String?
        let payload: Payload
        let links: [Link]
        let client: String

        enum CodingKeys: String, CodingKey {
            case payload, links, client
            case eventAction = "event_action"
            case dedupKey = "dedup_key"
        }

        /// The dedup key of every event about one incident: `pipewatch-INC-<id>`.
        static func dedupKey(incidentID: Int64) -> String { "pipewatch-INC-\(incidentID)" }

        init(_ message: NotificationMessage) {
            eventAction = "trigger"
            dedupKey = message.incidentID.map(Self.dedupKey(incidentID:))
            var details = message.fields
            details["text"] = message.text
            details["kind"] = message.kind
            payload = Payload(
                summary: String(message.title.prefix(PagerDutyEvent.maxSummary)),
                source: "pipewatch" + (message.pipeline.map { "/\($0)" } ?? ""),
                severity: ["critical": "critical", "high": "error", "normal": "warning"][message.severity ?? ""]
                    ?? "info",
                component: message.pipeline,
                group: message.kind,
                customDetails: details
            )
            links = message.fields["acknowledge_url"].map { [Link(href: $0, text: "Acknowledge in Pipewatch")] } ?? []
            client = "Pipewatch"
        }
    }

    /// Slack's incoming-webhook body: a fallback `text` and Block Kit sections.
    private struct SlackPayload: Encodable {
        struct Text: Encodable {
            let type: String
            let text: String
        }
        struct Block: Encodable {
            let type: String
            let text: Text
        }
        let text: String
        let blocks: [Block]

        init(_ message: NotificationMessage) {
            text = message.title
            let lines = message.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            blocks = [
                Block(type: "header", text: Text(type: "plain_text", text: String(message.title.prefix(150)))),
                Block(type: "section", text: Text(type: "mrkdwn", text: lines.dropFirst().joined(separator: "\n"))),
            ]
        }
    }
}
