import Foundation
import PipewatchCore

/// Reads `smtp:`, the mail server `email` contacts are sent through:
///
/// ```yaml
/// smtp:
///   host: smtp.example.com
///   port: 587                       # the default
///   starttls: required              # the default; 'none' for a relay on this host
///   username_env: PIPEWATCH_SMTP_USER
///   password_env: PIPEWATCH_SMTP_PASSWORD
///   from: pipewatch@example.com
///   timeout: 30s                    # the default
///   ca_file: certs/mail-ca.pem      # extra CAs to trust, relative to this file
/// ```
enum SMTPSection {
    static let keys = [
        "host", "port", "starttls", "username_env", "password_env", "from", "timeout", "ca_file",
    ]
    static let passwordHint =
        "the password is a secret: name the environment variable that holds it with 'password_env'"

    static func settings(_ value: YAMLValue, context: ReadingContext, currentDirectory: URL) -> SMTPSettings? {
        let log = context.log
        guard let fields = MappingReader(value, allowed: keys + MappingReader.secretKeys, log: log) else { return nil }
        fields.forbidSecrets(hint: passwordHint, log: log)
        let host = fields.required("host", log: log, hint: "the mail server's name, such as 'smtp.example.com'")?
            .parse(log, expected: "a host name such as 'smtp.example.com'") { text in
                !text.isEmpty && !text.contains(where: { $0.isWhitespace || $0 == "/" || $0 == "@" }) ? text : nil
            }
        let port =
            fields["port"].map { value in
                value.parse(log, expected: "a port number from 1 to 65535") {
                    Int($0).flatMap { (1...65535).contains($0) ? $0 : nil }
                }
            } ?? 587
        let modes = Dictionary(uniqueKeysWithValues: SMTPSettings.StartTLS.allCases.map { ($0.rawValue, $0) })
        let startTLS = fields["starttls"].map { context.choice($0, "starttls mode", modes) } ?? .required
        let usernameEnv = fields["username_env"]?.environmentName(log)
        let passwordEnv = fields["password_env"]?.environmentName(log)
        if usernameEnv != nil, fields["password_env"] == nil {
            value.error("'username_env' is given without 'password_env'", hint: passwordHint, in: log)
        }
        if fields["password_env"] != nil, fields["username_env"] == nil {
            value.error(
                "'password_env' is given without 'username_env'",
                hint: "name the environment variable that holds the user name with 'username_env'",
                in: log
            )
        }
        let from = fields["from"]?.parse(log, expected: "an email address such as 'pipewatch@example.com'") {
            EmailAddress.isValid($0) ? $0 : nil
        }
        let timeout = fields["timeout"].map { $0.positiveDuration(log) } ?? .seconds(30)
        let caFile = fields["ca_file"].flatMap { readCAFile($0, log: log, currentDirectory: currentDirectory) }
        let hasSecret = MappingReader.secretKeys.contains { fields[$0] != nil }
        guard let host, let port, let startTLS, let timeout, !hasSecret else { return nil }
        guard fields["from"] == nil || from != nil, fields["ca_file"] == nil || caFile != nil else { return nil }
        return SMTPSettings(
            host: host,
            port: port,
            startTLS: startTLS,
            usernameEnv: usernameEnv,
            passwordEnv: passwordEnv,
            from: from,
            timeout: timeout,
            caFile: caFile
        )
    }

    /// A readable PEM file, relative to the config file that names it; the absolute path.
    private static func readCAFile(_ value: YAMLValue, log: DiagnosticLog, currentDirectory: URL) -> String? {
        guard let path = value.string(log) else { return nil }
        let configDirectory = URL(fileURLWithPath: value.file, relativeTo: currentDirectory).deletingLastPathComponent()
        let url = URL(fileURLWithPath: path, relativeTo: configDirectory).standardizedFileURL
        guard let text = try? String(contentsOf: url, encoding: .utf8), text.contains("-----BEGIN CERTIFICATE-----")
        else {
            value.error(
                "cannot read certificates from '\(path)'",
                hint: "give a PEM file of CA certificates; paths are relative to the config file that names them",
                in: log
            )
            return nil
        }
        return url.path
    }
}
