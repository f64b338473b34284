import Foundation
import PipewatchCore

/// The schedule computation: the seed team's year, five years of a 200-engineer team, and
/// who-is-on-call lookups. Targets: a seed year under 5 ms, a lookup under 1 µs.
let scheduleBenchmark = Benchmark(name: "schedule") {
    let newYork = TimeZone(identifier: "America/New_York") ?? TimeZone(secondsFromGMT: 0)!
    let nineAM = TimeOfDay(hour: 9, minute: 0) ?? .midnight
    let handoff = Handoff(weekday: .monday, time: nineAM)

    // The seed team: A-D in four regions, a few holidays each, the year-end season.
    let seedZones = ["America/New_York", "Europe/London", "Europe/Berlin", "Asia/Kolkata"]
    let seedRegions = ["US-NY", "GB-ENG", "DE-BE", "IN-KA"]
    let seedEngineers = (0..<4).map { index in
        Engineer(
            id: EngineerID(String(UnicodeScalar(UInt8(97 + index)))),
            name: "Data Engineer \(index)",
            region: Region(code: seedRegions[index])!,
            timeZone: TimeZone(identifier: seedZones[index])!
        )
    }
    var seedTable: [String: [LocalDate: String]] = [:]
    for (index, region) in seedRegions.enumerated() {
        for (month, day) in [(1, 1), (4, 3), (5, 25), (8, 15), (10, 2 + index), (12, 25), (12, 26)] {
            seedTable[region, default: [:]][LocalDate(year: 2026, month: month, day: day)!] = "Holiday"
        }
    }
    let seedPolicy = OncallPolicy(
        rotation: seedEngineers.map(\.id),
        handoff: handoff,
        starts: LocalDate(year: 2026, month: 1, day: 5)!,
        seasons: [Season(name: "Year-end", from: MonthDay(month: 12, day: 20)!, to: MonthDay(month: 1, day: 5)!)],
        timeOff: [
            TimeOff(
                engineer: "b",
                from: LocalDate(year: 2026, month: 8, day: 3)!,
                to: LocalDate(year: 2026, month: 8, day: 14)!
            )
        ]
    )
    let seed = try! ScheduleCalculator(
        policy: seedPolicy,
        timeZone: newYork,
        engineers: seedEngineers,
        calendar: BenchmarkCalendar(table: seedTable)
    )
    let yearStart = LocalDate(year: 2026, month: 1, day: 1)!.instant(in: newYork)
    let yearEnd = LocalDate(year: 2027, month: 1, day: 1)!.instant(in: newYork)
    var shiftCount = 0
    let seedYear = medianSeconds(iterations: 20) {
        shiftCount = (try? seed.schedule(from: yearStart, to: yearEnd))?.shifts.count ?? 0
    }
    print("seed team, one year (\(shiftCount) shifts): \(milliseconds(seedYear)) ms (target < 5 ms)")

    // 200 engineers in 20 regions, 1,000 time-off entries, five years.
    var random = BenchmarkRandom(state: 42)
    let zones = [
        "America/New_York", "Europe/London", "Europe/Berlin", "Asia/Kolkata", "America/Los_Angeles",
        "Australia/Sydney", "Asia/Tokyo", "America/Sao_Paulo", "Europe/Paris", "Asia/Singapore",
    ]
    var bigTable: [String: [LocalDate: String]] = [:]
    let regions = (0..<20).map { "R\(String(UnicodeScalar(UInt8(65 + $0))))" }
    for region in regions {
        for year in 2026...2031 {
            for _ in 0..<12 {
                bigTable[region, default: [:]][
                    LocalDate(year: year, month: 1, day: 1)!.adding(days: random.next(365))
                ] = "Holiday"
            }
        }
    }
    let bigEngineers = (0..<200).map { index in
        Engineer(
            id: EngineerID("e\(index)"),
            name: "Engineer \(index)",
            region: Region(code: regions[index % 20])!,
            timeZone: TimeZone(identifier: zones[index % zones.count])!
        )
    }
    let bigTimeOff = (0..<1_000).map { _ in
        let start = LocalDate(year: 2026, month: 1, day: 1)!.adding(days: random.next(5 * 365))
        return TimeOff(
            engineer: bigEngineers[random.next(200)].id,
            from: start,
            to: start.adding(days: random.next(14))
        )
    }
    let bigPolicy = OncallPolicy(
        rotation: bigEngineers.map(\.id),
        handoff: handoff,
        starts: LocalDate(year: 2026, month: 1, day: 5)!,
        seasons: seedPolicy.seasons
    )
    let big = try! ScheduleCalculator(
        policy: bigPolicy,
        timeZone: newYork,
        engineers: bigEngineers,
        calendar: BenchmarkCalendar(table: bigTable),
        timeOff: bigTimeOff
    )
    let fiveYearsEnd = LocalDate(year: 2031, month: 1, day: 1)!.instant(in: newYork)
    let fiveYears = medianSeconds(iterations: 3, repeats: 5) {
        shiftCount = (try? big.schedule(from: yearStart, to: fiveYearsEnd))?.shifts.count ?? 0
    }
    print("200 engineers, 20 regions, 1,000 time off, five years (\(shiftCount) shifts): \(milliseconds(fiveYears)) ms")

    // Lookups in a computed year.
    let schedule = try! seed.schedule(from: yearStart, to: yearEnd)
    let span = yearEnd.timeIntervalSince(yearStart)
    let instants = (0..<4_096).map { _ in yearStart.addingTimeInterval(Double(random.next(Int(span)))) }
    var found = 0
    let lookup =
        medianSeconds(iterations: 50) {
            for instant in instants where schedule.engineer(at: instant) != nil { found += 1 }
        } / Double(instants.count)
    print(
        "who is on call at an instant, in a computed year: \(String(format: "%.1f", lookup * 1e9)) ns (target < 1 µs; \(found > 0 ? "ok" : "none"))"
    )
    let bigSchedule = try! big.schedule(from: yearStart, to: fiveYearsEnd)
    let bigSpan = fiveYearsEnd.timeIntervalSince(yearStart)
    let bigInstants = (0..<4_096).map { _ in yearStart.addingTimeInterval(Double(random.next(Int(bigSpan)))) }
    let bigLookup =
        medianSeconds(iterations: 50) {
            for instant in bigInstants where bigSchedule.engineer(at: instant) != nil { found += 1 }
        } / Double(bigInstants.count)
    print(
        "who is on call at an instant, in five computed years of 200 engineers: \(String(format: "%.1f", bigLookup * 1e9)) ns"
    )
    let fairness = medianSeconds(iterations: 10) { found += (try? seed.fairness(year: 2026))?.lines.count ?? 0 }
    print("seed team fairness report for a year: \(milliseconds(fairness)) ms")
    let icsText = ICalendarWriter(engineers: seedEngineers).render(schedule)
    let ics = medianSeconds(iterations: 20) {
        found += ICalendarWriter(engineers: seedEngineers).render(schedule).count
    }
    print("seed team iCalendar for a year (\(icsText.utf8.count) bytes): \(milliseconds(ics)) ms")
}

private func milliseconds(_ seconds: Double) -> String { String(format: "%.3f", seconds * 1e3) }

/// A holiday table by region code, standing in for the holiday engine.
private struct BenchmarkCalendar: DayOffCalendar {
    let table: [String: [LocalDate: String]]

    func daysOff(for engineer: Engineer, from start: LocalDate, through end: LocalDate) throws -> [DayOff] {
        (table[engineer.region.code] ?? [:]).filter { $0.key >= start && $0.key <= end }.sorted { $0.key < $1.key }
            .map { DayOff(date: $0.key, reason: .publicHoliday(name: $0.value)) }
    }
}

/// A tiny deterministic generator (SplitMix64) so every run measures the same team.
private struct BenchmarkRandom {
    var state: UInt64

    mutating func next(_ bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(bound))
    }
}
