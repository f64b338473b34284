public import Foundation

/// Writes a schedule as an iCalendar (RFC 5545) feed: one VEVENT per shift, times in UTC,
/// CRLF line endings, long lines folded at 75 octets, text escaped.
///
/// Every event's UID is a hash of engineer, start, end and reason, so the same shift keeps its
/// UID from run to run and calendar apps update rather than duplicate it. DTSTAMP comes from the
/// input, never from the clock, so the same input gives the same bytes.
public struct ICalendarWriter: Sendable {
    /// The PRODID property.
    public var productID: String
    /// The calendar's display name (`X-WR-CALNAME`), when given.
    public var calendarName: String?
    /// Display names by engineer id, for SUMMARY; ids are used for engineers not listed.
    public var names: [EngineerID: String]

    /// Creates a writer.
    ///
    /// - Parameters:
    ///   - calendarName: the name calendar apps show, e.g. `Data Engineering on call`.
    ///   - engineers: engineers whose names appear in event summaries.
    ///   - productID: the PRODID; the default names Pipewatch.
    public init(
        calendarName: String? = nil,
        engineers: [Engineer] = [],
        productID: String = "-//Pipewatch//On-call schedule//EN"
    ) {
        self.calendarName = calendarName
        self.productID = productID
        var names: [EngineerID: String] = [:]
        for engineer in engineers { names[engineer.id] = engineer.name }
        self.names = names
    }

    /// Renders `schedule` as an iCalendar document.
    ///
    /// - Parameters:
    ///   - schedule: the computed schedule.
    ///   - engineer: keep only this engineer's shifts (a personal feed).
    ///   - stamp: the DTSTAMP of every event; by default the schedule's `from`, so output depends
    ///     only on input. Pass the time the schedule's inputs last changed for calendar apps that
    ///     compare stamps.
    ///   - absences: days off to add as all-day events (a calendar feed shows the engineer's
    ///     holidays and time off next to their shifts); none by default.
    /// - Returns: the document, with CRLF line endings.
    public func render(
        _ schedule: Schedule,
        engineer: EngineerID? = nil,
        stamp: Date? = nil,
        absences: [Absence] = []
    ) -> String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:\(productID)", "CALSCALE:GREGORIAN", "METHOD:PUBLISH"]
        if let calendarName { lines.append("X-WR-CALNAME:\(Self.escape(calendarName))") }
        let dtstamp = ISO8601Text.formatBasicUTC(stamp ?? schedule.from)
        for shift in schedule.shifts where engineer == nil || shift.engineer == engineer {
            lines.append("BEGIN:VEVENT")
            lines.append("UID:\(Self.uid(for: shift))")
            lines.append("DTSTAMP:\(dtstamp)")
            lines.append("DTSTART:\(ISO8601Text.formatBasicUTC(shift.start))")
            lines.append("DTEND:\(ISO8601Text.formatBasicUTC(shift.end))")
            lines.append("SUMMARY:\(Self.escape(summary(of: shift)))")
            lines.append("DESCRIPTION:\(Self.escape(description(of: shift)))")
            lines.append("CATEGORIES:\(shift.reason.rawValue)")
            lines.append("TRANSP:TRANSPARENT")
            lines.append("END:VEVENT")
        }
        for absence in absences { lines += event(for: absence, stamp: dtstamp) }
        lines.append("END:VCALENDAR")
        return lines.map(Self.fold).joined(separator: "\r\n") + "\r\n"
    }

    /// The stable UID of `shift`: a 128-bit hash of engineer, start, end and reason.
    ///
    /// - Parameter shift: the shift.
    /// - Returns: `<32 hex digits>@pipewatch`.
    public static func uid(for shift: Shift) -> String {
        let key =
            "\(shift.engineer.rawValue)|\(Int64(shift.start.timeIntervalSince1970.rounded(.down)))|"
            + "\(Int64(shift.end.timeIntervalSince1970.rounded(.down)))|\(shift.reason.rawValue)"
        return uid(hashing: key)
    }

    /// A UID from a 128-bit hash of `key`: `<32 hex digits>@pipewatch`.
    static func uid(hashing key: String) -> String {
        let bytes = Array(key.utf8)
        let high = fnv1a(bytes, basis: 0xCBF2_9CE4_8422_2325)
        let low = fnv1a(bytes.reversed(), basis: 0x6C62_272E_07BB_0142)
        return hex(high) + hex(low) + "@pipewatch"
    }

    /// The event summary: who, and why when it is not the plain rotation.
    func summary(of shift: Shift) -> String {
        let name = names[shift.engineer] ?? shift.engineer.rawValue
        let other = shift.covering.map { names[$0] ?? $0.rawValue }
        switch shift.reason {
        case .rotation: return "On call: \(name)"
        case .substitute: return "On call: \(name) (covering \(other ?? "an absence"))"
        case .season: return "On call: \(name) (\(shift.note ?? "season"))"
        case .swap: return "On call: \(name) (swap with \(other ?? "another engineer"))"
        case .override: return "On call: \(name) (override)"
        }
    }

    /// The event description: the reason and its detail.
    func description(of shift: Shift) -> String {
        guard let note = shift.note else { return "reason: \(shift.reason.rawValue)" }
        return "reason: \(shift.reason.rawValue)\n\(note)"
    }

    /// Escapes TEXT per RFC 5545 §3.3.11.
    static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "\\": result += "\\\\"
            case ";": result += "\\;"
            case ",": result += "\\,"
            case "\n", "\r\n": result += "\\n"
            case "\r": break
            default: result.append(character)
            }
        }
        return result
    }

    /// Folds a content line so that no physical line exceeds 75 octets (RFC 5545 §3.1),
    /// never splitting a UTF-8 sequence.
    static func fold(_ line: String) -> String {
        let bytes = Array(line.utf8)
        guard bytes.count > 75 else { return line }
        var parts: [String] = []
        var start = 0
        var limit = 75
        while start < bytes.count {
            var end = min(start + limit, bytes.count)
            while end < bytes.count, end > start, bytes[end] & 0xC0 == 0x80 { end -= 1 }
            parts.append(String(decoding: bytes[start..<end], as: UTF8.self))
            start = end
            limit = 74
        }
        return parts.joined(separator: "\r\n ")
    }

    private static func fnv1a(_ bytes: some Sequence<UInt8>, basis: UInt64) -> UInt64 {
        var hash = basis
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        return hash
    }

    private static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
