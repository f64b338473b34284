/// One problem found in the config, printed the way compilers print theirs:
/// `pipewatch.yaml:7:14: error: pipelines.profit.owners.primary: unknown engineer 'e'`.
public struct Diagnostic: Sendable, Hashable, Codable, CustomStringConvertible {
    /// How serious a finding is: errors make the config unusable, warnings do not.
    public enum Severity: String, Sendable, Hashable, Codable {
        case error
        case warning
    }

    public var location: SourceLocation
    public var severity: Severity
    public var message: String
    /// How to fix it, when there is something to say.
    public var hint: String?

    /// Creates a diagnostic.
    public init(location: SourceLocation, severity: Severity, message: String, hint: String? = nil) {
        self.location = location
        self.severity = severity
        self.message = message
        self.hint = hint
    }

    /// The compiler-style line, followed by an indented hint line when there is a hint.
    public var description: String {
        let line = "\(location): \(severity.rawValue): \(message)"
        return hint.map { "\(line)\n    hint: \($0)" } ?? line
    }

    private enum CodingKeys: String, CodingKey {
        case file, line, column, severity, message, hint
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        location = SourceLocation(
            file: try container.decode(String.self, forKey: .file),
            line: try container.decode(Int.self, forKey: .line),
            column: try container.decode(Int.self, forKey: .column)
        )
        severity = try container.decode(Severity.self, forKey: .severity)
        message = try container.decode(String.self, forKey: .message)
        hint = try container.decodeIfPresent(String.self, forKey: .hint)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(location.file, forKey: .file)
        try container.encode(location.line, forKey: .line)
        try container.encode(location.column, forKey: .column)
        try container.encode(severity, forKey: .severity)
        try container.encode(message, forKey: .message)
        try container.encodeIfPresent(hint, forKey: .hint)
    }
}
