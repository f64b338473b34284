import Foundation
import PipewatchCore
import PipewatchTestSupport
import Testing

@Suite("holidays, time off and substitutes")
struct AbsenceTests {
    struct Example: CustomTestStringConvertible, Sendable {
        let name: String
        let holidays: [String: [String]]
        let timeOff: [String]
        let from: String
        let to: String
        let expected: [String]
        var testDescription: String { name }
    }

    static let examples: [Example] = [
        Example(
            name: "a handoff on the rotation engineer's holiday (Memorial Day)",
            holidays: [:],
            timeOff: [],
            from: "2026-05-18T09:00:00-04:00",
            to: "2026-06-01T09:00:00-04:00",
            expected: [
                "d rotation 2026-05-18T09:00:00-04:00..2026-05-25T09:00:00-04:00",
                "d substitute(a) 2026-05-25T09:00:00-04:00..2026-05-26T00:00:00-04:00",
                "a rotation 2026-05-26T00:00:00-04:00..2026-06-01T09:00:00-04:00",
            ]
        ),
        Example(
            name: "a holiday on a Saturday still takes the engineer off call",
            holidays: ["DE-BE": ["2026-10-03"]],
            timeOff: [],
            from: "2026-09-28T09:00:00-04:00",
            to: "2026-10-05T09:00:00-04:00",
            expected: [
                "c rotation 2026-09-28T09:00:00-04:00..2026-10-02T18:00:00-04:00",
                "d substitute(c) 2026-10-02T18:00:00-04:00..2026-10-03T18:00:00-04:00",
                "c rotation 2026-10-03T18:00:00-04:00..2026-10-05T09:00:00-04:00",
            ]
        ),
        Example(
            name: "an engineer away for a whole shift: the rotation does not advance",
            holidays: [:],
            timeOff: ["b 2026-01-12 2026-01-19"],
            from: "2026-01-05T09:00:00-05:00",
            to: "2026-02-02T09:00:00-05:00",
            expected: [
                "a rotation 2026-01-05T09:00:00-05:00..2026-01-12T09:00:00-05:00",
                "c substitute(b) 2026-01-12T09:00:00-05:00..2026-01-19T09:00:00-05:00",
                "c rotation 2026-01-19T09:00:00-05:00..2026-01-26T09:00:00-05:00",
                "d rotation 2026-01-26T09:00:00-05:00..2026-02-02T09:00:00-05:00",
            ]
        ),
        Example(
            name: "two engineers away at once: the substitute is the one left available",
            holidays: [:],
            timeOff: ["b 2026-01-12 2026-01-19", "c 2026-01-14 2026-01-14"],
            from: "2026-01-12T09:00:00-05:00",
            to: "2026-02-02T09:00:00-05:00",
            expected: [
                "d substitute(b) 2026-01-12T09:00:00-05:00..2026-01-19T09:00:00-05:00",
                "c rotation 2026-01-19T09:00:00-05:00..2026-01-26T09:00:00-05:00",
                "d rotation 2026-01-26T09:00:00-05:00..2026-02-02T09:00:00-05:00",
            ]
        ),
        Example(
            name: "three engineers away: the one already on call the week before covers",
            holidays: [:],
            timeOff: ["b 2026-01-12 2026-01-19", "c 2026-01-14 2026-01-14", "d 2026-01-15 2026-01-15"],
            from: "2026-01-05T09:00:00-05:00",
            to: "2026-01-19T09:00:00-05:00",
            expected: [
                "a rotation 2026-01-05T09:00:00-05:00..2026-01-12T09:00:00-05:00",
                "a substitute(b) 2026-01-12T09:00:00-05:00..2026-01-19T09:00:00-05:00",
            ]
        ),
        Example(
            name: "the least on-call time this year wins over rotation order",
            holidays: [:],
            timeOff: ["c 2026-01-19 2026-01-25", "d 2026-02-23 2026-03-01"],
            from: "2026-02-23T09:00:00-05:00",
            to: "2026-03-02T09:00:00-05:00",
            expected: [
                "c substitute(d) 2026-02-23T09:00:00-05:00..2026-03-01T13:30:00-05:00",
                "d rotation 2026-03-01T13:30:00-05:00..2026-03-02T09:00:00-05:00",
            ]
        ),
    ]

    @Test("substitutes cover exactly the unavailable hours", arguments: examples)
    func substitutes(_ example: Example) throws {
        // Given the seed team with the example's holidays (or the seed's 2026 table) and time off
        let table: [String: [(String, String)]] =
            example.holidays.isEmpty && example.timeOff.isEmpty
            ? ScheduleFixtures.seedHolidays2026
            : example.holidays.mapValues { $0.map { ($0, "Holiday") } }
        let timeOff = example.timeOff.map { line in
            let parts = line.split(separator: " ").map(String.init)
            return TimeOff(
                engineer: EngineerID(parts[0]),
                from: ScheduleFixtures.date(parts[1]),
                to: ScheduleFixtures.date(parts[2])
            )
        }
        let calculator = try ScheduleFixtures.seedCalculator(holidays: table, timeOff: timeOff)
        // When computing the range
        let result = try schedule(calculator, example.from, example.to)
        // Then the shifts are as expected
        #expect(lines(result) == example.expected)
    }

    /// Three engineers in New York, so that local days line up with the team's days.
    static func newYorkTeam(
        zones: [String] = ["America/New_York", "America/New_York", "America/New_York"],
        timeOff: [String]
    ) throws -> ScheduleCalculator {
        let ids = ["a", "b", "c"].prefix(zones.count)
        let engineers = zip(ids, zones).map { ScheduleFixtures.engineer($0, region: "US-NY", zone: $1) }
        var policy = ScheduleFixtures.seedPolicy()
        policy.rotation = ids.map { EngineerID($0) }
        return try ScheduleCalculator(
            policy: policy,
            timeZone: ScheduleFixtures.zone("America/New_York"),
            engineers: engineers,
            calendar: TableDayOffCalendar(),
            timeOff: timeOff.map {
                let parts = $0.split(separator: " ").map(String.init)
                return TimeOff(
                    engineer: EngineerID(parts[0]),
                    from: ScheduleFixtures.date(parts[1]),
                    to: ScheduleFixtures.date(parts[2]),
                    reason: "vacation"
                )
            }
        )
    }

    @Test("nobody available: the unavailable hours are a gap, reported with whom it leaves uncovered")
    func nobodyAvailable() throws {
        let calculator = try Self.newYorkTeam(
            zones: ["America/New_York", "America/New_York"],
            timeOff: [
                "a 2026-01-06 2026-01-06", "b 2026-01-06 2026-01-06",
            ]
        )
        let result = try schedule(calculator, "2026-01-05T09:00:00-05:00", "2026-01-12T09:00:00-05:00")
        #expect(
            lines(result) == [
                "a rotation 2026-01-05T09:00:00-05:00..2026-01-06T00:00:00-05:00",
                "gap 2026-01-06T00:00:00-05:00..2026-01-07T00:00:00-05:00",
                "a rotation 2026-01-07T00:00:00-05:00..2026-01-12T09:00:00-05:00",
            ]
        )
        #expect(result.gaps.map(\.uncovered) == ["a"])
        #expect(result.gaps.map(\.note) == ["time off ('vacation')"])
    }

    @Test("nobody available for the whole absence: each team-zone day gets its own substitute")
    func splitAtMidnight() throws {
        let calculator = try Self.newYorkTeam(timeOff: [
            "a 2026-01-06 2026-01-07", "b 2026-01-06 2026-01-06", "c 2026-01-07 2026-01-07",
        ])
        let result = try schedule(calculator, "2026-01-05T09:00:00-05:00", "2026-01-12T09:00:00-05:00")
        #expect(
            lines(result) == [
                "a rotation 2026-01-05T09:00:00-05:00..2026-01-06T00:00:00-05:00",
                "c substitute(a) 2026-01-06T00:00:00-05:00..2026-01-07T00:00:00-05:00",
                "b substitute(a) 2026-01-07T00:00:00-05:00..2026-01-08T00:00:00-05:00",
                "a rotation 2026-01-08T00:00:00-05:00..2026-01-12T09:00:00-05:00",
            ]
        )
    }

    @Test("a day nobody can take whole is cut where someone becomes available; only the rest is a gap")
    func splitAtAvailability() throws {
        // b is in London: their day off ends at 19:00 in New York.
        let calculator = try Self.newYorkTeam(
            zones: ["America/New_York", "Europe/London"],
            timeOff: [
                "a 2026-01-06 2026-01-06", "b 2026-01-06 2026-01-06",
            ]
        )
        let result = try schedule(calculator, "2026-01-05T09:00:00-05:00", "2026-01-12T09:00:00-05:00")
        #expect(
            lines(result) == [
                "a rotation 2026-01-05T09:00:00-05:00..2026-01-06T00:00:00-05:00",
                "gap 2026-01-06T00:00:00-05:00..2026-01-06T19:00:00-05:00",
                "b substitute(a) 2026-01-06T19:00:00-05:00..2026-01-07T00:00:00-05:00",
                "a rotation 2026-01-07T00:00:00-05:00..2026-01-12T09:00:00-05:00",
            ]
        )
    }

    @Test("a substitute's shift says whose absence it covers and why")
    func substituteNote() throws {
        let calculator = try ScheduleFixtures.seedCalculator()
        let coverage = try calculator.coverage(at: ScheduleFixtures.instant("2026-05-25T12:00:00-04:00"))
        #expect(
            coverage
                == .onCall(
                    Shift(
                        engineer: "d",
                        start: ScheduleFixtures.instant("2026-05-25T09:00:00-04:00"),
                        end: ScheduleFixtures.instant("2026-05-26T00:00:00-04:00"),
                        reason: .substitute,
                        covering: "a",
                        note: "public holiday 'Memorial Day'"
                    )
                )
        )
    }
}
