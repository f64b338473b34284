import Foundation
import PipewatchCore
import PipewatchTestSupport
import Testing

/// A random team, regions, time off, seasons and swaps, drawn from a seed.
struct RandomWorld {
    var engineers: [Engineer]
    var policy: OncallPolicy
    var teamZone: TimeZone
    var holidays: [String: [(String, String)]]
    var timeOff: [TimeOff]
    var from: Date
    var to: Date

    static let zones = [
        "America/New_York", "Europe/London", "Europe/Berlin", "Asia/Kolkata", "America/Los_Angeles",
        "Australia/Sydney", "Asia/Tokyo", "America/Sao_Paulo", "Pacific/Auckland", "UTC",
    ]
    static let regions = ["US-NY", "GB-ENG", "DE-BE", "IN-KA", "JP", "AU-NSW", "BR", "NZ"]
    static let shiftLengths: [Int64] = [604_800, 604_800, 1_209_600, 86_400, 259_200, 43_200]

    init(seed: UInt64, seasons allowSeasons: Bool = true, absences: Bool = true) {
        var random = SplitMix64(seed: seed)
        func pick<T>(_ values: [T]) -> T { values[Int.random(in: 0..<values.count, using: &random)] }
        func day(_ year: Int) -> LocalDate {
            LocalDate(
                dayNumber: (LocalDate(year: year, month: 1, day: 1)?.dayNumber ?? 0)
                    + Int.random(in: 0..<365, using: &random)
            )
        }
        let count = Int.random(in: 1...7, using: &random)
        engineers = (0..<count).map { index in
            ScheduleFixtures.engineer("e\(index)", region: pick(Self.regions), zone: pick(Self.zones))
        }
        teamZone = ScheduleFixtures.zone(pick(Self.zones))
        holidays = [:]
        if absences {
            for region in Self.regions {
                holidays[region] = (0..<Int.random(in: 0...14, using: &random)).map { _ in
                    (day(Int.random(in: 2026...2027, using: &random)).description, "Holiday \(region)")
                }
            }
        }
        var seasons: [Season] = []
        if allowSeasons, Bool.random(using: &random) {
            let start = day(2026)
            let end = start.adding(days: Int.random(in: 0...30, using: &random))
            if let from = MonthDay(month: start.month, day: start.day),
                let to = MonthDay(month: end.month, day: end.day)
            {
                seasons.append(Season(name: "Season", from: from, to: to))
            }
        }
        var rotation = engineers.map(\.id)
        rotation.shuffle(using: &random)
        policy = OncallPolicy(
            rotation: rotation,
            shift: .seconds(pick(Self.shiftLengths)),
            handoff: Handoff(
                weekday: pick(Weekday.allCases),
                time: TimeOfDay(hour: Int.random(in: 0..<24, using: &random), minute: pick([0, 30])) ?? .midnight
            ),
            starts: LocalDate(
                dayNumber: (LocalDate(year: 2025, month: 12, day: 1)?.dayNumber ?? 0)
                    + Int.random(in: 0..<90, using: &random)
            ),
            seasons: seasons
        )
        timeOff = []
        if absences {
            for _ in 0..<Int.random(in: 0...(count * 6), using: &random) {
                let start = day(Int.random(in: 2026...2027, using: &random))
                timeOff.append(
                    TimeOff(
                        engineer: pick(engineers).id,
                        from: start,
                        to: start.adding(days: Int.random(in: 0...10, using: &random))
                    )
                )
            }
        }
        let first = day(2026).instant(in: teamZone)
        from = first.addingTimeInterval(Double(Int.random(in: 0..<86_400, using: &random)))
        to = from.addingTimeInterval(Double(Int.random(in: 1...150, using: &random)) * 86_400)
    }

    func calculator(swaps: [SwapRequest] = [], overrides: [Override] = []) throws -> ScheduleCalculator {
        try ScheduleCalculator(
            policy: policy,
            timeZone: teamZone,
            engineers: engineers,
            calendar: TableDayOffCalendar(holidays),
            timeOff: timeOff,
            swaps: swaps,
            overrides: overrides
        )
    }

    /// Accepted swaps of random pieces of random shifts, to random other engineers.
    func randomSwaps(in schedule: Schedule, seed: UInt64) -> [SwapRequest] {
        var random = SplitMix64(seed: seed ^ 0x5A5A)
        guard engineers.count > 1, !schedule.shifts.isEmpty else { return [] }
        return (0..<Int.random(in: 0...6, using: &random)).compactMap { index in
            let shift = schedule.shifts[Int.random(in: 0..<schedule.shifts.count, using: &random)]
            let length = shift.duration
            let start = shift.start.addingTimeInterval((length * Double.random(in: 0..<0.5, using: &random)).rounded())
            let end = start.addingTimeInterval((length * Double.random(in: 0.1...0.5, using: &random)).rounded())
            let others = engineers.map(\.id).filter { $0 != shift.engineer }
            return SwapRequest(
                id: Int64(index),
                requester: shift.engineer,
                taker: others[Int.random(in: 0..<others.count, using: &random)],
                start: start,
                end: min(end, shift.end),
                status: .accepted,
                requestedAt: start.addingTimeInterval(-30 * 86_400),
                decidedAt: start.addingTimeInterval(-29 * 86_400)
            )
        }
    }

    /// Random overrides inside the range, some naming someone outside the rotation.
    func randomOverrides(seed: UInt64) -> [Override] {
        var random = SplitMix64(seed: seed ^ 0xA5A5)
        let span = to.timeIntervalSince(from)
        return (0..<Int.random(in: 0...3, using: &random)).map { index in
            let start = from.addingTimeInterval((span * Double.random(in: -0.1..<1, using: &random)).rounded())
            let ids = engineers.map(\.id) + ["outsider"]
            return Override(
                id: Int64(index),
                engineer: ids[Int.random(in: 0..<ids.count, using: &random)],
                start: start,
                end: start.addingTimeInterval(Double(Int.random(in: 1...72, using: &random)) * 3_600),
                reason: "test",
                createdAt: from
            )
        }
    }

    /// Whether `engineer` has a day off (holiday or time off, in their own zone) overlapping `[start, end)`.
    func isUnavailable(_ id: EngineerID, from start: Date, to end: Date) -> Bool {
        guard let engineer = engineers.first(where: { $0.id == id }) else { return false }
        let zone = engineer.timeZone
        let off = Set((holidays[engineer.region.code] ?? []).map(\.0))
        var date = LocalDate(start, in: zone)
        while date.instant(in: zone) < end {
            if off.contains(date.description) || timeOff.contains(where: { $0.engineer == id && $0.covers(date) }) {
                let dayStart = date.instant(in: zone)
                let dayEnd = date.adding(days: 1).instant(in: zone)
                if dayStart < end && start < dayEnd { return true }
            }
            date = date.adding(days: 1)
        }
        return false
    }
}

@Suite("schedule invariants over random teams")
struct SchedulePropertyTests {
    static let seeds: [UInt64] = Array(1...60)

    @Test("every instant is covered by exactly one shift or a reported gap", arguments: seeds)
    func coverage(seed: UInt64) throws {
        let world = RandomWorld(seed: seed)
        let base = try world.calculator().schedule(from: world.from, to: world.to)
        let result = try world.calculator(swaps: world.randomSwaps(in: base, seed: seed)).schedule(
            from: world.from,
            to: world.to
        )
        var entries = result.shifts.map { ($0.start, $0.end) } + result.gaps.map { ($0.start, $0.end) }
        entries.sort { $0.0 < $1.0 }
        #expect(entries.first?.0 == world.from)
        #expect(entries.last?.1 == world.to)
        for (previous, next) in zip(entries, entries.dropFirst()) {
            #expect(previous.1 == next.0, "seed \(seed): \(previous) then \(next)")
        }
        #expect(entries.allSatisfy { $0.0 < $0.1 })
    }

    @Test("nobody is on call while unavailable, and gaps happen only when nobody at all is available", arguments: seeds)
    func availability(seed: UInt64) throws {
        let world = RandomWorld(seed: seed)
        let base = try world.calculator().schedule(from: world.from, to: world.to)
        let result = try world.calculator(swaps: world.randomSwaps(in: base, seed: seed)).schedule(
            from: world.from,
            to: world.to
        )
        for shift in result.shifts {
            #expect(
                !world.isUnavailable(shift.engineer, from: shift.start, to: shift.end),
                "seed \(seed): \(shift.engineer) \(shift.reason) \(shift.start)..\(shift.end)"
            )
        }
        for gap in result.gaps where gap.uncovered != nil {
            let instant = gap.start.addingTimeInterval(gap.duration / 2)
            for engineer in world.engineers {
                #expect(
                    world.isUnavailable(engineer.id, from: instant, to: instant.addingTimeInterval(1)),
                    "seed \(seed): \(engineer.id) was available in gap at \(instant)"
                )
            }
        }
    }

    @Test("the same input gives the same output, whatever range around it is asked for", arguments: seeds)
    func determinism(seed: UInt64) throws {
        let world = RandomWorld(seed: seed)
        let first = try world.calculator().schedule(from: world.from, to: world.to)
        let second = try RandomWorld(seed: seed).calculator().schedule(from: world.from, to: world.to)
        #expect(first == second)
        let middle = world.from.addingTimeInterval(world.to.timeIntervalSince(world.from) / 2)
        let part = try world.calculator().schedule(from: middle, to: world.to)
        for step in stride(from: 0.0, to: world.to.timeIntervalSince(middle), by: 3_571) {
            let instant = middle.addingTimeInterval(step)
            #expect(
                part.coverage(at: instant) == clippedCoverage(first, at: instant, from: middle),
                "seed \(seed) at \(instant)"
            )
        }
    }

    @Test("overrides keep the schedule a partition of the range and hold exactly their intervals", arguments: seeds)
    func overrides(seed: UInt64) throws {
        let world = RandomWorld(seed: seed)
        let overrides = world.randomOverrides(seed: seed)
        let result = try world.calculator(overrides: overrides).schedule(from: world.from, to: world.to)
        var entries = result.shifts.map { ($0.start, $0.end) } + result.gaps.map { ($0.start, $0.end) }
        entries.sort { $0.0 < $1.0 }
        #expect(entries.first?.0 == world.from)
        #expect(entries.last?.1 == world.to)
        for (previous, next) in zip(entries, entries.dropFirst()) { #expect(previous.1 == next.0, "seed \(seed)") }
        // The last override covering an instant decides who is on call then.
        for override in overrides {
            let instant = override.start.addingTimeInterval(override.end.timeIntervalSince(override.start) / 2)
            guard instant >= world.from, instant < world.to else { continue }
            let winner = overrides.last { $0.start <= instant && instant < $0.end }
            #expect(result.engineer(at: instant) == winner?.engineer, "seed \(seed)")
        }
    }

    @Test(
        "a year's fairness hours and gap hours add up to the year after the first handoff",
        arguments: seeds.prefix(20)
    )
    func fairnessAddsUp(seed: UInt64) throws {
        let world = RandomWorld(seed: seed)
        let calculator = try world.calculator()
        let report = try calculator.fairness(year: 2026)
        let yearStart = try #require(LocalDate(year: 2026, month: 1, day: 1)).instant(in: world.teamZone)
        let yearEnd = try #require(LocalDate(year: 2027, month: 1, day: 1)).instant(in: world.teamZone)
        let covered = yearEnd.timeIntervalSince(max(yearStart, calculator.firstHandoff)) / 3600
        let total = report.lines.reduce(0) { $0 + $1.onCallHours } + report.gapHours
        #expect(abs(total - covered) < 1e-6, "seed \(seed)")
        #expect(
            report.lines.reduce(0) { $0 + $1.substitutionsGiven }
                == report.lines.reduce(0) { $0 + $1.substitutionsReceived }
        )
    }

    @Test("with everyone available, season days are spread within one of each other", arguments: seeds.prefix(20))
    func seasonSpread(seed: UInt64) throws {
        var world = RandomWorld(seed: seed, absences: false)
        world.policy.seasons = [ScheduleFixtures.yearEndSeason]
        let result = try world.calculator().schedule(
            from: ScheduleFixtures.instant("2026-12-19T00:00:00Z"),
            to: ScheduleFixtures.instant("2027-01-08T00:00:00Z")
        )
        var days: [EngineerID: Int] = [:]
        for shift in result.shifts where shift.reason == .season {
            days[shift.engineer, default: 0] += 1
        }
        let counts = world.engineers.map { days[$0.id] ?? 0 }
        #expect((counts.max() ?? 0) - (counts.min() ?? 0) <= 1, "seed \(seed): \(counts)")
        #expect(counts.reduce(0, +) == 17)
    }

    @Test("outside seasons and without absences or swaps, the schedule is exactly the plain rotation", arguments: seeds)
    func plainRotation(seed: UInt64) throws {
        let world = RandomWorld(seed: seed, seasons: false, absences: false)
        let calculator = try world.calculator()
        let result = try calculator.schedule(from: world.from, to: world.to)
        #expect(result.shifts == calculator.plainRotation(from: world.from, to: world.to))
        #expect(result.gaps.allSatisfy { $0.uncovered == nil && $0.end <= calculator.firstHandoff })
    }

    /// The coverage at `instant` in `schedule`, with the entry's start clipped to `from`.
    private func clippedCoverage(_ schedule: Schedule, at instant: Date, from: Date) -> Schedule.Coverage {
        switch schedule.coverage(at: instant) {
        case .onCall(var shift):
            shift.start = max(shift.start, from)
            return .onCall(shift)
        case .gap(var gap):
            gap.start = max(gap.start, from)
            return .gap(gap)
        case .outsideRange:
            return .outsideRange
        }
    }
}
