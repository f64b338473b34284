/// Reads the days off of an iCalendar (RFC 5545) text: every all-day `VEVENT` (a `DTSTART` that is
/// a date) becomes a ``CompanyDay``; events with a time of day are not days off and are skipped.
///
/// The parser unfolds lines, splits content lines into name, parameters (quoted values allowed)
/// and value, checks that `BEGIN` and `END` pair up, unescapes text, and understands `DTEND`,
/// `DURATION` (days and weeks), `EXDATE` and `RRULE` with `FREQ=YEARLY` (`INTERVAL`, `COUNT`,
/// `UNTIL`, and `BYMONTH` with `BYDAY` such as `4TH`).
public enum ICalendarParser {
    /// Parses `text`, read from `file` (named in errors).
    ///
    /// - Returns: the all-day events, in file order.
    /// - Throws: ``ICalendarError`` with the file and the line where the problem starts.
    public static func parse(_ text: String, file: String) throws(ICalendarError) -> [CompanyDay] {
        var days: [CompanyDay] = []
        var stack: [(name: String, line: Int)] = []
        var event: [ContentLine] = []
        var eventLine = 0
        var sawCalendar = false
        for line in try contentLines(of: text, file: file) {
            switch line.name {
            case "BEGIN":
                let component = line.value.uppercased()
                if stack.isEmpty && component != "VCALENDAR" {
                    throw ICalendarError(
                        file: file,
                        line: line.number,
                        message: "expected 'BEGIN:VCALENDAR', found 'BEGIN:\(line.value)'"
                    )
                }
                if component == "VCALENDAR" { sawCalendar = true }
                if component == "VEVENT" {
                    event = []
                    eventLine = line.number
                }
                stack.append((component, line.number))
            case "END":
                let component = line.value.uppercased()
                guard let open = stack.popLast() else {
                    throw ICalendarError(file: file, line: line.number, message: "'END:\(line.value)' without a BEGIN")
                }
                guard open.name == component else {
                    throw ICalendarError(
                        file: file,
                        line: line.number,
                        message: "'END:\(line.value)' closes 'BEGIN:\(open.name)' of line \(open.line)"
                    )
                }
                if component == "VEVENT", let day = try makeDay(event, line: eventLine, file: file) { days.append(day) }
            default:
                if stack.last?.name == "VEVENT" { event.append(line) }
            }
        }
        if let open = stack.last {
            throw ICalendarError(file: file, line: open.line, message: "'BEGIN:\(open.name)' is never closed")
        }
        guard sawCalendar else {
            throw ICalendarError(file: file, line: 1, message: "not an iCalendar file: no 'BEGIN:VCALENDAR'")
        }
        return days
    }

    struct ContentLine {
        let name: String
        let parameters: [String: String]
        let value: String
        let number: Int
    }

    /// Unfolds the text and splits each logical line into name, parameters and value.
    static func contentLines(of text: String, file: String) throws(ICalendarError) -> [ContentLine] {
        var logical: [(text: String, number: Int)] = []
        var number = 0
        // "\r\n" is one Character in Swift: split on both it and a bare "\n".
        for raw in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            number += 1
            var physical = Substring(raw)
            if physical.hasSuffix("\r") { physical = physical.dropLast() }
            if let first = physical.first, first == " " || first == "\t", !logical.isEmpty {
                logical[logical.count - 1].text += physical.dropFirst()
            } else if !physical.isEmpty {
                logical.append((String(physical), number))
            }
        }
        var lines: [ContentLine] = []
        for (text, number) in logical {
            lines.append(try contentLine(text, number: number, file: file))
        }
        return lines
    }

    private static func contentLine(_ text: String, number: Int, file: String) throws(ICalendarError) -> ContentLine {
        // name *(";" param) ":" value — a parameter value may be quoted and then hold ':' and ';'.
        var name = ""
        var parameters: [String: String] = [:]
        var index = text.startIndex
        while index < text.endIndex, text[index] != ";", text[index] != ":" {
            name.append(text[index])
            index = text.index(after: index)
        }
        while index < text.endIndex, text[index] == ";" {
            index = text.index(after: index)
            var key = ""
            while index < text.endIndex, text[index] != "=" {
                key.append(text[index])
                index = text.index(after: index)
            }
            guard index < text.endIndex else { break }
            index = text.index(after: index)
            var value = ""
            var quoted = false
            while index < text.endIndex {
                let character = text[index]
                if character == "\"" {
                    quoted.toggle()
                } else if !quoted && (character == ";" || character == ":") {
                    break
                } else {
                    value.append(character)
                }
                index = text.index(after: index)
            }
            parameters[key.uppercased()] = value
        }
        guard index < text.endIndex, text[index] == ":", !name.isEmpty,
            name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") })
        else {
            throw ICalendarError(file: file, line: number, message: "malformed content line '\(text.prefix(60))'")
        }
        return ContentLine(
            name: name.uppercased(),
            parameters: parameters,
            value: String(text[text.index(after: index)...]),
            number: number
        )
    }

    private static func makeDay(_ lines: [ContentLine], line: Int, file: String) throws(ICalendarError) -> CompanyDay? {
        guard let dtstart = lines.first(where: { $0.name == "DTSTART" }) else {
            throw ICalendarError(file: file, line: line, message: "event without DTSTART")
        }
        guard isAllDay(dtstart) else { return nil }
        let start = try date(dtstart, file: file)
        var length = 1
        if let dtend = lines.first(where: { $0.name == "DTEND" }) {
            length = start.days(to: try date(dtend, file: file))
            guard length >= 1 else {
                throw ICalendarError(
                    file: file,
                    line: dtend.number,
                    message: "DTEND '\(dtend.value)' is not after DTSTART"
                )
            }
        } else if let duration = lines.first(where: { $0.name == "DURATION" }) {
            length = try days(in: duration, file: file)
        }
        let summary = lines.first(where: { $0.name == "SUMMARY" }).map { unescape($0.value) } ?? "Company day off"
        var exceptions: Set<LocalDate> = []
        for exdate in lines where exdate.name == "EXDATE" {
            for part in exdate.value.split(separator: ",") {
                exceptions.insert(try date(String(part), line: exdate.number, file: file))
            }
        }
        let recurrence = try lines.first(where: { $0.name == "RRULE" }).map { (rule) throws(ICalendarError) in
            try yearly(rule, file: file)
        }
        return CompanyDay(start: start, length: length, name: summary, recurrence: recurrence, exceptions: exceptions)
    }

    private static func isAllDay(_ line: ContentLine) -> Bool {
        line.parameters["VALUE"]?.uppercased() == "DATE" || (line.value.count == 8 && line.value.allSatisfy(\.isNumber))
    }

    private static func date(_ line: ContentLine, file: String) throws(ICalendarError) -> LocalDate {
        try date(line.value, line: line.number, file: file)
    }

    private static func date(_ text: String, line: Int, file: String) throws(ICalendarError) -> LocalDate {
        let digits = text.prefix(8)
        guard digits.count == 8, digits.allSatisfy(\.isNumber),
            let year = Int(digits.prefix(4)), let month = Int(digits.dropFirst(4).prefix(2)),
            let day = Int(digits.suffix(2)), let date = LocalDate(year: year, month: month, day: day)
        else {
            throw ICalendarError(file: file, line: line, message: "expected a date YYYYMMDD, found '\(text)'")
        }
        return date
    }

    private static func days(in line: ContentLine, file: String) throws(ICalendarError) -> Int {
        // P<n>D or P<n>W (a whole-day event's duration).
        let value = line.value.uppercased()
        guard value.hasPrefix("P"), let unit = value.last, unit == "D" || unit == "W",
            let amount = Int(value.dropFirst().dropLast()), amount >= 1
        else {
            throw ICalendarError(
                file: file,
                line: line.number,
                message: "expected a duration in days like 'P2D', found '\(line.value)'"
            )
        }
        return unit == "W" ? amount * 7 : amount
    }

    private static func yearly(_ line: ContentLine, file: String) throws(ICalendarError) -> CompanyDay.YearlyRecurrence
    {
        var parts: [String: String] = [:]
        for part in line.value.split(separator: ";") {
            let pair = part.split(separator: "=", maxSplits: 1)
            guard pair.count == 2 else {
                throw ICalendarError(file: file, line: line.number, message: "malformed RRULE part '\(part)'")
            }
            parts[pair[0].uppercased()] = String(pair[1]).uppercased()
        }
        guard parts["FREQ"] == "YEARLY" else {
            throw ICalendarError(
                file: file,
                line: line.number,
                message: "unsupported RRULE 'FREQ=\(parts["FREQ"] ?? "")': only yearly events repeat as days off"
            )
        }
        func number(_ key: String) throws(ICalendarError) -> Int? {
            guard let text = parts[key] else { return nil }
            guard let value = Int(text), value >= 1 else {
                throw ICalendarError(
                    file: file,
                    line: line.number,
                    message: "RRULE \(key) must be a positive number, found '\(text)'"
                )
            }
            return value
        }
        var nthWeekday: (Int, Weekday, Int)?
        if let byDay = parts["BYDAY"] {
            let codes: [String: Weekday] = [
                "MO": .monday, "TU": .tuesday, "WE": .wednesday, "TH": .thursday, "FR": .friday, "SA": .saturday,
                "SU": .sunday,
            ]
            guard let month = try number("BYMONTH"), month <= 12, let weekday = codes[String(byDay.suffix(2))],
                let nth = Int(byDay.dropLast(2)), nth != 0, abs(nth) <= 5
            else {
                throw ICalendarError(
                    file: file,
                    line: line.number,
                    message: "unsupported RRULE BYDAY '\(byDay)': expected an nth weekday like '4TH' with BYMONTH"
                )
            }
            nthWeekday = (nth, weekday, month)
        }
        return CompanyDay.YearlyRecurrence(
            interval: try number("INTERVAL") ?? 1,
            count: try number("COUNT"),
            until: try parts["UNTIL"].map { (text) throws(ICalendarError) in
                try date(text, line: line.number, file: file)
            },
            nthWeekday: nthWeekday
        )
    }

    /// RFC 5545 TEXT unescaping.
    static func unescape(_ text: String) -> String {
        var result = ""
        var escaping = false
        for character in text {
            if escaping {
                result.append(character == "n" || character == "N" ? "\n" : character)
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                result.append(character)
            }
        }
        return result
    }
}

/// A malformed iCalendar file: where, and what is wrong.
public struct ICalendarError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file as the config names it.
    public let file: String
    /// The line (1-based) where the problem starts.
    public let line: Int
    /// What is wrong.
    public let message: String

    /// Creates an error.
    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String { "\(file):\(line): error: \(message)" }
}
