import PipewatchCore
import Yams

/// Reads one entry of `actions:`: a command or an HTTP request that run book steps name with `action:`.
///
/// ```yaml
/// actions:
///   rebuild-engagement:
///     command: [dbt, build, --select, engagement]
///     cwd: dbt
///     env: [DBT_PROFILES_DIR]
///     timeout: 20m
///   backfill:
///     http: { method: POST, url_env: AIRFLOW_DAGRUNS_URL, body: { logical_date: null } }
/// ```
enum ActionSection {
    static let keys = ["command", "cwd", "env", "http", "timeout"]
    /// How long a command may run when `timeout` is not given.
    static let commandTimeout = Duration.seconds(300)
    /// How long a request may take when `timeout` is not given.
    static let requestTimeout = Duration.seconds(30)

    static func action(id: String, _ value: YAMLValue, context: ReadingContext) -> ActionDefinition? {
        let log = context.log
        guard let fields = MappingReader(value, allowed: keys, log: log) else { return nil }
        let kind: ActionDefinition.Kind?
        let defaultTimeout: Duration
        switch (fields["command"], fields["http"]) {
        case (let command?, nil):
            kind = Self.command(command, fields: fields, log: log)
            defaultTimeout = commandTimeout
        case (nil, let request?):
            for key in ["cwd", "env"] {
                fields.keySite(key)?.error(
                    "'\(key)' applies to command actions only",
                    hint: "an HTTP action takes 'http:' and 'timeout:'",
                    in: log
                )
            }
            kind = HTTPActionSection.request(request, context: context)
            defaultTimeout = requestTimeout
        case (nil, nil):
            value.error(
                "action '\(id)' has neither 'command' nor 'http'",
                hint: "give 'command: [program, arguments…]' or 'http: { method: POST, url_env: NAME }'",
                in: log
            )
            return nil
        case (_?, _?):
            value.error(
                "an action is either 'command' or 'http', not both",
                hint: "declare a second action for the other",
                in: log
            )
            return nil
        }
        let timeout = fields["timeout"].map { $0.positiveDuration(log) } ?? defaultTimeout
        guard let kind, let timeout else { return nil }
        return ActionDefinition(id: ActionID(id), kind: kind, timeout: timeout)
    }

    /// `command: [program, arguments…]` with optional `cwd` and `env` (names of variables passed on).
    private static func command(_ value: YAMLValue, fields: MappingReader, log: DiagnosticLog) -> ActionDefinition.Kind?
    {
        guard case .sequence = value.node else {
            value.error(
                "expected a list of arguments, found \(value.kindName)",
                hint: "write the program and its arguments as a list, e.g. '[dbt, run, --select, orders]'; "
                    + "no shell is used",
                in: log
            )
            return nil
        }
        let items = value.list(log) ?? []
        let arguments = items.compactMap { $0.string(log) }
        if items.isEmpty {
            value.error("the command is empty", hint: "give the program to run, then its arguments", in: log)
        }
        let directoryValue = fields["cwd"]
        let directory = directoryValue?.string(log)
        let environmentValues = fields["env"]?.list(log) ?? []
        let environment = environmentValues.compactMap { $0.environmentName(log) }
        guard !items.isEmpty, arguments.count == items.count, directoryValue == nil || directory != nil,
            environment.count == environmentValues.count
        else { return nil }
        return .command(arguments: arguments, workingDirectory: directory, environment: environment)
    }
}
