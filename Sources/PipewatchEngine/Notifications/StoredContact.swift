import Foundation
import PipewatchCore

/// A contact method as the outbox keeps it: JSON naming the URL (or the variable holding it) and
/// the variable holding the signing secret, never a secret itself.
struct StoredContact: Codable, Sendable, Hashable {
    var type: String
    var url: String?
    var urlEnv: String?
    var secretEnv: String?
    var routingKeyEnv: String?
    /// An email contact's address.
    var address: String?

    enum CodingKeys: String, CodingKey {
        case type, url, address
        case urlEnv = "url_env"
        case secretEnv = "secret_env"
        case routingKeyEnv = "routing_key_env"
    }

    init(_ contact: ContactMethod) {
        switch contact {
        case .webhook(let url, let secretEnv):
            self.init(type: NotificationChannel.webhook.rawValue, url: url, secretEnv: secretEnv)
        case .slack(let url):
            self.init(type: NotificationChannel.slack.rawValue, url: url, secretEnv: nil)
        case .pagerDuty(let url, let key):
            self.init(type: NotificationChannel.pagerduty.rawValue, url: url, secretEnv: nil)
            routingKeyEnv = key
        case .email(let address):
            self.init(type: NotificationChannel.email.rawValue, url: nil, secretEnv: nil)
            self.address = address
        }
    }

    private init(type: String, url: ConfiguredValue?, secretEnv: String?) {
        self.type = type
        switch url {
        case .literal(let text): self.url = text
        case .environment(let name): self.urlEnv = name
        case nil: break
        }
        self.secretEnv = secretEnv
    }

    /// Reads the JSON the outbox holds; `nil` when it does not parse.
    init?(json: String) {
        guard let value = try? JSONDecoder().decode(StoredContact.self, from: Data(json.utf8)) else { return nil }
        self = value
    }

    var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    /// The URL to post to, reading the environment for `url_env`.
    func resolvedURL(in environment: [String: String]) -> String? {
        url ?? urlEnv.flatMap { environment[$0] }.flatMap { $0.isEmpty ? nil : $0 }
    }
}
