import PipewatchCore

/// Values that may be read from the environment when used (`url:` or `url_env:`), and secrets,
/// which may only be: the config is committed and shared, so it must never hold one.
extension MappingReader {
    /// Keys that would put a secret in the config. A mapping that may meet them allows them,
    /// so that ``forbidSecrets(hint:log:)`` can explain instead of "unknown key".
    static let secretKeys = ["secret", "signing_secret", "password", "token"]

    /// The value of the key written as it is.
    func keySite(_ key: String) -> YAMLValue? {
        entries.first { $0.key == key }?.keyValue
    }

    /// Logs an error at each secret key present (see ``secretKeys``).
    func forbidSecrets(hint: String, log: DiagnosticLog) {
        for key in Self.secretKeys {
            keySite(key)?.error("'\(key)' would write a secret in the config", hint: hint, in: log)
        }
    }

    /// An http(s) URL given as `url: https://…` or as `url_env: NAME`, exactly one of them;
    /// `nil` after logging when neither or both are given, or the one given is malformed.
    func configuredURL(log: DiagnosticLog) -> ConfiguredValue? {
        switch (self["url"], self["url_env"]) {
        case (let literal?, nil):
            return literal.httpURL(log).map { .literal($0) }
        case (nil, let name?):
            return name.environmentName(log).map { .environment($0) }
        case (nil, nil):
            value.error(
                "missing key 'url_env' or 'url'",
                hint: "give 'url_env: NAME', the environment variable that holds the address, or 'url: https://…'",
                in: log
            )
            return nil
        case (_?, _?):
            value.error(
                "give 'url' or 'url_env', not both",
                hint: "'url_env' names the environment variable that holds the address; 'url' writes it here",
                in: log
            )
            return nil
        }
    }
}
