import Foundation
import PipewatchCore
import Testing

@Suite("holiday engine")
struct HolidayCalendarTests {
    private func lines(_ code: String, _ year: Int, categories: Set<HolidayCategory> = [.public]) throws -> [String] {
        let region = try #require(Region(code: code))
        return try HolidayCalendar().holidays(in: region, year: year, categories: categories).map(\.description)
    }

    struct FutureYear: Sendable, CustomTestStringConvertible {
        let region: String
        let year: Int
        let expected: [String]
        var testDescription: String { "\(region) \(year)" }
    }

    /// Years past the vectors, worked out by hand from the rules (and checked against python-holidays 0.109).
    static let futureYears: [FutureYear] = [
        // Thanksgiving 2040: November 1 is a Thursday, so the fourth is the 22nd. January 1 and
        // November 11 fall on Sundays and are observed on Mondays.
        FutureYear(
            region: "US",
            year: 2040,
            expected: [
                "2040-01-01\tNew Year's Day", "2040-01-02\tNew Year's Day (observed)",
                "2040-01-16\tMartin Luther King Jr. Day", "2040-02-20\tWashington's Birthday",
                "2040-05-28\tMemorial Day", "2040-06-19\tJuneteenth National Independence Day",
                "2040-07-04\tIndependence Day", "2040-09-03\tLabor Day", "2040-10-08\tColumbus Day",
                "2040-11-11\tVeterans Day", "2040-11-12\tVeterans Day (observed)", "2040-11-22\tThanksgiving Day",
                "2040-12-25\tChristmas Day",
            ]
        ),
        // Easter 2044 is April 17. Christmas is a Sunday: Boxing Day keeps Monday, Christmas moves to Tuesday.
        FutureYear(
            region: "GB-ENG",
            year: 2044,
            expected: [
                "2044-01-01\tNew Year's Day", "2044-04-15\tGood Friday", "2044-04-18\tEaster Monday",
                "2044-05-02\tMay Day", "2044-05-30\tSpring Bank Holiday", "2044-08-29\tLate Summer Bank Holiday",
                "2044-12-25\tChristmas Day", "2044-12-26\tBoxing Day", "2044-12-27\tChristmas Day (observed)",
            ]
        ),
        // Easter 2050 is April 10: Ascension May 19, Whit Monday May 30, Corpus Christi June 9.
        FutureYear(
            region: "DE-BY",
            year: 2050,
            expected: [
                "2050-01-01\tNew Year's Day", "2050-01-06\tEpiphany", "2050-04-08\tGood Friday",
                "2050-04-11\tEaster Monday", "2050-05-01\tLabor Day", "2050-05-19\tAscension Day",
                "2050-05-30\tPentecost Monday", "2050-06-09\tCorpus Christi", "2050-10-03\tGerman Unity Day",
                "2050-11-01\tAll Saints' Day", "2050-12-25\tChristmas Day", "2050-12-26\tSecond Day of Christmas",
            ]
        ),
        // Children's Day, Mountain Day and Culture Day 2041 are Sundays: substitute holidays follow.
        FutureYear(
            region: "JP",
            year: 2041,
            expected: [
                "2041-01-01\tNew Year's Day", "2041-01-14\tComing of Age Day", "2041-02-11\tFoundation Day",
                "2041-02-23\tEmperor's Birthday", "2041-03-20\tVernal Equinox Day", "2041-04-29\tShowa Day",
                "2041-05-03\tConstitution Day", "2041-05-04\tGreenery Day", "2041-05-05\tChildren's Day",
                "2041-05-06\tSubstitute Holiday", "2041-07-15\tMarine Day", "2041-08-11\tMountain Day",
                "2041-08-12\tSubstitute Holiday", "2041-09-16\tRespect for the Aged Day",
                "2041-09-23\tAutumnal Equinox Day", "2041-10-14\tSports Day", "2041-11-03\tCulture Day",
                "2041-11-04\tSubstitute Holiday", "2041-11-23\tLabor Thanksgiving Day",
            ]
        ),
        // Easter 2038 is April 25, ANZAC Day: two names on one date. Christmas is a Saturday.
        FutureYear(
            region: "AU-VIC",
            year: 2038,
            expected: [
                "2038-01-01\tNew Year's Day", "2038-01-26\tAustralia Day", "2038-03-08\tLabour Day",
                "2038-04-23\tGood Friday", "2038-04-24\tEaster Saturday", "2038-04-25\tANZAC Day",
                "2038-04-25\tEaster Sunday", "2038-04-26\tEaster Monday", "2038-06-14\tKing's Birthday",
                "2038-09-24\tFriday before the AFL Grand Final", "2038-11-02\tMelbourne Cup Day",
                "2038-12-25\tChristmas Day", "2038-12-26\tBoxing Day", "2038-12-27\tChristmas Day (observed)",
                "2038-12-28\tBoxing Day (observed)",
            ]
        ),
    ]

    @Test("rule-based regions are right past the vectors' last year", arguments: futureYears)
    func futureYear(_ expectation: FutureYear) throws {
        // When the engine computes a year no vector covers
        let actual = try lines(expectation.region, expectation.year)
        // Then it matches the dates reasoned from the rules
        #expect(actual.sorted() == expectation.expected.sorted())
    }

    @Test("a year past a lunar table's coverage is an error naming region, holiday and coverage")
    func coverageError() throws {
        // Given California, which observes Diwali from 2026 (a Hindu-calendar table)
        let region = try #require(Region(code: "US-CA"))
        // When asking for 2041
        let error = #expect(throws: HolidayError.self) { try HolidayCalendar().holidays(in: region, year: 2041) }
        // Then the message names all three
        #expect(error?.description == "no holiday table for 'Diwali' in 'US-CA' for 2041: the table covers 2000–2035")
        // And the whole country, which has no table holiday, still answers
        #expect(try lines("US", 2041).contains("2041-11-28\tThanksgiving Day"))
    }

    @Test("a year the government has not declared yet has its statutory days, marked provisional")
    func undeclaredYear() throws {
        // Given China, whose declared days off are published through 2026
        let region = try #require(Region(code: "CN"))
        let engine = HolidayCalendar()
        // When asking for 2027
        let days = try engine.holidays(in: region, year: 2027).map(\.description)
        // Then the statutory and lunar holidays are there (Spring Festival 2027 is February 6)
        #expect(days.contains("2027-01-01\tNew Year's Day"))
        #expect(days.contains("2027-02-06\tChinese New Year (Spring Festival)"))
        #expect(days.contains("2027-10-01\tNational Day"))
        // And the year says it is provisional, what is missing and how to add it
        let provisional = try #require(try engine.provisional(in: region, year: 2027))
        #expect(provisional.missing == ["Declared days off"])
        #expect(provisional.publishedThrough == 2026)
        #expect(
            provisional.description
                == "the holidays of 'CN' in 2027 are provisional: the days off its government declares each year "
                + "('Declared days off') are published through 2026 only, so 2027 is planned with its law-fixed "
                + "holidays; when they are announced, add them as a calendar with 'declares: CN' (a company .ics "
                + "file or inline dates, see docs/configuration.md)"
        )
        // And a declared year is complete
        #expect(try engine.provisional(in: region, year: 2026) == nil)
        // And past the lunar table nothing reliable is known: an error
        let error = #expect(throws: HolidayError.self) { try engine.holidays(in: region, year: 2036) }
        #expect(
            error?.description
                == "no holiday table for 'Chinese New Year (Spring Festival)' in 'CN' for 2036: the table covers 2000–2035"
        )
    }

    @Test("India's years are those of its Hindu-calendar data: 2001–2035", arguments: [2000, 2036])
    func indiaCoverage(year: Int) throws {
        let region = try #require(Region(code: "IN-KA"))
        let error = #expect(throws: HolidayError.self) { try HolidayCalendar().holidays(in: region, year: year) }
        let expected =
            year == 2000
            ? "no holidays for 'IN-KA' in 2000: the holiday rules start in 2001"
            : "no holiday table for 'Diwali (Deepavali)' in 'IN-KA' for 2036: the table covers 2001–2035"
        #expect(error?.description == expected)
    }

    @Test("an unknown country is an error with close suggestions")
    func unknownCountry() throws {
        let region = try #require(Region(code: "UZ"))
        let error = #expect(throws: HolidayError.self) { try HolidayCalendar().holidays(in: region, year: 2026) }
        #expect(
            error?.description
                == "unknown holiday region 'UZ': did you mean 'NZ', 'US'? ('pipewatch holidays --list' shows all)"
        )
    }

    @Test("'UK-SCT' suggests 'GB-SCT', the ISO code of the United Kingdom with the same subdivision")
    func unitedKingdomAlias() throws {
        let region = try #require(Region(code: "UK-SCT"))
        let error = #expect(throws: HolidayError.self) { try HolidayCalendar().holidays(in: region, year: 2026) }
        #expect(
            error?.description
                == "unknown holiday region 'UK-SCT': did you mean 'GB-SCT'? ('pipewatch holidays --list' shows all)"
        )
    }

    @Test("an unknown subdivision is an error listing the close ones")
    func unknownSubdivision() throws {
        let region = try #require(Region(code: "US-CX"))
        let error = #expect(throws: HolidayError.self) { try HolidayCalendar().holidays(in: region, year: 2026) }
        #expect(
            error?.description
                == "unknown subdivision 'CX' of 'US' in region 'US-CX': did you mean 'US-CA', 'US-CO', 'US-CT', 'US-TX'? "
                + "('pipewatch holidays --list' shows all)"
        )
    }

    @Test("a year before the rules start is an error, not an empty list")
    func yearBeforeRules() throws {
        let region = try #require(Region(code: "GB-SCT"))
        let error = #expect(throws: HolidayError.self) { try HolidayCalendar().holidays(in: region, year: 1999) }
        #expect(error?.description == "no holidays for 'GB-SCT' in 1999: the holiday rules start in 2000")
    }

    @Test("a category the region does not have is an error listing those it has")
    func unknownCategory() throws {
        let region = try #require(Region(code: "DE-BY"))
        let error = #expect(throws: HolidayError.self) {
            try HolidayCalendar().holidays(in: region, year: 2026, categories: [.public, .bank])
        }
        #expect(error?.description == "unknown holiday category 'bank' for 'DE-BY': it has 'public', 'catholic'")
    }

    @Test("observed days are marked and named as python-holidays names them")
    func observedDays() throws {
        // Given July 4, 2026, a Saturday, and Christmas 2022, a Sunday in Scotland
        let calendar = HolidayCalendar()
        let us = try calendar.holidays(in: try #require(Region(code: "US")), year: 2026)
        let scotland = try calendar.holidays(in: try #require(Region(code: "GB-SCT")), year: 2022)
        // Then the day off moves to Friday and to Tuesday, marked as observed
        let july = try #require(us.first { $0.date == LocalDate(year: 2026, month: 7, day: 3) })
        #expect(july.name == "Independence Day (observed)" && july.isObserved)
        #expect(us.first { $0.date == LocalDate(year: 2026, month: 7, day: 4) }?.isObserved == false)
        let christmas = try #require(scotland.first { $0.date == LocalDate(year: 2022, month: 12, day: 27) })
        #expect(christmas.name == "Christmas Day (observed)" && christmas.isObserved)
    }

    @Test("opting into a category adds its holidays, marked with it")
    func categories() throws {
        // Given Bavaria with and without the catholic category
        let region = try #require(Region(code: "DE-BY"))
        let calendar = HolidayCalendar()
        let assumption = LocalDate(year: 2026, month: 8, day: 15)
        // When computing 2026 both ways
        let publicOnly = try calendar.holidays(in: region, year: 2026)
        let withCatholic = try calendar.holidays(in: region, year: 2026, categories: [.public, .catholic])
        // Then Assumption Day is only in the second, in the catholic category
        #expect(!publicOnly.contains { $0.date == assumption })
        let day = try #require(withCatholic.first { $0.date == assumption })
        #expect(day.name == "Assumption Day" && day.category == .catholic)
        #expect(withCatholic.count == publicOnly.count + 1)
    }

    @Test("a range spans years and keeps only the days in it")
    func range() throws {
        let region = try #require(Region(code: "GB-ENG"))
        let start = try #require(LocalDate(year: 2026, month: 12, day: 20))
        let end = try #require(LocalDate(year: 2027, month: 1, day: 5))
        let days = try HolidayCalendar().holidays(in: region, from: start, through: end).map(\.description)
        #expect(
            days == [
                "2026-12-25\tChristmas Day", "2026-12-26\tBoxing Day", "2026-12-28\tBoxing Day (observed)",
                "2027-01-01\tNew Year's Day",
            ]
        )
    }

    @Test("the memo answers the same list, from any number of threads at once")
    func memoized() async throws {
        let calendar = HolidayCalendar()
        let region = try #require(Region(code: "AU-NSW"))
        let first = try calendar.holidays(in: region, year: 2027)
        let results = await withTaskGroup(of: [Holiday].self) { group in
            for _ in 0..<16 { group.addTask { (try? calendar.holidays(in: region, year: 2027)) ?? [] } }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.allSatisfy { $0 == first })
    }

    @Test("supported regions carry English names and their categories")
    func supportedRegions() {
        let regions = HolidayCalendar.supportedRegions
        #expect(regions.first { $0.region.code == "US-CA" }?.name == "California, United States")
        #expect(regions.first { $0.region.code == "GB-SCT" }?.name == "Scotland, United Kingdom")
        #expect(regions.first { $0.region.code == "DE-BY" }?.categories == [.public, .catholic])
        #expect(regions.first { $0.region.code == "JP" }?.name == "Japan")
    }
}

@Suite("regional day-off calendar")
struct RegionalDayOffCalendarTests {
    private func engineer(_ region: String, categories: [String] = ["public"], except: [String] = []) throws -> Engineer
    {
        Engineer(
            id: EngineerID("a"),
            name: "A",
            region: try #require(Region(code: region)),
            timeZone: try #require(TimeZone(identifier: "UTC")),
            holidayCategories: categories,
            holidayExceptions: except
        )
    }

    @Test("an engineer's days off are their region's public holidays")
    func publicHolidays() throws {
        let start = try #require(LocalDate(year: 2026, month: 12, day: 1))
        let end = try #require(LocalDate(year: 2026, month: 12, day: 31))
        let days = try RegionalDayOffCalendar().daysOff(for: try engineer("GB-ENG"), from: start, through: end)
        #expect(days.map(\.date.description) == ["2026-12-25", "2026-12-26", "2026-12-28"])
        #expect(days.first?.reason == .publicHoliday(name: "Christmas Day"))
    }

    @Test("a holiday in except is worked through, with its observed day")
    func exceptions() throws {
        // Given an engineer in England who works Boxing Day (a Saturday in 2026, observed Monday)
        let start = try #require(LocalDate(year: 2026, month: 12, day: 1))
        let end = try #require(LocalDate(year: 2026, month: 12, day: 31))
        let who = try engineer("GB-ENG", except: ["boxing day"])
        // When listing December
        let days = try RegionalDayOffCalendar().daysOff(for: who, from: start, through: end)
        // Then only Christmas remains
        #expect(days.map(\.date.description) == ["2026-12-25"])
    }

    @Test("extra categories add days off and holidays on one date share a day off")
    func categoriesAndSharedDates() throws {
        let start = try #require(LocalDate(year: 2038, month: 4, day: 25))
        let days = try RegionalDayOffCalendar().daysOff(for: try engineer("AU-VIC"), from: start, through: start)
        #expect(days == [DayOff(date: start, reason: .publicHoliday(name: "ANZAC Day; Easter Sunday"))])
        let august = try #require(LocalDate(year: 2026, month: 8, day: 15))
        let bavarian = try engineer("DE-BY", categories: ["public", "catholic"])
        #expect(try RegionalDayOffCalendar().daysOff(for: bavarian, from: august, through: august).count == 1)
    }

    @Test(
        "except drops the holiday with its observed and substitute days, and matches estimated names",
        arguments: [
            ("ES-AN", "2019-01-01", "2019-01-31", "Epiphany", ["2019-01-01"]),  // Monday following Epiphany, 01-07
            ("JP", "2041-05-01", "2041-05-31", "Children's Day", ["2041-05-03", "2041-05-04"]),  // substitute 05-06
            // "Hari Raya Haji (estimated)" and its observed day
            ("SG", "2030-01-01", "2030-12-31", "hari raya haji", nil),
        ]
    )
    func exceptionsFollowTheHoliday(
        region: String,
        from: String,
        to: String,
        except: String,
        expected: [String]?
    ) throws {
        let start = try #require(LocalDate(iso: from))
        let end = try #require(LocalDate(iso: to))
        let calendar = RegionalDayOffCalendar()
        let all = try calendar.daysOff(for: try engineer(region), from: start, through: end)
        let kept = try calendar.daysOff(for: try engineer(region, except: [except]), from: start, through: end)
        if let expected {
            #expect(kept.map(\.date.description) == expected)
        } else {
            #expect(kept.count == all.count - 2)
            #expect(!kept.contains { $0.reason.description.lowercased().contains(except) })
        }
    }

    @Test("a range past a table's coverage throws rather than answering less")
    func coverage() throws {
        let start = try #require(LocalDate(year: 2035, month: 12, day: 1))
        let end = try #require(LocalDate(year: 2036, month: 1, day: 31))
        #expect(throws: HolidayError.self) {
            try RegionalDayOffCalendar().daysOff(for: try engineer("US-CA"), from: start, through: end)
        }
    }
}
