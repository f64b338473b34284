import Foundation

/// How on-call load was shared over one year (`oncall fairness --year YYYY`).
public struct FairnessReport: Sendable, Equatable {
    /// One engineer's load over the year.
    public struct Line: Sendable, Equatable {
        /// Whose load this is.
        public var engineer: EngineerID
        /// Hours on call in the year, from every kind of shift.
        public var onCallHours: Double
        /// Shifts held, as `oncall schedule` lists them (a rotation week cut by a substitute counts twice).
        public var shifts: Int
        /// Season days held (each daily season shift counts once, even when partly substituted).
        public var seasonDays: Int
        /// Saturdays and Sundays on call, in the engineer's own zone: each weekend day counts
        /// for the fraction of it on call, so a whole weekend is 2.
        public var weekendDays: Double
        /// Public holidays or company days off of others that this engineer covered as substitute,
        /// counted once per absent engineer and date.
        public var holidaysCoveredForOthers: Int
        /// Substitute shifts this engineer took.
        public var substitutionsGiven: Int
        /// Substitute shifts others took for this engineer.
        public var substitutionsReceived: Int

        /// Creates a line.
        public init(
            engineer: EngineerID,
            onCallHours: Double = 0,
            shifts: Int = 0,
            seasonDays: Int = 0,
            weekendDays: Double = 0,
            holidaysCoveredForOthers: Int = 0,
            substitutionsGiven: Int = 0,
            substitutionsReceived: Int = 0
        ) {
            self.engineer = engineer
            self.onCallHours = onCallHours
            self.shifts = shifts
            self.seasonDays = seasonDays
            self.weekendDays = weekendDays
            self.holidaysCoveredForOthers = holidaysCoveredForOthers
            self.substitutionsGiven = substitutionsGiven
            self.substitutionsReceived = substitutionsReceived
        }
    }

    /// The year, in the team's zone.
    public var year: Int
    /// One line per rotation member, in rotation order.
    public var lines: [Line]
    /// Hours nobody was on call after the rotation started.
    public var gapHours: Double
    /// The gaps of the year (including the time before the rotation's first handoff).
    public var gaps: [ScheduleGap]

    /// The difference in on-call hours between the most and the least loaded engineer.
    public var spreadHours: Double {
        guard let most = lines.map(\.onCallHours).max(), let least = lines.map(\.onCallHours).min() else { return 0 }
        return most - least
    }

    /// The most loaded engineer (the first in rotation order on a tie).
    public var mostLoaded: EngineerID? {
        lines.enumerated().max { ($0.element.onCallHours, -$0.offset) < ($1.element.onCallHours, -$1.offset) }?.element
            .engineer
    }

    /// The least loaded engineer (the first in rotation order on a tie).
    public var leastLoaded: EngineerID? {
        lines.enumerated().min { ($0.element.onCallHours, $0.offset) < ($1.element.onCallHours, $1.offset) }?.element
            .engineer
    }

    /// Builds the report from a year's schedule.
    ///
    /// - Parameters:
    ///   - year: the year the schedule covers.
    ///   - schedule: the schedule from New Year to New Year in the team's zone.
    ///   - engineers: the rotation members, in rotation order (their zones count weekends).
    ///   - handoff: the handoff time of day, which starts each season day.
    public init(year: Int, schedule: Schedule, engineers: [Engineer], handoff: TimeOfDay) {
        self.year = year
        self.gaps = schedule.gaps
        self.gapHours = schedule.gaps.filter { $0.uncovered != nil }.reduce(0) { $0 + $1.duration } / 3600
        var lines = engineers.map { Line(engineer: $0.id) }
        var index: [EngineerID: Int] = [:]
        for (position, engineer) in engineers.enumerated() { index[engineer.id] = position }
        var seasonDates: [Set<LocalDate>] = Array(repeating: [], count: engineers.count)
        var coveredHolidays: [Set<String>] = Array(repeating: [], count: engineers.count)
        for shift in schedule.shifts {
            guard let position = index[shift.engineer] else { continue }
            lines[position].onCallHours += shift.duration / 3600
            lines[position].shifts += 1
            lines[position].weekendDays += Self.weekendDays(of: shift, in: engineers[position].timeZone)
            switch shift.reason {
            case .season:
                seasonDates[position].insert(Self.seasonDay(of: shift.start, in: schedule.timeZone, handoff: handoff))
            case .substitute:
                lines[position].substitutionsGiven += 1
                if let covering = shift.covering {
                    if let coveredPosition = index[covering] { lines[coveredPosition].substitutionsReceived += 1 }
                    for absence in schedule.absences
                    where absence.engineer == covering && absence.overlaps(start: shift.start, end: shift.end) {
                        switch absence.reason {
                        case .publicHoliday, .companyDay:
                            coveredHolidays[position].insert("\(covering) \(absence.date)")
                        case .timeOff: break
                        }
                    }
                }
            case .rotation, .swap, .override:
                break
            }
        }
        for position in lines.indices {
            lines[position].seasonDays = seasonDates[position].count
            lines[position].holidaysCoveredForOthers = coveredHolidays[position].count
        }
        self.lines = lines
    }

    /// The fraction of each Saturday and Sunday (local to `timeZone`) that `shift` covers, summed.
    static func weekendDays(of shift: Shift, in timeZone: TimeZone) -> Double {
        var total = 0.0
        var date = LocalDate(shift.start, in: timeZone)
        var dayStart = date.instant(in: timeZone)
        while dayStart < shift.end {
            let next = date.adding(days: 1)
            let dayEnd = next.instant(in: timeZone)
            if date.weekday.isWeekend {
                let overlap = min(dayEnd, shift.end).timeIntervalSince(max(dayStart, shift.start))
                if overlap > 0 { total += overlap / dayEnd.timeIntervalSince(dayStart) }
            }
            date = next
            dayStart = dayEnd
        }
        return total
    }

    /// The date whose season day (handoff to handoff) holds `instant`.
    static func seasonDay(of instant: Date, in timeZone: TimeZone, handoff: TimeOfDay) -> LocalDate {
        let wall = WallTime.seconds(of: instant, in: timeZone)
        let day = wall >= 0 ? wall / 86_400 : -((-wall + 86_399) / 86_400)
        return LocalDate(dayNumber: wall - day * 86_400 < handoff.minutesSinceMidnight * 60 ? day - 1 : day)
    }
}

extension ScheduleCalculator {
    /// The fairness report of `year` (New Year to New Year in the team's zone).
    ///
    /// - Parameter year: the year to report on.
    /// - Returns: per engineer on-call hours, shifts, season days, weekend days, holidays covered
    ///   for others and substitutions, with the spread between most and least loaded.
    /// - Throws: as ``schedule(from:to:)``.
    public func fairness(year: Int) throws(ScheduleError) -> FairnessReport {
        guard let first = LocalDate(year: year, month: 1, day: 1),
            let next = LocalDate(year: year + 1, month: 1, day: 1)
        else { throw .emptyRange(from: "\(year)", to: "\(year + 1)") }
        let schedule = try schedule(from: first.instant(in: timeZone), to: next.instant(in: timeZone))
        return FairnessReport(year: year, schedule: schedule, engineers: members, handoff: policy.handoff.time)
    }
}
