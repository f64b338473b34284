import PipewatchCore
import Yams

/// Reads `contacts:` of an engineer, a stakeholder or the team: the webhooks pages and notices go to.
///
/// ```yaml
/// contacts:
///   - { webhook: { url_env: PIPEWATCH_WEBHOOK_URL_A, secret_env: PIPEWATCH_WEBHOOK_SECRET_A } }
///   - { slack: { url_env: PIPEWATCH_SLACK_URL_DATA } }
///   - { pagerduty: { routing_key_env: PIPEWATCH_PD_DATA } }           # url: the Events API by default
///   - { email: { address: a@example.com } }                           # through `smtp:`
///   - { email: {} }                                                   # to the person's own `email:`
/// ```
enum ContactSection {
    /// How a contact is written, for hints.
    static let shape =
        "'{ webhook: { url_env: NAME, secret_env: NAME } }', '{ slack: { url_env: NAME } }', "
        + "'{ pagerduty: { routing_key_env: NAME } }' or '{ email: { address: a@example.com } }'"
    static let secretHint = "secrets come only from environment variables: use secret_env"

    /// The contacts of one person (or the team).
    ///
    /// - Parameters:
    ///   - ownEmail: The person's `email:`, which an `email` contact without `address` sends to.
    ///   - smtpConfigured: Whether the config has `smtp:`; an `email` contact without it is an error.
    static func contacts(
        _ value: YAMLValue,
        ownEmail: String? = nil,
        smtpConfigured: Bool,
        log: DiagnosticLog
    ) -> [ContactMethod] {
        (value.list(log) ?? []).compactMap { contact($0, ownEmail: ownEmail, smtpConfigured: smtpConfigured, log: log) }
    }

    private static func contact(
        _ value: YAMLValue,
        ownEmail: String?,
        smtpConfigured: Bool,
        log: DiagnosticLog
    ) -> ContactMethod? {
        guard case .mapping(let mapping) = value.node else {
            value.error("expected a contact, found \(value.kindName)", hint: "write it as \(shape)", in: log)
            return nil
        }
        guard let fields = MappingReader(value, allowed: ["webhook", "slack", "pagerduty", "email"], log: log) else {
            return nil
        }
        guard fields.entries.count == 1, let entry = fields.entries.first else {
            if mapping.count == 0 {
                value.error("a contact names no channel", hint: "write it as \(shape)", in: log)
            } else if fields.entries.count > 1 {
                value.error(
                    "a contact is one channel: 'webhook', 'slack', 'pagerduty' or 'email'",
                    hint: "write each channel as its own list item",
                    in: log
                )
            }
            return nil
        }
        switch entry.key {
        case "webhook": return webhook(entry.value, log: log)
        case "slack": return slack(entry.value, log: log)
        case "email": return email(entry.value, ownEmail: ownEmail, smtpConfigured: smtpConfigured, log: log)
        default: return pagerDuty(entry.value, log: log)
        }
    }

    /// `a@example.com`, `{ address: a@example.com }`, or `{}` for the person's own `email:`.
    private static func email(
        _ value: YAMLValue,
        ownEmail: String?,
        smtpConfigured: Bool,
        log: DiagnosticLog
    ) -> ContactMethod? {
        let expected = "an email address such as 'a@example.com'"
        let isValid = { (text: String) in EmailAddress.isValid(text) ? text : nil }
        var address: String?
        var site = value
        switch value.node {
        case .mapping:
            guard let fields = MappingReader(value, allowed: ["address"], log: log) else { return nil }
            if let given = fields["address"] {
                site = given
                guard let text = given.parse(log, expected: expected, isValid) else { return nil }
                address = text
            }
        case .scalar(let scalar) where !["", "~", "null"].contains(scalar.string):
            guard let text = value.parse(log, expected: expected, isValid) else { return nil }
            address = text
        default:
            break
        }
        if address == nil {
            guard let ownEmail else {
                value.error(
                    "an email contact names no address",
                    hint: "give '{ email: { address: a@example.com } }', or the person's own 'email:'",
                    in: log
                )
                return nil
            }
            guard EmailAddress.isValid(ownEmail) else {
                value.error("the person's email '\(ownEmail)' is not an address such as 'a@example.com'", in: log)
                return nil
            }
            address = ownEmail
        }
        guard smtpConfigured else {
            site.error(
                "an email contact needs the 'smtp:' section",
                hint: "add 'smtp: { host: smtp.example.com, from: pipewatch@example.com }' at the top level",
                in: log
            )
            return nil
        }
        return address.map { .email(address: $0) }
    }

    /// `{ routing_key_env, url | url_env }`: PagerDuty's Events API v2, for a team that keeps
    /// PagerDuty and lets Pipewatch route to it; `url` is PagerDuty's own unless given.
    private static func pagerDuty(_ value: YAMLValue, log: DiagnosticLog) -> ContactMethod? {
        let allowed = ["routing_key_env", "url", "url_env", "routing_key"] + MappingReader.secretKeys
        guard let fields = MappingReader(value, allowed: allowed, log: log) else { return nil }
        let hint = "the routing key is a secret: name the environment variable that holds it with 'routing_key_env'"
        fields.forbidSecrets(hint: hint, log: log)
        fields.keySite("routing_key")?.error("'routing_key' would write a secret in the config", hint: hint, in: log)
        let key = fields.required("routing_key_env", log: log, hint: hint)?.environmentName(log)
        let url: ConfiguredValue? =
            fields["url"] == nil && fields["url_env"] == nil
            ? .literal(ContactMethod.pagerDutyEventsURL) : fields.configuredURL(log: log)
        guard let key, let url, fields["routing_key"] == nil else { return nil }
        return .pagerDuty(url: url, routingKeyEnv: key)
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
