import Foundation
import PipewatchCore
import PipewatchTestSupport
import Testing

@Suite("swap requests and overrides")
struct SwapTests {
    static func request(
        _ requester: EngineerID,
        _ taker: EngineerID,
        _ start: String,
        _ end: String,
        filed: String,
        status: SwapStatus = .pending
    ) -> SwapRequest {
        SwapRequest(
            id: 1,
            requester: requester,
            taker: taker,
            start: ScheduleFixtures.instant(start),
            end: ScheduleFixtures.instant(end),
            status: status,
            requestedAt: ScheduleFixtures.instant(filed),
            decidedAt: status == .pending ? nil : ScheduleFixtures.instant(filed)
        )
    }

    struct NoticeCase: CustomTestStringConvertible, Sendable {
        let filed: String
        let error: String?
        var testDescription: String { "filed \(filed)" }
    }

    @Test(
        "a swap must be filed a week ahead, counted in local days across the DST switch",
        arguments: [
            NoticeCase(filed: "2026-03-01T12:00:00-05:00", error: nil),
            NoticeCase(filed: "2026-03-02T09:00:00-05:00", error: nil),
            NoticeCase(
                filed: "2026-03-02T09:01:00-05:00",
                error: "swap request is too late: it starts 2026-03-09T09:00:00-04:00 and needed filing by "
                    + "2026-03-02T09:00:00-05:00 (swap notice 7 days)"
            ),
        ]
    )
    func notice(_ example: NoticeCase) throws {
        // Given B's shift starting Monday 2026-03-09 09:00, the day after clocks go forward
        let calculator = try ScheduleFixtures.seedCalculator()
        let swap = Self.request(
            "b",
            "c",
            "2026-03-09T09:00:00-04:00",
            "2026-03-10T09:00:00-04:00",
            filed: example.filed
        )
        // When validating the request
        // Then it passes exactly up to the deadline and fails one minute after it
        if let expected = example.error {
            let error = #expect(throws: ScheduleError.self) { try calculator.validate(swap) }
            #expect(error?.description == expected)
        } else {
            #expect(throws: Never.self) { try calculator.validate(swap) }
        }
    }

    @Test("a taker on a public holiday is refused, naming the day and the holiday")
    func takerOnHoliday() throws {
        let calculator = try ScheduleFixtures.seedCalculator()
        let swap = Self.request(
            "a",
            "c",
            "2026-04-02T09:00:00-04:00",
            "2026-04-04T09:00:00-04:00",
            filed: "2026-03-01T09:00:00-05:00"
        )
        let error = #expect(throws: ScheduleError.self) { try calculator.validate(swap) }
        #expect(
            error?.description
                == "swap request cannot go to 'c': 'c' is unavailable on 2026-04-03, public holiday 'Good Friday'"
        )
    }

    @Test("a taker on time off is refused, naming the day and the time off")
    func takerOnTimeOff() throws {
        let calculator = try ScheduleFixtures.seedCalculator(timeOff: [
            TimeOff(
                engineer: "d",
                from: ScheduleFixtures.date("2026-04-02"),
                to: ScheduleFixtures.date("2026-04-02"),
                reason: "dentist"
            )
        ])
        let swap = Self.request(
            "a",
            "d",
            "2026-04-02T09:00:00-04:00",
            "2026-04-04T09:00:00-04:00",
            filed: "2026-03-01T09:00:00-05:00"
        )
        let error = #expect(throws: ScheduleError.self) { try calculator.validate(swap) }
        #expect(
            error?.description
                == "swap request cannot go to 'd': 'd' is unavailable on 2026-04-02, time off ('dentist')"
        )
    }

    @Test("a swap must lie within shifts the requester holds")
    func notHeld() throws {
        let calculator = try ScheduleFixtures.seedCalculator()
        let swap = Self.request(
            "b",
            "d",
            "2026-04-02T09:00:00-04:00",
            "2026-04-03T09:00:00-04:00",
            filed: "2026-03-01T09:00:00-05:00"
        )
        let error = #expect(throws: ScheduleError.self) { try calculator.validate(swap) }
        #expect(
            error?.description
                == "swap request is not within shifts 'b' holds: at 2026-04-02T09:00:00-04:00 'a' is on call"
        )
    }

    @Test("a swap with oneself is refused")
    func withSelf() throws {
        let calculator = try ScheduleFixtures.seedCalculator()
        let swap = Self.request(
            "b",
            "b",
            "2026-03-09T09:00:00-04:00",
            "2026-03-10T09:00:00-04:00",
            filed: "2026-03-01T09:00:00-05:00"
        )
        let error = #expect(throws: ScheduleError.self) { try calculator.validate(swap) }
        #expect(error?.description == "swap request names 'b' as both requester and taker: ask another engineer")
    }

    @Test("an accepted swap gives the interval to the taker; a pending one changes nothing")
    func acceptedSwapApplies() throws {
        let accepted = Self.request(
            "b",
            "c",
            "2026-03-09T09:00:00-04:00",
            "2026-03-10T09:00:00-04:00",
            filed: "2026-03-01T09:00:00-05:00",
            status: .accepted
        )
        var pending = accepted
        pending.status = .pending
        let withSwap = try ScheduleFixtures.seedCalculator(swaps: [accepted])
        let withPending = try ScheduleFixtures.seedCalculator(swaps: [pending])
        #expect(
            lines(try schedule(withSwap, "2026-03-09T09:00:00-04:00", "2026-03-16T09:00:00-04:00")) == [
                "c swap(b) 2026-03-09T09:00:00-04:00..2026-03-10T09:00:00-04:00",
                "b rotation 2026-03-10T09:00:00-04:00..2026-03-16T09:00:00-04:00",
            ]
        )
        #expect(
            lines(try schedule(withPending, "2026-03-09T09:00:00-04:00", "2026-03-16T09:00:00-04:00")) == [
                "b rotation 2026-03-09T09:00:00-04:00..2026-03-16T09:00:00-04:00"
            ]
        )
    }

    @Test("an override wins over the rotation and over an accepted swap")
    func overrideWins() throws {
        let swap = Self.request(
            "b",
            "c",
            "2026-03-11T09:00:00-04:00",
            "2026-03-12T09:00:00-04:00",
            filed: "2026-03-01T09:00:00-05:00",
            status: .accepted
        )
        let override = Override(
            id: 1,
            engineer: "d",
            start: ScheduleFixtures.instant("2026-03-11T12:00:00-04:00"),
            end: ScheduleFixtures.instant("2026-03-11T18:00:00-04:00"),
            reason: "incident INC-7",
            createdAt: ScheduleFixtures.instant("2026-03-11T11:55:00-04:00")
        )
        let calculator = try ScheduleFixtures.seedCalculator(swaps: [swap], overrides: [override])
        let result = try schedule(calculator, "2026-03-09T09:00:00-04:00", "2026-03-16T09:00:00-04:00")
        #expect(
            lines(result) == [
                "b rotation 2026-03-09T09:00:00-04:00..2026-03-11T09:00:00-04:00",
                "c swap(b) 2026-03-11T09:00:00-04:00..2026-03-11T12:00:00-04:00",
                "d override 2026-03-11T12:00:00-04:00..2026-03-11T18:00:00-04:00",
                "c swap(b) 2026-03-11T18:00:00-04:00..2026-03-12T09:00:00-04:00",
                "b rotation 2026-03-12T09:00:00-04:00..2026-03-16T09:00:00-04:00",
            ]
        )
        #expect(result.shift(at: ScheduleFixtures.instant("2026-03-11T13:00:00-04:00"))?.note == "incident INC-7")
    }

    @Test("the notice deadline counts whole days in local time, other notices in elapsed time")
    func deadlines() {
        let zone = ScheduleFixtures.zone("America/New_York")
        let start = ScheduleFixtures.instant("2026-03-09T09:00:00-04:00")
        #expect(
            ISO8601Text.format(SwapPolicy.deadline(forStart: start, notice: .seconds(7 * 86_400), in: zone), in: zone)
                == "2026-03-02T09:00:00-05:00"
        )
        #expect(
            ISO8601Text.format(SwapPolicy.deadline(forStart: start, notice: .seconds(36 * 3_600), in: zone), in: zone)
                == "2026-03-07T20:00:00-05:00"
        )
    }
}

@Suite("explanations of who is on call")
struct ExplanationTests {
    @Test(
        "each kind of shift explains itself",
        arguments: [
            ("2026-05-25T12:00:00-04:00", "covering 'a': public holiday 'Memorial Day'"),
            ("2026-05-27T12:00:00-04:00", "rotation"),
            ("2026-12-24T12:00:00-05:00", "season 'Year-end holidays'"),
            ("2026-03-09T12:00:00-04:00", "swap request 1 from 'b'"),
            ("2026-03-11T13:00:00-04:00", "override: incident INC-7"),
            ("2026-01-02T12:00:00-05:00", "the rotation has not started"),
        ]
    )
    func explanations(at: String, expected: String) throws {
        let swap = SwapTests.request(
            "b",
            "c",
            "2026-03-09T09:00:00-04:00",
            "2026-03-10T09:00:00-04:00",
            filed: "2026-03-01T09:00:00-05:00",
            status: .accepted
        )
        let override = Override(
            id: 1,
            engineer: "d",
            start: ScheduleFixtures.instant("2026-03-11T12:00:00-04:00"),
            end: ScheduleFixtures.instant("2026-03-11T18:00:00-04:00"),
            reason: "incident INC-7",
            createdAt: ScheduleFixtures.instant("2026-03-11T11:55:00-04:00")
        )
        let calculator = try ScheduleFixtures.seedCalculator(
            seasons: [ScheduleFixtures.yearEndSeason],
            swaps: [swap],
            overrides: [override]
        )
        switch try calculator.coverage(at: ScheduleFixtures.instant(at)) {
        case .onCall(let shift): #expect(shift.explanation == expected)
        case .gap(let gap): #expect(gap.explanation == expected)
        case .outsideRange: Issue.record("outside the range")
        }
    }
}
