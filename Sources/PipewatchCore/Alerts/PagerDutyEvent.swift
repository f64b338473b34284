public import Foundation

/// A PagerDuty Events API v2 event (`POST /v2/enqueue`), read the way PagerDuty reads it:
/// every problem is collected, so one answer names each bad field.
public struct PagerDutyEvent: Sendable, Hashable {
    /// What the event asks for.
    public enum Action: String, Sendable, Hashable, CaseIterable {
        case trigger, acknowledge, resolve
    }

    /// PagerDuty's severities, most severe first.
    public static let severities = ["critical", "error", "warning", "info"]
    /// PagerDuty keeps at most this many characters of a summary and cuts the rest.
    public static let maxSummary = 1024
    /// The longest dedup key PagerDuty accepts.
    public static let maxDedupKey = 255

    public var routingKey: String
    public var action: Action
    /// The sender's key; for a trigger without one, the server makes one up and answers it.
    public var dedupKey: String?
    /// For a trigger: `payload.summary`, cut to ``maxSummary`` characters.
    public var summary: String
    /// For a trigger: `payload.source`, `payload.severity`, `component`, `group`, `class`,
    /// `client`, the `custom_details` (each key as text), links and images, flattened to text.
    public var details: [String: String]
    /// For a trigger: `payload.timestamp`, when given.
    public var timestamp: Date?

    /// Reads an event.
    ///
    /// - Returns: The event, or every problem found, each naming its field.
    public static func parse(_ data: Data) -> Result<PagerDutyEvent, PagerDutyEventErrors> {
        guard let object = try? JSONSerialization.jsonObject(with: data), let body = object as? [String: Any] else {
            return .failure(PagerDutyEventErrors(["the body is not a JSON object"]))
        }
        var errors: [String] = []
        let routingKey = text(body["routing_key"])
        if routingKey == nil { errors.append("'routing_key' is missing: give the integration's routing key") }
        let action: Action?
        switch body["event_action"] {
        case nil:
            errors.append("'event_action' is missing: give trigger, acknowledge or resolve")
            action = nil
        case let name as String where Action(rawValue: name) != nil:
            action = Action(rawValue: name)
        case let other?:
            errors.append("'event_action' must be trigger, acknowledge or resolve, not \(shown(other))")
            action = nil
        }
        var dedupKey: String?
        switch body["dedup_key"] {
        case nil, is NSNull: dedupKey = nil
        case let key as String where !key.isEmpty && key.count <= maxDedupKey: dedupKey = key
        case let key as String where key.count > maxDedupKey:
            errors.append("'dedup_key' is longer than \(maxDedupKey) characters")
        default: errors.append("'dedup_key' must be a non-empty string")
        }
        if action != nil, action != .trigger, dedupKey == nil, !errors.contains(where: { $0.hasPrefix("'dedup_key'") })
        {
            errors.append("'dedup_key' is required to \(action?.rawValue ?? "")")
        }
        var summary = ""
        var details: [String: String] = [:]
        var timestamp: Date?
        if action == .trigger {
            if let payload = body["payload"] as? [String: Any] {
                summary = String((text(payload["summary"]) ?? "").prefix(maxSummary))
                if summary.isEmpty { errors.append("'payload.summary' is missing or blank") }
                if let source = text(payload["source"]) {
                    details["source"] = source
                } else {
                    errors.append("'payload.source' is missing or blank: name the affected system")
                }
                switch payload["severity"] {
                case let severity as String where severities.contains(severity): details["severity"] = severity
                case nil: errors.append("'payload.severity' is missing: give critical, error, warning or info")
                case let other?:
                    errors.append("'payload.severity' must be critical, error, warning or info, not \(shown(other))")
                }
                timestamp = Self.timestamp(payload["timestamp"], errors: &errors)
                for key in ["component", "group", "class"] {
                    if let value = text(payload[key]) { details[key] = value }
                }
                if let custom = payload["custom_details"], !(custom is NSNull) {
                    if let object = custom as? [String: Any] {
                        for (key, value) in object { details["custom_details.\(key)"] = flattened(value) }
                    } else {
                        details["custom_details"] = flattened(custom)
                    }
                }
            } else {
                errors.append("'payload' is missing: a trigger needs summary, source and severity")
            }
            for (index, link) in (body["links"] as? [[String: Any]] ?? []).enumerated() {
                if let href = text(link["href"]) { details["link.\(index + 1)"] = href }
            }
            for key in ["client", "client_url"] {
                if let value = text(body[key]) { details[key] = value }
            }
        }
        guard errors.isEmpty, let routingKey, let action else { return .failure(PagerDutyEventErrors(errors)) }
        return .success(
            PagerDutyEvent(
                routingKey: routingKey,
                action: action,
                dedupKey: dedupKey,
                summary: summary,
                details: details,
                timestamp: timestamp
            )
        )
    }

    /// `payload.timestamp`: `nil` when absent, else an ISO 8601 time with an offset, or an error.
    static func timestamp(_ value: Any?, errors: inout [String]) -> Date? {
        guard let value, !(value is NSNull) else { return nil }
        if let text = value as? String, let date = ISO8601Text.parse(text) { return date }
        errors.append("'payload.timestamp' is not an ISO 8601 time with an offset: \(shown(value))")
        return nil
    }

    /// A non-blank string value, or `nil`.
    static func text(_ value: Any?) -> String? {
        guard let string = value as? String, !string.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        return string
    }

    /// A JSON value as text: a string as it is, anything else as compact JSON.
    static func flattened(_ value: Any) -> String {
        if let string = value as? String { return string }
        if let number = value as? NSNumber { return number.stringValue }
        guard JSONSerialization.isValidJSONObject(value),
            let data = try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys])
        else { return String(describing: value) }
        return String(decoding: data, as: UTF8.self)
    }

    /// A value quoted for a message.
    static func shown(_ value: Any) -> String {
        if let string = value as? String { return "'\(string.prefix(64))'" }
        return flattened(value).prefix(64).description
    }
}

/// The problems of an event that is not a valid PagerDuty event, one message per field.
public struct PagerDutyEventErrors: Error, Sendable, Hashable {
    public var messages: [String]

    /// Creates the errors.
    public init(_ messages: [String]) { self.messages = messages }
}
