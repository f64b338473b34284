/// An action a run book step can run, declared under `actions:`: a command or an HTTP request,
/// such as a backfill or an Airflow DAG-run trigger.
public struct ActionDefinition: Sendable, Equatable, Identifiable {
    public var id: ActionID
    /// What the action does.
    public var kind: Kind
    /// How long it may take before it is stopped (a command is killed; a request is abandoned).
    public var timeout: Duration

    /// The two ways an action runs.
    public enum Kind: Sendable, Equatable {
        /// A program run directly (no shell) with `arguments[0]` as the executable.
        ///
        /// - `workingDirectory`: where it runs, relative to the config's folder; the config's folder when `nil`.
        /// - `environment`: the names of the server's environment variables passed on; nothing else is.
        case command(arguments: [String], workingDirectory: String?, environment: [String])
        /// An HTTP request; header values come from environment variables only.
        ///
        /// - `headers`: header name → environment variable that holds its value.
        /// - `body`: a JSON document sent as the body, when given.
        case http(method: String, url: ConfiguredValue, headers: [String: String], body: String?)
    }

    /// Creates an action.
    public init(id: ActionID, kind: Kind, timeout: Duration = .seconds(300)) {
        self.id = id
        self.kind = kind
        self.timeout = timeout
    }
}

/// Identifies an action in ``TeamPlan/actions``.
public typealias ActionID = Identifier<ActionDefinition>
