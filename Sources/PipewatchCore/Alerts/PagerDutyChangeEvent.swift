public import Foundation

/// A PagerDuty change event (`POST /v2/change/enqueue`): a deploy or config change, which is
/// kept on the pipeline's timeline and never opens an incident.
public struct PagerDutyChangeEvent: Sendable, Hashable {
    public var routingKey: String
    public var summary: String
    public var timestamp: Date?
    public var source: String?
    public var details: [String: String]
    public var links: [PipelineChange.Link]

    /// Reads a change event.
    ///
    /// - Returns: The event, or every problem found, each naming its field.
    public static func parse(_ data: Data) -> Result<PagerDutyChangeEvent, PagerDutyEventErrors> {
        guard let object = try? JSONSerialization.jsonObject(with: data), let body = object as? [String: Any] else {
            return .failure(PagerDutyEventErrors(["the body is not a JSON object"]))
        }
        var errors: [String] = []
        let routingKey = PagerDutyEvent.text(body["routing_key"])
        if routingKey == nil { errors.append("'routing_key' is missing: give the integration's routing key") }
        let payload = body["payload"] as? [String: Any]
        if payload == nil { errors.append("'payload' is missing: a change needs at least a summary") }
        let summary = PagerDutyEvent.text(payload?["summary"]).map { String($0.prefix(PagerDutyEvent.maxSummary)) }
        if payload != nil, summary == nil { errors.append("'payload.summary' is missing or blank") }
        let timestamp = PagerDutyEvent.timestamp(payload?["timestamp"], errors: &errors)
        var details: [String: String] = [:]
        if let custom = payload?["custom_details"] as? [String: Any] {
            for (key, value) in custom { details[key] = PagerDutyEvent.flattened(value) }
        }
        let links = (body["links"] as? [[String: Any]] ?? []).compactMap { link in
            PagerDutyEvent.text(link["href"]).map { PipelineChange.Link(href: $0, text: link["text"] as? String) }
        }
        guard errors.isEmpty, let routingKey, let summary else { return .failure(PagerDutyEventErrors(errors)) }
        return .success(
            PagerDutyChangeEvent(
                routingKey: routingKey,
                summary: summary,
                timestamp: timestamp,
                source: PagerDutyEvent.text(payload?["source"]),
                details: details,
                links: links
            )
        )
    }
}
