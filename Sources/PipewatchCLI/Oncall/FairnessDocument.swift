import Foundation
import PipewatchCore

/// `oncall fairness --format json`.
struct FairnessDocument: Encodable {
    struct Line: Encodable {
        let engineer: String
        let onCallHours: Double
        let shifts: Int
        let seasonDays: Int
        let weekendDays: Double
        let holidaysCoveredForOthers: Int
        let substitutionsGiven: Int
        let substitutionsReceived: Int

        enum CodingKeys: String, CodingKey {
            case engineer, shifts
            case onCallHours = "oncall_hours"
            case seasonDays = "season_days"
            case weekendDays = "weekend_days"
            case holidaysCoveredForOthers = "holidays_covered_for_others"
            case substitutionsGiven = "substitutions_given"
            case substitutionsReceived = "substitutions_received"
        }
    }

    struct Gap: Encodable {
        let start: String
        let end: String
    }

    let year: Int
    let engineers: [Line]
    let gaps: [Gap]
    let gapHours: Double
    let spreadHours: Double
    let mostLoaded: String?
    let leastLoaded: String?

    enum CodingKeys: String, CodingKey {
        case year, engineers, gaps
        case gapHours = "gap_hours"
        case spreadHours = "spread_hours"
        case mostLoaded = "most_loaded"
        case leastLoaded = "least_loaded"
    }

    init(_ report: FairnessReport, zone: TimeZone) {
        year = report.year
        engineers = report.lines.map {
            Line(
                engineer: $0.engineer.rawValue,
                onCallHours: $0.onCallHours,
                shifts: $0.shifts,
                seasonDays: $0.seasonDays,
                weekendDays: $0.weekendDays,
                holidaysCoveredForOthers: $0.holidaysCoveredForOthers,
                substitutionsGiven: $0.substitutionsGiven,
                substitutionsReceived: $0.substitutionsReceived
            )
        }
        gaps = report.gaps.filter { $0.uncovered != nil }.map {
            Gap(start: ISO8601Text.format($0.start, in: zone), end: ISO8601Text.format($0.end, in: zone))
        }
        gapHours = report.gapHours
        spreadHours = report.spreadHours
        mostLoaded = report.mostLoaded?.rawValue
        leastLoaded = report.leastLoaded?.rawValue
    }
}
