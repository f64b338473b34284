/// Why a posted RunEvent was refused. The description names the field, for the HTTP 400 body.
public enum LineageEventError: Error, Sendable, Equatable, CustomStringConvertible {
    case malformedJSON
    case missingField(String)
    case wrongType(field: String, expected: String)
    case invalidRunID(field: String, value: String)
    case unknownEventType(String)
    case invalidTime(field: String, value: String)
    case nulCharacter(field: String)
    case tooLong(field: String, limit: Int)

    public var description: String {
        switch self {
        case .malformedJSON: "the body is not a JSON object"
        case .missingField(let field): "missing required field '\(field)'"
        case .wrongType(let field, let expected): "field '\(field)' must be \(expected)"
        case .invalidRunID(let field, let value): "field '\(field)' is not a UUID: '\(Self.shown(value))'"
        case .unknownEventType(let value):
            "field 'eventType' is '\(value)'; expected one of \(RunEventType.allCases.map(\.rawValue).joined(separator: ", "))"
        case .invalidTime(let field, let value):
            "field '\(field)' is not an ISO 8601 time with offset: '\(Self.shown(value))'"
        case .nulCharacter(let field): "field '\(field)' contains a NUL character"
        case .tooLong(let field, let limit): "field '\(field)' is longer than \(limit) characters"
        }
    }

    /// The JSON path of the field at fault, when there is one.
    public var field: String? {
        switch self {
        case .malformedJSON: nil
        case .missingField(let field), .wrongType(let field, _), .invalidTime(let field, _), .nulCharacter(let field),
            .invalidRunID(let field, _), .tooLong(let field, _):
            field
        case .unknownEventType: "eventType"
        }
    }

    /// A value as an error repeats it: at most 100 characters, so a huge field is not echoed back.
    private static func shown(_ value: String) -> String {
        value.count <= 100 ? value : value.prefix(100) + "…"
    }
}
