import Foundation
import PipewatchCore
import Yams

/// Reads `calendars:` (company and custom calendars: iCalendar files or inline dates, for the whole
/// team or chosen engineers) and checks engineers' holiday settings against the holiday engine.
enum CalendarSection {
    /// One `calendars:` entry:
    ///
    ///     calendars:
    ///       company: { file: calendars/company.ics }              # all-day events are days off
    ///       berlin-office:
    ///         engineers: [b]                                      # default: the whole team
    ///         dates: [2026-08-14, { from: 2026-12-24, to: 2026-12-31, name: Winter break },
    ///                 { date: 2026-10-31, name: Office party, yearly: true }]
    ///       cn-declared-2027: { declares: CN, dates: [...] }      # China's declared days off
    static func assignment(
        id: String,
        _ value: YAMLValue,
        context: ReadingContext,
        currentDirectory: URL
    ) -> TeamDayOffCalendar.Assignment? {
        let log = context.log
        guard let fields = MappingReader(value, allowed: ["name", "file", "dates", "engineers", "declares"], log: log)
        else {
            return nil
        }
        let name = fields["name"]?.string(log) ?? id
        let engineers = fields["engineers"].map { list in Set((list.list(log) ?? []).compactMap(context.engineer)) }
        var days: [CompanyDay] = []
        switch (fields["file"], fields["dates"]) {
        case (let file?, nil):
            guard let loaded = read(file, context: context, currentDirectory: currentDirectory) else { return nil }
            days = loaded
        case (nil, let dates?):
            days = (dates.list(log) ?? []).compactMap { day($0, calendarName: name, log: log) }
        case (.some, .some):
            value.error("calendar '\(id)' gives both 'file' and 'dates'", hint: "give one of them", in: log)
            return nil
        case (nil, nil):
            value.error(
                "calendar '\(id)' has no days",
                hint: "give 'file: company.ics' (all-day events are days off) or 'dates: [YYYY-MM-DD, …]'",
                in: log
            )
            return nil
        }
        let declares = fields["declares"].flatMap { declaredCountry($0, log: log) }
        return TeamDayOffCalendar.Assignment(
            calendar: CompanyCalendar(name: name, days: days, declares: declares),
            engineers: engineers
        )
    }

    /// `declares: CN`: the country whose government-declared days off the calendar supplies.
    private static func declaredCountry(_ value: YAMLValue, log: DiagnosticLog) -> String? {
        guard let code = value.string(log) else { return nil }
        guard let region = Region(code: code), region.subdivision == nil else {
            value.error(
                "'declares' takes a country code, not '\(code)'",
                hint: "write the ISO 3166 country whose declared days off the calendar holds, e.g. 'declares: CN'",
                in: log
            )
            return nil
        }
        do {
            try HolidayCalendar.validate(region)
        } catch {
            value.error(error.description, in: log)
            return nil
        }
        return region.country
    }

    /// Reads and parses an iCalendar file, relative to the config file that names it.
    private static func read(_ value: YAMLValue, context: ReadingContext, currentDirectory: URL) -> [CompanyDay]? {
        let log = context.log
        guard let path = value.string(log) else { return nil }
        let configDirectory = URL(fileURLWithPath: value.file, relativeTo: currentDirectory).deletingLastPathComponent()
        let url = URL(fileURLWithPath: path, relativeTo: configDirectory).standardizedFileURL
        let display = ConfigLocator.displayPath(of: url, relativeTo: currentDirectory)
        guard context.mayRead(url) else {
            value.error(
                "calendar file '\(path)' is outside the config's folder",
                hint: "move it under the folder of the root config, or allow its folder with "
                    + "PIPEWATCH_ALLOW_INCLUDE=/path/to/folder",
                in: log
            )
            return nil
        }
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            value.error(
                "cannot read calendar file '\(path)'",
                hint: "paths are relative to the config file that names them",
                in: log
            )
            return nil
        }
        do {
            return try ICalendarParser.parse(text, file: display)
        } catch {
            log.error(error.message, at: SourceLocation(file: error.file, line: error.line, column: 1))
            return nil
        }
    }

    /// One inline day: `YYYY-MM-DD`, or `{ date, name, yearly }`, or `{ from, to, name }`.
    private static func day(_ value: YAMLValue, calendarName: String, log: DiagnosticLog) -> CompanyDay? {
        if value.node.scalar != nil {
            return value.date(log).map { CompanyDay(start: $0, name: calendarName) }
        }
        guard let fields = MappingReader(value, allowed: ["date", "from", "to", "name", "yearly"], log: log) else {
            return nil
        }
        let name = fields["name"]?.string(log) ?? calendarName
        let yearly = fields["yearly"]?.bool(log) ?? false
        let recurrence = yearly ? CompanyDay.YearlyRecurrence() : nil
        if let date = fields["date"] {
            return date.date(log).map { CompanyDay(start: $0, name: name, recurrence: recurrence) }
        }
        guard let fromValue = fields.required("from", log: log, hint: "give 'date', or 'from' and 'to'"),
            let toValue = fields.required("to", log: log, hint: "give 'date', or 'from' and 'to'"),
            let from = fromValue.date(log), let to = toValue.date(log)
        else { return nil }
        guard from <= to else {
            toValue.error("'to' \(to) is before 'from' \(from)", in: log)
            return nil
        }
        return CompanyDay(start: from, length: from.days(to: to) + 1, name: name, recurrence: recurrence)
    }

    /// Checks that the holiday engine knows the engineer's region and categories, and warns about
    /// `except:` names that are no holiday of the region (a typo would silently keep the day off).
    static func checkHolidays(
        region: Region,
        regionValue: YAMLValue,
        categories: [(String, YAMLValue)],
        exceptions: [(String, YAMLValue)] = [],
        log: DiagnosticLog
    ) {
        do {
            try HolidayCalendar.validate(region)
        } catch {
            regionValue.error(error.description, in: log)
            return
        }
        let known = HolidayCalendar.supportedRegions.first { $0.region == region }?.categories ?? [.public]
        let unknown = categories.filter { !known.contains(HolidayCategory($0.0)) }
        for (name, site) in unknown {
            site.error(
                "unknown holiday category '\(name)' for '\(region.code)'",
                hint: "'\(region.code)' has " + known.map { "'\($0)'" }.joined(separator: ", "),
                in: log
            )
        }
        guard !exceptions.isEmpty, unknown.isEmpty else { return }
        let names = holidayNames(of: region, categories: Set(categories.map { HolidayCategory($0.0) }))
        for (name, site) in exceptions where !names.contains(where: { $0.lowercased() == name.lowercased() }) {
            site.warning(
                "'\(name)' is not a holiday of '\(region.code)'",
                hint: Suggestion.didYouMean(name, in: names)
                    ?? "'pipewatch holidays \(region.code)' lists its holidays' names",
                in: log
            )
        }
    }

    /// The holiday names (observed days aside) of `region` in the years its tables cover, 2020–2035.
    private static func holidayNames(of region: Region, categories: Set<HolidayCategory>) -> Set<String> {
        let engine = HolidayCalendar()
        var names: Set<String> = []
        for year in 2020...2035 {
            let holidays = (try? engine.holidays(in: region, year: year, categories: categories.union([.public]))) ?? []
            for holiday in holidays where !holiday.isObserved {
                names.insert(holiday.name.replacingOccurrences(of: " (estimated)", with: ""))
            }
        }
        return names
    }
}
