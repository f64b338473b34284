import Foundation
import PipewatchCore

extension YAMLValue {
    /// A duration such as `15m`, `6h`, `1 week`, of at most a century.
    func duration(_ log: DiagnosticLog) -> Duration? {
        guard let text = string(log) else { return nil }
        switch DurationText.read(text) {
        case .success(let duration):
            return duration
        case .failure(.tooLong):
            error("'\(text)' is longer than 100 years", hint: "durations are at most 100 years", in: log)
        case .failure(.malformed):
            error("expected a duration such as '15m', '6h' or '1 week', found '\(text)'", in: log)
        }
        return nil
    }

    /// A date `YYYY-MM-DD`; a well-formed date that does not exist says why (`2026-02-30`).
    func date(_ log: DiagnosticLog) -> LocalDate? {
        guard let text = string(log) else { return nil }
        if let date = LocalDate(iso: text) { return date }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.map(\.count) == [4, 2, 2], let year = Int(parts[0]), let month = Int(parts[1]), Int(parts[2]) != nil
        else {
            error("expected a date YYYY-MM-DD, found '\(text)'", in: log)
            return nil
        }
        guard (1...12).contains(month) else {
            error("'\(text)' is not a day: there is no month \(month)", hint: "dates are YYYY-MM-DD", in: log)
            return nil
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let first = calendar.date(from: DateComponents(year: year, month: month, day: 1))
        let days = first.flatMap { calendar.range(of: .day, in: .month, for: $0)?.count } ?? 31
        let name = [
            "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
            "November", "December",
        ][month - 1]
        error("'\(text)' is not a day: \(name) \(year) has \(days) days", in: log)
        return nil
    }

    /// A recurring day `MM-DD`.
    func monthDay(_ log: DiagnosticLog) -> MonthDay? {
        parse(log, expected: "a day of the year MM-DD such as '12-20'") { MonthDay(parsing: $0) }
    }

    /// An IANA time zone name, with a suggestion for near misses.
    func timeZone(_ log: DiagnosticLog) -> TimeZone? {
        guard let name = string(log) else { return nil }
        if let zone = YAMLValue.ianaZone(name) { return zone }
        error("unknown time zone '\(name)'", hint: YAMLValue.zoneHint(name), in: log)
        return nil
    }

    /// How to name a zone instead of `name`: the IANA zones an abbreviation such as `CET` is used
    /// for, since an abbreviation does not say when daylight saving time starts or where; else a
    /// near miss, else an example.
    static func zoneHint(_ name: String) -> String {
        let abbreviations: [String: [String]] = [
            "CET": ["Europe/Berlin", "Europe/Paris"], "CEST": ["Europe/Berlin", "Europe/Paris"],
            "EET": ["Europe/Athens", "Europe/Helsinki"], "WET": ["Europe/Lisbon"],
            "BST": ["Europe/London"], "IST": ["Asia/Kolkata", "Europe/Dublin"],
            "EST": ["America/New_York", "America/Toronto"], "EDT": ["America/New_York", "America/Toronto"],
            "CST": ["America/Chicago", "Asia/Shanghai"], "CDT": ["America/Chicago"],
            "MST": ["America/Denver", "America/Phoenix"], "MDT": ["America/Denver"],
            "PST": ["America/Los_Angeles"], "PDT": ["America/Los_Angeles"], "JST": ["Asia/Tokyo"],
            "KST": ["Asia/Seoul"], "AEST": ["Australia/Sydney"], "AEDT": ["Australia/Sydney"],
            "NZST": ["Pacific/Auckland"], "HKT": ["Asia/Hong_Kong"], "SGT": ["Asia/Singapore"],
        ]
        let upper = name.uppercased()
        if let zones = abbreviations[upper] ?? (upper == name && (2...5).contains(name.count) ? [] : nil) {
            let instead =
                zones.isEmpty
                ? "'Europe/Berlin' or 'America/New_York'" : zones.map { "'\($0)'" }.joined(separator: " or ")
            return "'\(name)' is an abbreviation, not a place: it does not say where, nor when daylight saving time "
                + "starts; use the IANA name of a city in the zone, such as \(instead)"
        }
        return Suggestion.didYouMean(name, in: TimeZone.knownTimeZoneIdentifiers)
            ?? "use an IANA time zone name such as 'America/New_York' or 'Europe/Berlin'"
    }

    /// A region code: ISO 3166-1 alpha-2, optionally with a subdivision.
    func region(_ log: DiagnosticLog) -> Region? {
        guard let code = string(log) else { return nil }
        guard let region = Region(code: code), code == region.code else {
            error(
                "malformed region '\(code)'",
                hint: "use an ISO 3166-1 alpha-2 country code, optionally with a subdivision, in upper case: "
                    + "'US', 'US-CA', 'GB-SCT', 'DE-BY'",
                in: log
            )
            return nil
        }
        return region
    }

    /// A duration longer than zero, such as a timeout.
    func positiveDuration(_ log: DiagnosticLog) -> Duration? {
        guard let duration = duration(log) else { return nil }
        guard duration > .zero else {
            error("must be longer than zero", in: log)
            return nil
        }
        return duration
    }

    /// An absolute `http` or `https` URL with a host, such as a webhook's address.
    func httpURL(_ log: DiagnosticLog, example: String = "https://hooks.example.com/pipewatch") -> String? {
        parse(log, expected: "an http(s) URL such as '\(example)'") { text in
            guard let url = URL(string: text), let scheme = url.scheme?.lowercased(),
                ["http", "https"].contains(scheme),
                url.host?.isEmpty == false
            else { return nil }
            return text
        }
    }

    /// The name of an environment variable: ASCII letters, digits and `_`, not starting with a digit.
    func environmentName(_ log: DiagnosticLog) -> String? {
        guard let name = string(log) else { return nil }
        let isName =
            name.first.map { !$0.isNumber } == true
            && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
        guard isName else {
            error(
                "expected an environment variable name such as 'PIPEWATCH_WEBHOOK_SECRET', found '\(name)'",
                hint: name.hasPrefix("$")
                    ? "write the variable's name without '$'"
                    : "use letters, digits and '_', not starting with a digit",
                in: log
            )
            return nil
        }
        return name
    }

    /// A finite number.
    func number(_ log: DiagnosticLog) -> Double? {
        parse(log, expected: "a number") { Double($0).flatMap { $0.isFinite ? $0 : nil } }
    }

    /// A whole number.
    func integer(_ log: DiagnosticLog) -> Int? {
        parse(log, expected: "a whole number") { Int($0) }
    }

    /// Only IANA names (`Area/Location`, or `UTC`) count: `TimeZone(identifier:)` alone also accepts
    /// `GMT+1` and abbreviations such as `EST`, and `knownTimeZoneIdentifiers` misses newer names
    /// such as `Asia/Kolkata` on Linux.
    static func ianaZone(_ name: String) -> TimeZone? {
        if name == "UTC" { return TimeZone(identifier: "UTC") }
        guard name.contains("/"), let zone = TimeZone(identifier: name), zone.identifier == name
        else { return nil }
        return zone
    }
}
