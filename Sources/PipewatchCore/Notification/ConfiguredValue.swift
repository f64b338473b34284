/// A value from the config that is either written there or read from an environment variable
/// when used, such as a webhook URL (`url:` or `url_env:`). Secrets are only ever `environment`.
public enum ConfiguredValue: Sendable, Hashable, CustomStringConvertible {
    case literal(String)
    /// The name of an environment variable read when the value is needed.
    case environment(String)

    /// The value, reading the environment for `environment`; `nil` when the variable is unset or empty.
    ///
    /// - Parameter environment: The process environment (passed in: Core reads none).
    /// - Returns: The value, or `nil`.
    public func resolve(in environment: [String: String]) -> String? {
        switch self {
        case .literal(let text): text
        case .environment(let name): environment[name].flatMap { $0.isEmpty ? nil : $0 }
        }
    }

    /// How it is shown to people: a literal as written, a variable as `$NAME` (never its value).
    public var description: String {
        switch self {
        case .literal(let text): text
        case .environment(let name): "$\(name)"
        }
    }
}
