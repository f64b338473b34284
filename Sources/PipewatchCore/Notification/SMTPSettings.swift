/// How Pipewatch sends email (`smtp:` in the config): the server, whether the connection must be
/// upgraded with STARTTLS, the environment variables holding the login, and the sender address.
/// The password is never here: only the name of the variable that holds it.
public struct SMTPSettings: Sendable, Hashable {
    /// Whether the session is encrypted with STARTTLS before anything is sent.
    public enum StartTLS: String, Sendable, Hashable, CaseIterable {
        /// STARTTLS must be offered and used; otherwise nothing is sent.
        case required
        /// Plain SMTP, for a relay on the same host or network.
        case none
    }

    /// The server's name (checked against its certificate with STARTTLS).
    public var host: String
    /// The port, 587 (submission) by default.
    public var port: Int
    /// Whether the session must be encrypted with STARTTLS.
    public var startTLS: StartTLS
    /// The variable holding the user name; no AUTH when `nil`.
    public var usernameEnv: String?
    /// The variable holding the password.
    public var passwordEnv: String?
    /// The sender (`From:` and `MAIL FROM`); required when any contact is `email`.
    public var from: String?
    /// How long one message may take, connection to QUIT.
    public var timeout: Duration
    /// A PEM file of extra certificate authorities to trust, for a private CA.
    public var caFile: String?

    /// Creates settings; the defaults are those of the documentation.
    public init(
        host: String,
        port: Int = 587,
        startTLS: StartTLS = .required,
        usernameEnv: String? = nil,
        passwordEnv: String? = nil,
        from: String? = nil,
        timeout: Duration = .seconds(30),
        caFile: String? = nil
    ) {
        self.host = host
        self.port = port
        self.startTLS = startTLS
        self.usernameEnv = usernameEnv
        self.passwordEnv = passwordEnv
        self.from = from
        self.timeout = timeout
        self.caFile = caFile
    }
}
