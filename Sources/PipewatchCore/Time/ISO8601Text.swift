public import Foundation

/// Writes and reads ISO 8601 instants with an explicit offset: `2026-03-09T09:00:00-04:00`.
///
/// Written by hand rather than with `ISO8601DateFormatter` so that the zone is always an
/// argument (never the machine's) and so that formatting a year of shifts stays cheap.
public enum ISO8601Text {
    /// Formats `instant` as local time in `timeZone` with its offset, to the second.
    ///
    /// - Parameters:
    ///   - instant: the instant to write; fractions of a second are dropped.
    ///   - timeZone: the zone whose local time and offset are written.
    /// - Returns: text such as `2026-03-09T09:00:00-04:00`; UTC is written `+00:00`.
    public static func format(_ instant: Date, in timeZone: TimeZone) -> String {
        let offset = timeZone.secondsFromGMT(for: instant)
        let wall = Int(instant.timeIntervalSince1970.rounded(.down)) + offset
        let day = floorDivide(wall, 86_400)
        let second = wall - day * 86_400
        let date = LocalDate(dayNumber: day)
        let sign = offset < 0 ? "-" : "+"
        let magnitude = abs(offset)
        return "\(date)T\(pad(second / 3600)):\(pad(second / 60 % 60)):\(pad(second % 60))"
            + "\(sign)\(pad(magnitude / 3600)):\(pad(magnitude / 60 % 60))"
    }

    /// Formats `instant` as ``format(_:in:)`` does, with its milliseconds when it has any:
    /// `2026-11-27T12:42:56.148+00:00`, and `2026-11-27T12:42:56+00:00` on a whole second (so
    /// whole-second times read as before). Milliseconds are what the store keeps.
    ///
    /// - Parameters:
    ///   - instant: the instant to write, rounded to the nearest millisecond.
    ///   - timeZone: the zone whose local time and offset are written.
    /// - Returns: text such as `2026-11-27T12:42:56.148+00:00`.
    public static func formatMilliseconds(_ instant: Date, in timeZone: TimeZone) -> String {
        let milliseconds = (instant.timeIntervalSince1970 * 1000).rounded()
        guard milliseconds.magnitude < 9e15 else { return format(instant, in: timeZone) }
        let whole = Int(milliseconds)
        let second = floorDivide(whole, 1000)
        let fraction = whole - second * 1000
        let text = format(Date(timeIntervalSince1970: Double(second)), in: timeZone)
        guard fraction != 0 else { return text }
        // The offset is the last six characters: `+00:00`.
        let digits = String(fraction + 1000).dropFirst()
        return text.dropLast(6) + "." + digits + text.suffix(6)
    }

    /// Formats `instant` in UTC in the basic form iCalendar uses: `20260309T130000Z`.
    public static func formatBasicUTC(_ instant: Date) -> String {
        let wall = Int(instant.timeIntervalSince1970.rounded(.down))
        let day = floorDivide(wall, 86_400)
        let second = wall - day * 86_400
        let date = LocalDate(dayNumber: day)
        let year = String(repeating: "0", count: max(0, 4 - String(date.year).count)) + String(date.year)
        return
            "\(year)\(pad(date.month))\(pad(date.day))T\(pad(second / 3600))\(pad(second / 60 % 60))\(pad(second % 60))Z"
    }

    /// Parses `YYYY-MM-DDTHH:MM[:SS[.fff]]` followed by `Z` or `±HH:MM` (or `±HHMM`).
    ///
    /// - Parameter text: the text to read; a time without an offset is rejected, because its
    ///   instant would depend on a zone the text does not name.
    /// - Returns: the instant, or `nil` when the text is not in that form.
    public static func parse(_ text: some StringProtocol) -> Date? {
        let chars = Array(text.utf8)
        guard chars.count >= 17, let date = LocalDate(iso: String(decoding: chars[0..<10], as: UTF8.self)),
            chars[10] == UInt8(ascii: "T") || chars[10] == UInt8(ascii: " ")
        else { return nil }
        var index = 11
        func number(_ width: Int) -> Int? {
            guard index + width <= chars.count else { return nil }
            var value = 0
            for byte in chars[index..<index + width] {
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            index += width
            return value
        }
        guard let hour = number(2), hour < 24, index < chars.count, chars[index] == UInt8(ascii: ":") else {
            return nil
        }
        index += 1
        guard let minute = number(2), minute < 60 else { return nil }
        var second = 0
        var fraction = 0.0
        if index < chars.count, chars[index] == UInt8(ascii: ":") {
            index += 1
            guard let value = number(2), value < 60 else { return nil }
            second = value
            if index < chars.count, chars[index] == UInt8(ascii: ".") || chars[index] == UInt8(ascii: ",") {
                index += 1
                var scale = 0.1
                let start = index
                while index < chars.count, chars[index] >= 48, chars[index] <= 57 {
                    fraction += Double(chars[index] - 48) * scale
                    scale /= 10
                    index += 1
                }
                guard index > start else { return nil }
            }
        }
        guard index < chars.count else { return nil }
        var offset = 0
        switch chars[index] {
        case UInt8(ascii: "Z"), UInt8(ascii: "z"):
            index += 1
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            let negative = chars[index] == UInt8(ascii: "-")
            index += 1
            guard let hours = number(2) else { return nil }
            if index < chars.count, chars[index] == UInt8(ascii: ":") { index += 1 }
            guard let minutes = number(2), hours < 24, minutes < 60 else { return nil }
            offset = (hours * 3600 + minutes * 60) * (negative ? -1 : 1)
        default:
            return nil
        }
        guard index == chars.count else { return nil }
        let wall = date.dayNumber * 86_400 + hour * 3600 + minute * 60 + second
        return Date(timeIntervalSince1970: Double(wall - offset) + fraction)
    }

    private static func pad(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }

    private static func floorDivide(_ value: Int, _ divisor: Int) -> Int {
        value >= 0 ? value / divisor : -((-value + divisor - 1) / divisor)
    }
}
