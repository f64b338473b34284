import PipewatchCore

/// Reads `alerts:`: the PagerDuty Events v2 routing keys, each mapped to a pipeline, and the
/// Alertmanager label that names a pipeline.
///
///     alerts:
///       pagerduty:
///         - { pipeline: profit, routing_key_env: PIPEWATCH_PD_PROFIT }
///         - { pipeline: investor-profit, routing_key_sha256: 3b5c… }
///       alertmanager: { label: pipeline }
enum AlertSection {
    static let keys = ["pagerduty", "alertmanager"]
    static let routeKeys = ["pipeline", "routing_key_env", "routing_key_sha256", "routing_key"]

    static func settings(_ value: YAMLValue, context: ReadingContext) -> AlertIntakeSettings {
        let log = context.log
        var settings = AlertIntakeSettings()
        guard let fields = MappingReader(value, allowed: keys, log: log) else { return settings }
        var seen: [AlertIntakeSettings.Route.Key: YAMLValue] = [:]
        for item in fields["pagerduty"]?.list(log) ?? [] {
            guard let route = route(item, context: context) else { continue }
            if seen[route.key] != nil {
                item.error(
                    "this routing key is mapped twice",
                    hint: "a routing key names one pipeline; give each pipeline its own key",
                    in: log
                )
                continue
            }
            seen[route.key] = item
            settings.pagerDuty.append(route)
        }
        if let alertmanager = fields["alertmanager"],
            let options = MappingReader(alertmanager, allowed: ["label"], log: log),
            let label = options["label"]?.string(log)
        {
            settings.alertmanagerLabel = label
        }
        return settings
    }

    private static func route(_ value: YAMLValue, context: ReadingContext) -> AlertIntakeSettings.Route? {
        let log = context.log
        guard let fields = MappingReader(value, allowed: routeKeys, log: log) else { return nil }
        let hint =
            "name the environment variable that holds the key with 'routing_key_env: NAME', or give its "
            + "hash with 'routing_key_sha256' ('pipewatch token new --name pagerduty' prints a key and its hash)"
        if let literal = fields.keySite("routing_key") {
            literal.error("'routing_key' would write a secret in the config", hint: hint, in: log)
            return nil
        }
        let pipeline = fields.required("pipeline", log: log).flatMap(context.pipeline)
        let key: AlertIntakeSettings.Route.Key?
        switch (fields["routing_key_env"], fields["routing_key_sha256"]) {
        case (let name?, nil):
            key = name.environmentName(log).map { .environment($0) }
        case (nil, let hash?):
            key = hash.parse(log, expected: "64 lower-case hex digits (the routing key's SHA-256)") { text in
                text.count == 64 && text.allSatisfy { $0.isHexDigit && !$0.isUppercase } ? text : nil
            }.map { .sha256($0) }
        case (nil, nil):
            value.error("missing key 'routing_key_env' or 'routing_key_sha256'", hint: hint, in: log)
            key = nil
        case (_?, _?):
            value.error("give 'routing_key_env' or 'routing_key_sha256', not both", hint: hint, in: log)
            key = nil
        }
        guard let pipeline, let key else { return nil }
        return AlertIntakeSettings.Route(key: key, pipeline: pipeline)
    }
}
