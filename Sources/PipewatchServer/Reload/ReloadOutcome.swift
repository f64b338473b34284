/// What a reload did.
public enum ReloadOutcome: Sendable {
    /// The config was valid and is served now.
    case reloaded(ConfigGeneration, warnings: [String])
    /// The config had errors; the last good one is still served.
    case refused(errors: [String], warnings: [String])
    /// The server was started without config files to read again.
    case unavailable
}
