public import Foundation

/// An Alertmanager webhook notification (payload version 4), reduced to what opens and resolves
/// incidents; fields Pipewatch does not use are ignored, as the format allows new ones.
public struct AlertmanagerNotification: Sendable, Hashable {
    /// One alert of the group.
    public struct Alert: Sendable, Hashable {
        public var fingerprint: String
        public var isFiring: Bool
        public var labels: [String: String]
        public var annotations: [String: String]
        public var startsAt: Date?
        public var generatorURL: String?
    }

    public var groupKey: String
    public var receiver: String?
    public var externalURL: String?
    public var alerts: [Alert]
    /// The group's and the common labels, which name the pipeline when an alert's own do not.
    public var sharedLabels: [String: String]

    /// Reads a notification.
    ///
    /// - Throws: ``AlertmanagerNotificationError`` naming the field that is missing or malformed.
    public static func parse(_ data: Data) throws(AlertmanagerNotificationError) -> AlertmanagerNotification {
        guard let object = try? JSONSerialization.jsonObject(with: data), let body = object as? [String: Any] else {
            throw AlertmanagerNotificationError("the body is not a JSON object")
        }
        if let version = body["version"], (version as? String) != "4" {
            throw AlertmanagerNotificationError(
                "'version' is \(PagerDutyEvent.shown(version)): this endpoint reads Alertmanager's payload version 4"
            )
        }
        guard let groupKey = body["groupKey"] as? String else {
            throw AlertmanagerNotificationError("'groupKey' is missing: is this an Alertmanager webhook?")
        }
        guard let list = body["alerts"] as? [Any] else {
            throw AlertmanagerNotificationError("'alerts' is missing or not a list")
        }
        var alerts: [Alert] = []
        for (index, item) in list.enumerated() {
            guard let alert = item as? [String: Any] else {
                throw AlertmanagerNotificationError("'alerts[\(index)]' is not an object")
            }
            guard let fingerprint = PagerDutyEvent.text(alert["fingerprint"]) else {
                throw AlertmanagerNotificationError("'alerts[\(index)].fingerprint' is missing")
            }
            let status = alert["status"] as? String
            guard status == "firing" || status == "resolved" else {
                throw AlertmanagerNotificationError("'alerts[\(index)].status' must be firing or resolved")
            }
            var startsAt: Date?
            if let text = alert["startsAt"] as? String {
                guard let date = ISO8601Text.parse(text) else {
                    throw AlertmanagerNotificationError(
                        "'alerts[\(index)].startsAt' is not an RFC 3339 time: '\(text)'"
                    )
                }
                startsAt = date
            }
            alerts.append(
                Alert(
                    fingerprint: fingerprint,
                    isFiring: status == "firing",
                    labels: strings(alert["labels"]),
                    annotations: strings(alert["annotations"]),
                    startsAt: startsAt,
                    generatorURL: alert["generatorURL"] as? String
                )
            )
        }
        return AlertmanagerNotification(
            groupKey: groupKey,
            receiver: body["receiver"] as? String,
            externalURL: body["externalURL"] as? String,
            alerts: alerts,
            sharedLabels: strings(body["groupLabels"]).merging(strings(body["commonLabels"])) { group, _ in group }
        )
    }

    /// The pipeline `alert` names in `label`: its own label, else the group's or the common one.
    public func pipeline(of alert: Alert, label: String) -> String? {
        alert.labels[label] ?? sharedLabels[label]
    }

    /// `alert` as an incident's alert on `pipeline`: the summary from the `summary` or
    /// `description` annotation, else the alert's name; labels and annotations as details.
    public func externalAlert(_ alert: Alert, pipeline: PipelineID, receivedAt now: Date) -> ExternalAlert {
        let name = alert.labels["alertname"] ?? "alert"
        let summary = alert.annotations["summary"] ?? alert.annotations["description"] ?? name
        var details: [String: String] = ["group_key": groupKey, "alertname": name]
        for (key, value) in alert.labels { details["label.\(key)"] = value }
        for (key, value) in alert.annotations { details["annotation.\(key)"] = value }
        if let url = alert.generatorURL { details["generator_url"] = url }
        if let url = externalURL { details["alertmanager_url"] = url }
        return ExternalAlert(
            origin: .alertmanager,
            pipeline: pipeline,
            dedupKey: alert.fingerprint,
            summary: name == summary ? name : "\(name): \(summary)",
            startedAt: alert.startsAt ?? now,
            details: details
        )
    }

    private static func strings(_ value: Any?) -> [String: String] {
        guard let object = value as? [String: Any] else { return [:] }
        return object.compactMapValues { $0 as? String }
    }
}

/// Why a body is not an Alertmanager notification.
public struct AlertmanagerNotificationError: Error, Sendable, Hashable, CustomStringConvertible {
    public var description: String

    /// Creates the error.
    public init(_ description: String) { self.description = description }
}
