public import Foundation

/// Local wall-clock time counted in seconds since 1970-01-01T00:00 *local*, with no zone.
///
/// Rotations advance in wall time so that a 09:00 handoff stays at 09:00 across
/// daylight-saving changes: a week after Monday 09:00 is the next Monday 09:00, whatever
/// the offset did in between.
public enum WallTime {
    /// The local wall-clock seconds of `instant` in `timeZone` (rounded down to the second).
    public static func seconds(of instant: Date, in timeZone: TimeZone) -> Int {
        let utc = Int(instant.timeIntervalSince1970.rounded(.down))
        return utc + timeZone.secondsFromGMT(for: instant)
    }

    /// The instant at local wall-clock `seconds` in `timeZone`.
    ///
    /// As ``LocalDate/instant(at:in:)``: a wall time skipped by a daylight-saving jump
    /// resolves to the instant after the gap, and a repeated wall time to its first occurrence.
    public static func instant(atWallSeconds seconds: Int, in timeZone: TimeZone) -> Date {
        let wall = Double(seconds)
        var guess = wall - Double(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: wall - 86_400)))
        for _ in 0..<2 {
            guess = wall - Double(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: guess)))
        }
        return Date(timeIntervalSince1970: guess)
    }

    /// The wall-clock seconds of `time` on `date`.
    public static func seconds(of date: LocalDate, at time: TimeOfDay = .midnight) -> Int {
        date.dayNumber * 86_400 + time.minutesSinceMidnight * 60
    }
}
