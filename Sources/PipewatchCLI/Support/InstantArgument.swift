import Foundation
import PipewatchCore

/// Reads the times people type on the command line: ISO 8601 with an offset
/// (`2026-03-09T09:00:00-05:00`, `…Z`), or a local `YYYY-MM-DDTHH:MM` (or with a space) in
/// the team's time zone.
enum InstantArgument {
    static func parse(_ text: String, in zone: TimeZone) -> Date? {
        if let instant = ISO8601Text.parse(text) { return instant }
        let parts = text.split(whereSeparator: { $0 == "T" || $0 == " " })
        guard parts.count == 2, let date = LocalDate(iso: parts[0]), let time = TimeOfDay(parsing: parts[1]) else {
            return nil
        }
        return date.instant(at: time, in: zone)
    }

    /// The message for a time that does not parse.
    static func message(_ option: String, _ text: String) -> String {
        "\(option) '\(text)' is not a time; use ISO 8601 such as 2026-03-09T09:00:00-05:00, or 2026-03-09T09:00 in the team's zone"
    }
}
