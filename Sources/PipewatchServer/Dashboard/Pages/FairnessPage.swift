import Foundation
import PipewatchCore

/// `/fairness`: how duty was shared over a year (the `oncall fairness` report), as a table and as
/// an SVG bar chart of on-call hours per engineer drawn on the server.
struct FairnessPage: Sendable {
    struct Row: Sendable {
        let name: String
        let hours: String
        let shifts: String
        let weekendDays: String
        let holidaysCovered: String
        let seasonDays: String
        let substitutionsGiven: String
        let substitutionsReceived: String
    }

    struct Bar: Sendable {
        let y: String
        let width: String
        let labelY: String
        let valueX: String
        let name: String
        let value: String
    }

    let chrome: DashboardChrome
    let year: String
    let previousHref: String
    let nextHref: String
    let rows: [Row]
    let bars: [Bar]
    let chartHeight: String
    let caption: String
    let spread: String
    let gapHours: String
    let hasGaps: Bool

    static let labelWidth = 170
    static let plotWidth = 380

    init(chrome: DashboardChrome, report: FairnessReport, names: [EngineerID: String]) {
        self.chrome = chrome
        year = String(report.year)
        previousHref = "/fairness?year=\(report.year - 1)"
        nextHref = "/fairness?year=\(report.year + 1)"
        let number = { (value: Double) in String(format: "%.1f", value) }
        rows = report.lines.map { line in
            Row(
                name: names[line.engineer] ?? line.engineer.rawValue,
                hours: String(format: "%.0f", line.onCallHours),
                shifts: String(line.shifts),
                weekendDays: number(line.weekendDays),
                holidaysCovered: String(line.holidaysCoveredForOthers),
                seasonDays: String(line.seasonDays),
                substitutionsGiven: String(line.substitutionsGiven),
                substitutionsReceived: String(line.substitutionsReceived)
            )
        }
        let top = max(report.lines.map(\.onCallHours).max() ?? 0, 1)
        bars = report.lines.enumerated().map { index, line in
            let y = 8 + index * 28
            return Bar(
                y: String(y),
                width: number(max(line.onCallHours / top * Double(Self.plotWidth), 1)),
                labelY: String(y + 15),
                valueX: number(Double(Self.labelWidth) + line.onCallHours / top * Double(Self.plotWidth) + 6),
                name: names[line.engineer] ?? line.engineer.rawValue,
                value: String(format: "%.0f h", line.onCallHours)
            )
        }
        chartHeight = String(16 + report.lines.count * 28)
        caption = "On-call hours per engineer in \(report.year)"
        spread = String(format: "%.0f", report.spreadHours)
        gapHours = String(format: "%.0f", report.gapHours)
        hasGaps = report.gapHours > 0
    }
}
