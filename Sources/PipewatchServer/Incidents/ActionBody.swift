import Foundation
import Hummingbird
import PipewatchCore

/// The JSON body of a change to an incident: `as` (who acts; an engineer id) and the fields of
/// the action. An empty body is allowed where no field is required.
struct ActionBody {
    let fields: [String: Any]
    let actor: String

    static func read(_ request: Request, limits: BodyLimits, catalog: Catalog) async throws -> ActionBody {
        let data = try await RequestBody.read(request, limits: limits)
        let fields: [String: Any]
        if data.isEmpty {
            fields = [:]
        } else {
            guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                throw APIError(.badRequest, "the body is not a JSON object")
            }
            fields = object
        }
        var actor = "api"
        if let value = fields["as"] {
            guard let id = value as? String, !id.isEmpty else {
                throw APIError(.badRequest, "field 'as' must be a string")
            }
            guard catalog.engineer(EngineerID(id)) != nil else {
                throw APIError(.badRequest, "field 'as': unknown engineer '\(id)'")
            }
            actor = id
        }
        return ActionBody(fields: fields, actor: actor)
    }

    func text(_ key: String) throws -> String? {
        guard let value = fields[key] else { return nil }
        guard let text = value as? String else { throw APIError(.badRequest, "field '\(key)' must be a string") }
        return text
    }

    func required(_ key: String) throws -> String {
        guard let text = try text(key), !text.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw APIError(.badRequest, "missing required field '\(key)'")
        }
        return text
    }

    func escalationTarget() throws -> EscalationTarget {
        let name = try required("to")
        if let role = EscalationTarget.roleWords[name] { return role }
        return .engineer(EngineerID(name))
    }
}
