import Foundation

/// Plain-text tables for people: `oncall schedule --format table` and `oncall fairness`.
/// Columns are padded with spaces; times are ISO 8601 in the team's zone.
public enum ScheduleTable {
    /// The schedule as a table of shifts and gaps in time order.
    ///
    /// - Parameters:
    ///   - schedule: the computed schedule.
    ///   - engineer: keep only this engineer's shifts; gaps are kept either way.
    /// - Returns: a header line and one line per shift or gap, each ending in a newline.
    public static func render(_ schedule: Schedule, engineer: EngineerID? = nil) -> String {
        let zone = schedule.timeZone
        var rows: [(Date, [String])] = schedule.shifts.lazy.filter { engineer == nil || $0.engineer == engineer }.map {
            (
                $0.start,
                [
                    ISO8601Text.format($0.start, in: zone), ISO8601Text.format($0.end, in: zone), $0.engineer.rawValue,
                    $0.reason.rawValue, $0.reason == .rotation ? "" : $0.explanation,
                ]
            )
        }
        rows += schedule.gaps.map {
            (
                $0.start,
                [
                    ISO8601Text.format($0.start, in: zone), ISO8601Text.format($0.end, in: zone), "-", "gap",
                    $0.explanation,
                ]
            )
        }
        rows.sort { $0.0 < $1.0 }
        return table(header: ["START", "END", "ENGINEER", "REASON", "WHY"], rows: rows.map(\.1))
    }

    /// The fairness report as a table, one line per engineer, then the spread and the gaps.
    ///
    /// - Parameter report: the year's report.
    /// - Returns: the table text, ending in a newline.
    public static func render(_ report: FairnessReport) -> String {
        let rows = report.lines.map { line in
            [
                line.engineer.rawValue, hours(line.onCallHours), "\(line.shifts)", "\(line.seasonDays)",
                hours(line.weekendDays), "\(line.holidaysCoveredForOthers)", "\(line.substitutionsGiven)",
                "\(line.substitutionsReceived)",
            ]
        }
        var text = table(
            header: [
                "ENGINEER", "HOURS", "SHIFTS", "SEASON DAYS", "WEEKEND DAYS", "HOLIDAYS COVERED", "SUBS GIVEN",
                "SUBS RECEIVED",
            ],
            rows: rows
        )
        text += "spread between most and least loaded: \(hours(report.spreadHours)) hours"
        if let most = report.mostLoaded, let least = report.leastLoaded {
            text += " ('\(most)' most, '\(least)' least)"
        }
        text += "\n"
        text += "hours nobody could be on call in \(report.year): \(hours(report.gapHours))\n"
        return text
    }

    /// `12`, `12.5`, `0.75`: at most two decimals, no trailing zeros.
    static func hours(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        var text = String(format: "%.2f", rounded)
        while text.hasSuffix("0") { text.removeLast() }
        return text
    }

    private static func table(header: [String], rows: [[String]]) -> String {
        var widths = header.map(\.count)
        for row in rows {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) }
        }
        func line(_ cells: [String]) -> String {
            var text = ""
            for (index, cell) in cells.enumerated() {
                text +=
                    index == cells.count - 1
                    ? cell : cell.padding(toLength: widths[index] + 2, withPad: " ", startingAt: 0)
            }
            while text.hasSuffix(" ") { text.removeLast() }
            return text + "\n"
        }
        return ([header] + rows).map(line).joined()
    }
}
