import PipewatchCore

/// Reads `incidents:`: the incident engine's team-wide settings, each with a default.
///
/// ```yaml
/// incidents:
///   reopen_within: 1h
///   auto_resolve_after: 10m
///   evaluate_every: 5s
///   delivery_attempts: 10
///   notice_before: 1h
/// ```
enum IncidentSection {
    static let keys = ["reopen_within", "auto_resolve_after", "evaluate_every", "delivery_attempts", "notice_before"]
    /// The range `delivery_attempts` must lie in.
    static let attempts = 1...100

    /// The settings; `publicURL` comes from `api.public_url`.
    static func settings(_ value: YAMLValue, publicURL: String?, log: DiagnosticLog) -> IncidentSettings {
        var settings = IncidentSettings(publicURL: publicURL)
        guard let fields = MappingReader(value, allowed: keys, log: log) else { return settings }
        let durations: [(String, WritableKeyPath<IncidentSettings, Duration>)] = [
            ("reopen_within", \.reopenWithin), ("auto_resolve_after", \.autoResolveAfter),
            ("evaluate_every", \.evaluateEvery), ("notice_before", \.noticeBefore),
        ]
        for (key, field) in durations {
            if let duration = fields[key]?.positiveDuration(log) { settings[keyPath: field] = duration }
        }
        if let value = fields["delivery_attempts"], let count = value.integer(log) {
            if attempts.contains(count) {
                settings.deliveryAttempts = count
            } else {
                value.error(
                    "must be between \(attempts.lowerBound) and \(attempts.upperBound), found \(count)",
                    hint: "how often a notification is tried before it moves to the dead letters",
                    in: log
                )
            }
        }
        return settings
    }
}
