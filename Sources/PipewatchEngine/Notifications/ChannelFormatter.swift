import Foundation
import PipewatchCore

/// The request body each channel sends for a message, written once when the message is queued.
enum ChannelFormatter {
    /// The body for `channel`: the message as JSON for a webhook; `text` and `blocks` for Slack.
    static func body(of message: NotificationMessage, for channel: NotificationChannel) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data: Data?
        switch channel {
        case .webhook:
            data = try? encoder.encode(message)
        case .slack:
            data = try? encoder.encode(SlackPayload(message))
        }
        return data.map { String(decoding: $0, as: UTF8.self) } ?? "{}"
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
