import Foundation
import PipewatchCore

/// Reads one entry of `sources:`, a database that data checks query.
///
/// ```yaml
/// sources:
///   warehouse:
///     url: postgres://checker@db.internal:5432/warehouse
///     password_env: WAREHOUSE_PASSWORD
///     timezone: America/New_York     # for timestamps written without a zone
///     max_connections: 4
///   demo:
///     url: sqlite:demo/warehouse.sqlite
///     attach: { sales: demo/sales.sqlite }
/// ```
enum SourceSection {
    static let keys =
        [
            "url", "user_env", "password_env", "timezone", "max_connections", "attach", "demo",
        ] + MappingReader.secretKeys
    static let secretHint = "name the environment variable that holds it with 'password_env: NAME'"

    static func source(id: String, _ value: YAMLValue, context: ReadingContext, currentDirectory: URL) -> DataSource? {
        let log = context.log
        guard let fields = MappingReader(value, allowed: keys, log: log) else { return nil }
        fields.forbidSecrets(hint: secretHint, log: log)
        let directory = URL(fileURLWithPath: value.file, relativeTo: currentDirectory).deletingLastPathComponent()
        let location = fields.required(
            "url",
            log: log,
            hint: "give 'url: postgres://user@host:5432/database' or 'url: sqlite:path/to/file.sqlite'"
        )
        .flatMap { Self.location($0, directory: directory, log: log) }
        let userEnvironment = fields["user_env"]?.environmentName(log)
        let passwordEnvironment = fields["password_env"]?.environmentName(log)
        let zone = fields["timezone"].map { $0.timeZone(log) } ?? TimeZone(identifier: "UTC")
        let maxConnections = fields["max_connections"]?.integer(log) ?? 4
        if let site = fields["max_connections"], !(1...64).contains(maxConnections) {
            site.error("must be between 1 and 64", hint: "how many checks may query the source at once", in: log)
        }
        let attachments = fields["attach"].map { Self.attachments($0, directory: directory, log: log) } ?? []
        let isDemo = fields["demo"]?.bool(log) ?? false
        guard let location, let zone else { return nil }
        if case .postgres = location {
            for key in ["attach", "demo"] {
                fields.keySite(key)?.error("'\(key)' applies to SQLite sources only", in: log)
            }
        }
        if case .sqlite = location, let site = fields.keySite("password_env") ?? fields.keySite("user_env") {
            site.warning("an SQLite source has no user or password", hint: "remove it", in: log)
        }
        return DataSource(
            id: SourceID(id),
            location: location,
            userEnvironment: userEnvironment,
            passwordEnvironment: passwordEnvironment,
            timeZone: zone,
            maxConnections: maxConnections,
            attachments: attachments,
            isDemo: isDemo
        )
    }

    private static func location(_ value: YAMLValue, directory: URL, log: DiagnosticLog) -> DataSource.Location? {
        guard let text = value.string(log) else { return nil }
        if text.hasPrefix("sqlite:") {
            let path = String(text.dropFirst("sqlite:".count)).replacingOccurrences(
                of: "//",
                with: "",
                options: .anchored
            )
            guard !path.isEmpty else {
                value.error("the SQLite URL names no file", hint: "write 'sqlite:path/to/file.sqlite'", in: log)
                return nil
            }
            return .sqlite(path: URL(fileURLWithPath: path, relativeTo: directory).standardizedFileURL.path)
        }
        guard text.hasPrefix("postgres://") || text.hasPrefix("postgresql://"),
            let components = URLComponents(string: text), components.host?.isEmpty == false
        else {
            value.error(
                "expected a 'postgres://' or 'sqlite:' URL, found '\(text)'",
                hint: "for example 'postgres://checker@db:5432/warehouse' or 'sqlite:warehouse.sqlite'",
                in: log
            )
            return nil
        }
        if components.password != nil {
            value.error("the URL holds a password, which would write a secret in the config", hint: secretHint, in: log)
            return nil
        }
        return .postgres(url: text)
    }

    private static func attachments(_ value: YAMLValue, directory: URL, log: DiagnosticLog) -> [DataSource.Attachment] {
        guard let entries = MappingReader(value, allowed: nil, log: log) else { return [] }
        return entries.entries.compactMap { entry in
            guard let path = entry.value.string(log) else { return nil }
            guard entry.key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else {
                entry.keyValue.error(
                    "schema name '\(entry.key)' must be letters, digits and '_'",
                    hint: "it is what checks write before the table name, as in 'sales.orders'",
                    in: log
                )
                return nil
            }
            let file = URL(fileURLWithPath: path, relativeTo: directory).standardizedFileURL.path
            return DataSource.Attachment(schema: entry.key, path: file)
        }
    }
}
