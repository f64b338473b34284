import PipewatchCore
import Yams

/// Reads `contacts:` of an engineer, a stakeholder or the team: the webhooks pages and notices go to.
///
/// ```yaml
/// contacts:
///   - { webhook: { url_env: PIPEWATCH_WEBHOOK_URL_A, secret_env: PIPEWATCH_WEBHOOK_SECRET_A } }
///   - { slack: { url_env: PIPEWATCH_SLACK_URL_DATA } }
/// ```
enum ContactSection {
    /// How a contact is written, for hints.
    static let shape = "'{ webhook: { url_env: NAME, secret_env: NAME } }' or '{ slack: { url_env: NAME } }'"
    static let secretHint = "secrets come only from environment variables: use secret_env"

    static func contacts(_ value: YAMLValue, log: DiagnosticLog) -> [ContactMethod] {
        (value.list(log) ?? []).compactMap { contact($0, log: log) }
    }

    private static func contact(_ value: YAMLValue, log: DiagnosticLog) -> ContactMethod? {
        guard case .mapping(let mapping) = value.node else {
            value.error("expected a contact, found \(value.kindName)", hint: "write it as \(shape)", in: log)
            return nil
        }
        guard let fields = MappingReader(value, allowed: ["webhook", "slack"], log: log) else { return nil }
        guard fields.entries.count == 1, let entry = fields.entries.first else {
            if mapping.count == 0 {
                value.error("a contact names no channel", hint: "write it as \(shape)", in: log)
            } else if fields.entries.count > 1 {
                value.error(
                    "a contact is either 'webhook' or 'slack', not both",
                    hint: "write each channel as its own list item",
                    in: log
                )
            }
            return nil
        }
        return entry.key == "webhook" ? webhook(entry.value, log: log) : slack(entry.value, log: log)
    }

    /// `{ url | url_env, secret_env }`: a JSON body signed with HMAC-SHA256 under the secret.
    private static func webhook(_ value: YAMLValue, log: DiagnosticLog) -> ContactMethod? {
        let allowed = ["url", "url_env", "secret_env"] + MappingReader.secretKeys
        guard let fields = MappingReader(value, allowed: allowed, log: log) else { return nil }
        fields.forbidSecrets(hint: secretHint, log: log)
        let url = fields.configuredURL(log: log)
        let secretValue = fields["secret_env"]
        let secretEnv = secretValue?.environmentName(log)
        let writesSecret = MappingReader.secretKeys.contains { fields[$0] != nil }
        if secretValue == nil, !writesSecret {
            value.warning(
                "no 'secret_env': receivers cannot verify that requests come from Pipewatch",
                hint: "add 'secret_env: NAME', the environment variable that holds the signing secret",
                in: log
            )
        }
        guard let url, secretValue == nil || secretEnv != nil else { return nil }
        return .webhook(url: url, secretEnv: secretEnv)
    }

    /// `{ url | url_env }`: a Slack incoming webhook, whose address is itself the credential.
    private static func slack(_ value: YAMLValue, log: DiagnosticLog) -> ContactMethod? {
        let allowed = ["url", "url_env"] + MappingReader.secretKeys
        guard let fields = MappingReader(value, allowed: allowed, log: log) else { return nil }
        fields.forbidSecrets(
            hint: "a Slack webhook is not signed: its address is the credential, so give it as 'url_env: NAME'",
            log: log
        )
        return fields.configuredURL(log: log).map { .slack(url: $0) }
    }
}
