import PipewatchCore

/// Reads a person's `notify:` (the channels for each severity) and `quiet_hours:` (when only
/// critical messages go through), checked against their contacts: an engineer's or a stakeholder's.
///
///     notify: { critical: [pagerduty, slack], normal: [slack] }
///     quiet_hours: { from: "22:00", to: "07:00" }         # the engineer's own time zone
enum PreferencesSection {
    static func preferences(
        notify: YAMLValue?,
        quietHours: YAMLValue?,
        contacts: [ContactMethod],
        log: DiagnosticLog
    ) -> NotificationPreferences {
        var preferences = NotificationPreferences()
        let severities = Severity.allCases.map(\.rawValue)
        if let notify, let fields = MappingReader(notify, allowed: severities, log: log) {
            for entry in fields.entries {
                guard let severity = Severity(rawValue: entry.key) else { continue }
                var channels: Set<NotificationChannel> = []
                for (name, site) in entry.value.strings(log) {
                    guard let channel = NotificationChannel(rawValue: name) else {
                        site.error(
                            "unknown channel '\(name)'",
                            hint: "name channels of the contacts: "
                                + NotificationChannel.allCases.map(\.rawValue).joined(separator: ", "),
                            in: log
                        )
                        continue
                    }
                    if !contacts.contains(where: { $0.channel == channel }) {
                        site.warning(
                            "'\(name)' is not among the contacts: \(severity) messages will not use it",
                            hint: "add a '\(name)' contact, or leave it out here",
                            in: log
                        )
                    }
                    channels.insert(channel)
                }
                preferences.channels[severity] = channels
            }
        }
        if let quietHours, let fields = MappingReader(quietHours, allowed: ["from", "to"], log: log) {
            let hint = "give local times such as { from: \"22:00\", to: \"07:00\" }"
            let start = fields.required("from", log: log, hint: hint).flatMap { time($0, log: log) }
            let end = fields.required("to", log: log, hint: hint).flatMap { time($0, log: log) }
            if let start, let end { preferences.quietHours = .init(start: start, end: end) }
        }
        return preferences
    }

    private static func time(_ value: YAMLValue, log: DiagnosticLog) -> TimeOfDay? {
        value.parse(log, expected: "a time of day such as '22:00'") { TimeOfDay(parsing: $0) }
    }
}
