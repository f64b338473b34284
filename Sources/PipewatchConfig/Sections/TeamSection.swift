import Foundation
import PipewatchCore

/// Reads `team:`, `engineers:` and `stakeholders:`; their `contacts:` are read by ``ContactSection``.
enum TeamSection {
    static func team(_ value: YAMLValue, smtpConfigured: Bool, log: DiagnosticLog) -> Team? {
        let allowed = ["name", "timezone", "contacts", "source"]
        guard let fields = MappingReader(value, allowed: allowed, log: log) else { return nil }
        let name = fields.required("name", log: log)?.string(log)
        let zone = fields.required(
            "timezone",
            log: log,
            hint: "the zone the rotation and deadlines are read in, such as 'America/New_York'"
        )?
        .timeZone(log)
        let contacts =
            fields["contacts"].map { ContactSection.contacts($0, smtpConfigured: smtpConfigured, log: log) } ?? []
        // Checked against `sources:` by the loader, which reads them after the team.
        let source = fields["source"]?.string(log).map { SourceID($0) }
        guard let name, let zone else { return nil }
        return Team(name: name, timeZone: zone, contacts: contacts, source: source)
    }

    static func engineer(id: String, _ value: YAMLValue, context: ReadingContext) -> Engineer? {
        let log = context.log
        let allowed = [
            "name", "email", "region", "timezone", "holidays", "except", "contacts", "notify", "quiet_hours",
        ]
        guard let fields = MappingReader(value, allowed: allowed, log: log) else { return nil }
        let name = fields.required("name", log: log)?.string(log)
        let email = fields["email"]?.string(log)
        let region = fields.required(
            "region",
            log: log,
            hint: "the engineer's public holidays follow it, e.g. 'US-NY'"
        )?
        .region(log)
        let zone = fields["timezone"].map { $0.timeZone(log) } ?? context.teamTimeZone
        let categoryValues = fields["holidays"].map { $0.strings(log) }
        let categories = categoryValues?.map(\.0) ?? ["public"]
        let exceptionValues = fields["except"].map { $0.strings(log) } ?? []
        let exceptions = exceptionValues.map(\.0)
        let contacts =
            fields["contacts"].map {
                ContactSection.contacts($0, ownEmail: email, smtpConfigured: context.smtpConfigured, log: log)
            } ?? []
        let preferences = PreferencesSection.preferences(
            notify: fields["notify"],
            quietHours: fields["quiet_hours"],
            contacts: contacts,
            log: log
        )
        if let region, let regionValue = fields["region"] {
            CalendarSection.checkHolidays(
                region: region,
                regionValue: regionValue,
                categories: categoryValues ?? [],
                exceptions: exceptionValues,
                log: log
            )
        }
        guard let name, let region, let zone else { return nil }
        return Engineer(
            id: EngineerID(id),
            name: name,
            email: email,
            region: region,
            timeZone: zone,
            holidayCategories: categories,
            holidayExceptions: exceptions,
            contacts: contacts,
            preferences: preferences
        )
    }

    static func stakeholder(id: String, _ value: YAMLValue, smtpConfigured: Bool, log: DiagnosticLog) -> Stakeholder? {
        let allowed = ["name", "email", "timezone", "contacts", "notify", "quiet_hours"]
        guard let fields = MappingReader(value, allowed: allowed, log: log) else { return nil }
        let name = fields.required("name", log: log)?.string(log)
        let email = fields["email"]?.string(log)
        let zoneValue = fields["timezone"]
        let zone = zoneValue?.timeZone(log)
        let contacts =
            fields["contacts"].map {
                ContactSection.contacts($0, ownEmail: email, smtpConfigured: smtpConfigured, log: log)
            } ?? []
        let preferences = PreferencesSection.preferences(
            notify: fields["notify"],
            quietHours: fields["quiet_hours"],
            contacts: contacts,
            log: log
        )
        guard let name, zoneValue == nil || zone != nil else { return nil }
        return Stakeholder(
            id: StakeholderID(id),
            name: name,
            email: email,
            contacts: contacts,
            timeZone: zone,
            preferences: preferences
        )
    }
}
