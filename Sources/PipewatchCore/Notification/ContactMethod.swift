/// Where a person (or the team) is reached: an entry of `contacts:` in the config.
public enum ContactMethod: Sendable, Hashable, CustomStringConvertible {
    /// A generic webhook: a JSON body signed with HMAC-SHA256 under the secret in `secretEnv`.
    case webhook(url: ConfiguredValue, secretEnv: String?)
    /// A Slack-compatible incoming webhook (text and blocks).
    case slack(url: ConfiguredValue)
    /// PagerDuty's Events API v2 (or anything that speaks it): a trigger per page, posted to
    /// `url` + `/v2/enqueue` with the routing key read from `routingKeyEnv` when it is sent.
    case pagerDuty(url: ConfiguredValue, routingKeyEnv: String)
    /// Email to `address`, sent through the config's `smtp:` server as plain text and HTML.
    case email(address: String)

    /// Where PagerDuty's Events API lives.
    public static let pagerDutyEventsURL = "https://events.pagerduty.com"

    /// The channel's name as stored in the outbox and shown in listings.
    public var channel: NotificationChannel {
        switch self {
        case .webhook: .webhook
        case .slack: .slack
        case .pagerDuty: .pagerduty
        case .email: .email
        }
    }

    public var description: String {
        switch self {
        case .webhook(let url, _): "webhook \(url)"
        case .slack(let url): "slack \(url)"
        case .pagerDuty(let url, let key): "pagerduty \(url) ($\(key))"
        case .email(let address): "email \(address)"
        }
    }
}

/// The kinds of channel a notification can go out on.
public enum NotificationChannel: String, Sendable, Hashable, Codable, CaseIterable {
    case webhook
    case slack
    case pagerduty
    case email
}
