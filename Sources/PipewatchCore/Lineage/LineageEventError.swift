/// Why a posted RunEvent was refused. The description names the field, for the HTTP 400 body.
public enum LineageEventError: Error, Sendable, Equatable, CustomStringConvertible {
    case malformedJSON
    case missingField(String)
    case wrongType(field: String, expected: String)
    case invalidRunID(field: String, value: String)
    case unknownEventType(String)
    case invalidTime(field: String, value: String)
    case nulCharacter(field: String)

    public var description: String {
        switch self {
        case .malformedJSON: "the body is not a JSON object"
        case .missingField(let field): "missing required field '\(field)'"
        case .wrongType(let field, let expected): "field '\(field)' must be \(expected)"
        case .invalidRunID(let field, let value): "field '\(field)' is not a UUID: '\(value)'"
        case .unknownEventType(let value):
            "field 'eventType' is '\(value)'; expected one of \(RunEventType.allCases.map(\.rawValue).joined(separator: ", "))"
        case .invalidTime(let field, let value): "field '\(field)' is not an ISO 8601 time with offset: '\(value)'"
        case .nulCharacter(let field): "field '\(field)' contains a NUL character"
        }
    }

    /// The JSON path of the field at fault, when there is one.
    public var field: String? {
        switch self {
        case .malformedJSON: nil
        case .missingField(let field), .wrongType(let field, _), .invalidTime(let field, _), .nulCharacter(let field),
            .invalidRunID(let field, _):
            field
        case .unknownEventType: "eventType"
        }
    }
}
