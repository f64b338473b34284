extension CountryDefinition {
    /// Australia: python-holidays' `Australia`, nationally and for every state and territory;
    /// `bank` adds the August bank holiday (ACT, NSW), `half_day` the evenings of Christmas Eve and
    /// New Year's Eve (NT, QLD, SA). A holiday that is moved (rather than given an extra observed
    /// day) keeps its name.
    static let australia = CountryDefinition(
        code: "AU",
        name: "Australia",
        subdivisions: [
            ("ACT", "Australian Capital Territory"), ("NSW", "New South Wales"), ("NT", "Northern Territory"),
            ("QLD", "Queensland"), ("SA", "South Australia"), ("TAS", "Tasmania"), ("VIC", "Victoria"),
            ("WA", "Western Australia"),
        ],
        categories: [.bank, .halfDay],
        populate: { (b: inout HolidayBuilder, subdivision: String?) throws(HolidayError) in
            b.observedLabel = "%s (observed)"
            b.observedRule = .satSunToNextMon
            if b.wants(.public) { addPublicHolidaysAU(&b, subdivision) }
            if b.wants(.bank) {
                b.category = .bank
                if subdivision == "ACT" || (subdivision == "NSW" && b.year >= 2011) {
                    b.add("Bank Holiday", .nth(1, .monday, of: 8))
                }
            }
            if b.wants(.halfDay) {
                b.category = .halfDay
                switch subdivision {
                case "NT" where b.year >= 2016, "SA" where b.year >= 2012:
                    b.add("Christmas Eve (from 7pm)", 12, 24)
                    b.add("New Year's Eve (from 7pm)", 12, 31)
                case "QLD" where b.year >= 2019:
                    b.add("Christmas Eve (from 6pm)", 12, 24)
                default:
                    break
                }
            }
        }
    )
}

private func addPublicHolidaysAU(_ b: inout HolidayBuilder, _ subdivision: String?) {
    b.add("Good Friday", .western(-2))
    b.add("Easter Monday", .western(1))
    if subdivision == nil {
        b.add("New Year's Day", 1, 1)
        b.add("Australia Day", 1, 26)
        b.add("ANZAC Day", 4, 25)
        b.add("Christmas Day", 12, 25)
        b.add("Boxing Day", 12, 26)
    }
    if b.year == 2022 { b.add("National Day of Mourning for Queen Elizabeth II", 9, 22) }
    switch subdivision {
    case "ACT": addCapitalTerritory(&b)
    case "NSW": addNewSouthWales(&b)
    case "NT": addNorthernTerritory(&b)
    case "QLD": addQueensland(&b)
    case "SA": addSouthAustralia(&b)
    case "TAS": addTasmania(&b)
    case "VIC": addVictoria(&b)
    case "WA": addWesternAustralia(&b)
    default: break
    }
}

extension HolidayBuilder {
    /// Moves a holiday to its observed day keeping its name (python-holidays' Australian `_move_holiday`).
    mutating func moveKeepingName(_ date: LocalDate?, rule: ObservedRule? = nil) {
        move(date, rule: rule, showLabel: false)
    }

    /// The sovereign's birthday holiday name in Australia and New Zealand.
    var sovereignBirthday: String { year >= 2023 ? "King's Birthday" : "Queen's Birthday" }
}

private func addCapitalTerritory(_ b: inout HolidayBuilder) {
    let y = b.year
    let newYear = b.add("New Year's Day", 1, 1)
    if y >= 2015 { b.addObserved(newYear) } else { b.moveKeepingName(newYear) }
    b.moveKeepingName(b.add("Australia Day", 1, 26))
    if y == 2012 {
        b.add("Canberra Day", 3, 12)
    } else {
        b.add("Canberra Day", .nth(y <= 2007 ? 3 : 2, .monday, of: 3))
    }
    let anzac = b.add("ANZAC Day", 4, 25)
    if y == 2026 { b.addObserved(anzac) } else { b.moveKeepingName(anzac, rule: .sunToNextMon) }
    b.add("Easter Saturday", .western(-1))
    if y >= 2016 { b.add("Easter Sunday", .western(0)) }
    if y >= 2018 { b.add("Reconciliation Day", .weekdayOnOrAfter(.monday, month: 5, day: 27)) }
    b.add(b.sovereignBirthday, .nth(2, .monday, of: 6))
    let familyDays = [
        2010: (9, 26), 2011: (10, 10), 2012: (10, 8), 2013: (9, 30), 2014: (9, 29), 2015: (9, 28),
        2016: (9, 26), 2017: (9, 25),
    ]
    if let day = familyDays[y] { b.add("Family & Community Day", day.0, day.1) }
    b.add("Labour Day", .nth(1, .monday, of: 10))
    let boxing = b.add("Boxing Day", 12, 26)
    if y >= 2014 {
        b.addObserved(boxing, rule: .satSunToNextMonTue)
    } else {
        b.moveKeepingName(boxing, rule: .satSunToNextMonTue + .monToNextTue)
    }
    let christmas = b.add("Christmas Day", 12, 25)
    if y >= 2014 { b.addObserved(christmas, rule: .satSunToNextMonTue) } else { b.moveKeepingName(christmas) }
    if y == 2020 { b.add("Declared Public Holiday", 4, 27) }
    if y == 2021 { b.add("Additional Public Holiday", 4, 25) }
}

private func addNewSouthWales(_ b: inout HolidayBuilder) {
    let y = b.year
    b.addObserved(b.add("New Year's Day", 1, 1), rule: y >= 2011 ? .satSunToNextMon : .sunToNextMon)
    let australiaDay = b.add("Australia Day", 1, 26)
    if y >= 2011 { b.moveKeepingName(australiaDay) } else { b.addObserved(australiaDay, rule: .sunToNextMon) }
    b.add("Easter Saturday", .western(-1))
    if y >= 2011 { b.add("Easter Sunday", .western(0)) }
    let anzac = b.add("ANZAC Day", 4, 25)
    if y <= 2010 {
        b.addObserved(anzac, rule: .sunToNextMon)
    } else if (2026...2027).contains(y) {
        b.addObserved(anzac)
    }
    b.add("Labour Day", .nth(1, .monday, of: 10))
    b.add(b.sovereignBirthday, .nth(2, .monday, of: 6))
    if y <= 2010 { b.add("Bank Holiday", .nth(1, .monday, of: 8)) }
    b.addObserved(b.add("Christmas Day", 12, 25), rule: y >= 2011 ? .satSunToNextMonTue : .sunToNextTue)
    b.addObserved(b.add("Boxing Day", 12, 26), rule: y >= 2011 ? .satSunToNextMonTue : .sunToNextMon)
}

private func addNorthernTerritory(_ b: inout HolidayBuilder) {
    let y = b.year
    let newYear = b.add("New Year's Day", 1, 1)
    if y >= 2017 { b.addObserved(newYear) } else { b.moveKeepingName(newYear) }
    b.moveKeepingName(b.add("Australia Day", 1, 26))
    b.moveKeepingName(b.add("ANZAC Day", 4, 25), rule: .sunToNextMon)
    b.add("Easter Saturday", .western(-1))
    if y >= 2024 { b.add("Easter Sunday", .western(0)) }
    b.add("May Day", .nth(1, .monday, of: 5))
    b.add(b.sovereignBirthday, .nth(2, .monday, of: 6))
    b.add("Picnic Day", .nth(1, .monday, of: 8))
    let boxing = b.add("Boxing Day", 12, 26)
    if y >= 2023 {
        b.addObserved(boxing, rule: .satSunToNextMonTue + .monToNextTue)
    } else {
        b.moveKeepingName(boxing, rule: .satSunToNextMonTue + .monToNextTue)
    }
    let christmas = b.add("Christmas Day", 12, 25)
    if y >= 2016 { b.addObserved(christmas) } else { b.moveKeepingName(christmas) }
}

private func addQueensland(_ b: inout HolidayBuilder) {
    let y = b.year
    let newYear = b.add("New Year's Day", 1, 1)
    if y >= 2012 { b.addObserved(newYear) } else { b.moveKeepingName(newYear, rule: .sunToNextMon) }
    b.moveKeepingName(b.add("Australia Day", 1, 26))
    b.moveKeepingName(b.add("ANZAC Day", 4, 25), rule: .sunToNextMon)
    b.add("Easter Saturday", .western(-1))
    if y >= 2017 { b.add("Easter Sunday", .western(0)) }
    b.add("Labour Day", .nth(1, .monday, of: (2013...2015).contains(y) ? 10 : 5))
    if y <= 2015 && y != 2012 {
        b.add(b.sovereignBirthday, .nth(2, .monday, of: 6))
    } else {
        b.add(b.sovereignBirthday, .nth(1, .monday, of: 10))
    }
    switch y {
    case 2020: b.add("The Royal Queensland Show", 8, 14)
    case 2021: b.add("The Royal Queensland Show", 10, 29)
    default: b.add("The Royal Queensland Show", .weekdayOnOrAfter(.wednesday, month: 8, day: 10))
    }
    let boxing = b.add("Boxing Day", 12, 26)
    if y >= 2011 {
        b.addObserved(boxing, rule: .satSunToNextMonTue)
    } else {
        b.moveKeepingName(boxing, rule: .sunToNextMon + .monToNextTue)
    }
    let christmas = b.add("Christmas Day", 12, 25)
    if y >= 2011 {
        b.addObserved(christmas, rule: .satSunToNextMonTue)
    } else {
        b.moveKeepingName(christmas, rule: .sunToNextMon)
    }
    if y == 2012 { b.add("Queen's Diamond Jubilee", 6, 11) }
    if y == 2010 { b.add("Christmas Day (observed)", on: b.date(12, 28), isObserved: true) }
    if y == 2011 { b.add("New Year's Day (observed)", on: b.date(1, 3), isObserved: true) }
}

private func addSouthAustralia(_ b: inout HolidayBuilder) {
    let y = b.year
    let newYear = b.add("New Year's Day", 1, 1)
    if y >= 2024 {
        b.addObserved(newYear)
    } else if y >= 2004 {
        b.addObserved(newYear, rule: .sunToNextMon)
        b.moveKeepingName(newYear, rule: .satToNextMon)
    } else {
        b.moveKeepingName(newYear)
    }
    let australiaDay = b.add("Australia Day", 1, 26)
    if y <= 2003 || y >= 2024 {
        b.moveKeepingName(australiaDay)
    } else {
        b.addObserved(australiaDay, rule: .sunToNextMon)
        b.moveKeepingName(australiaDay, rule: .satToNextMon)
    }
    b.add("Adelaide Cup Day", .nth(y >= 2006 ? 2 : 3, .monday, of: y >= 2006 ? 3 : 5))
    b.add("Easter Saturday", .western(-1))
    if y >= 2024 { b.add("Easter Sunday", .western(0)) }
    let anzac = b.add("ANZAC Day", 4, 25)
    if y <= 2023 { b.addObserved(anzac, rule: .sunToNextMon) }
    b.add(b.sovereignBirthday, .nth(2, .monday, of: 6))
    b.add("Labour Day", .nth(1, .monday, of: 10))
    let proclamation = b.add("Proclamation Day", 12, 26)
    if y >= 2024 {
        b.addObserved(proclamation, rule: .satSunToNextMonTue + .monToNextTue)
    } else if y >= 2003 {
        b.addObserved(proclamation, rule: .sunToNextTue + .monToNextTue)
        b.moveKeepingName(proclamation, rule: .satToNextMon)
    } else {
        b.moveKeepingName(proclamation, rule: .satSunToNextMonTue + .monToNextTue)
    }
    let christmas = b.add("Christmas Day", 12, 25)
    if y >= 2024 {
        b.addObserved(christmas)
    } else if y >= 2003 {
        b.addObserved(christmas, rule: .sunToNextMon)
        b.moveKeepingName(christmas, rule: .satToNextMon)
    } else {
        b.moveKeepingName(christmas)
    }
}
