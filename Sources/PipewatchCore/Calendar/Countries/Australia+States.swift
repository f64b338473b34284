/// Tasmania, Victoria and Western Australia (python-holidays' `_populate_subdiv_*_public_holidays`).
func addTasmania(_ b: inout HolidayBuilder) {
    let y = b.year
    let newYear = b.add("New Year's Day", 1, 1)
    if y >= 2001 { b.moveKeepingName(newYear) }
    let australiaDay = b.add("Australia Day", 1, 26)
    if y >= 2001 { b.moveKeepingName(australiaDay) }
    b.add("Eight Hours Day", .nth(y >= 2001 ? 2 : 1, .monday, of: 3))
    if y >= 2027 { b.add("Easter Sunday", .western(0)) }
    if y <= 2010 { b.add("Easter Tuesday", .western(2)) }
    b.add("ANZAC Day", 4, 25)
    b.add(b.sovereignBirthday, .nth(2, .monday, of: 6))
    let christmas = b.add("Christmas Day", 12, 25)
    if y >= 2010 {
        b.addObserved(christmas, rule: .satSunToNextMonTue)
    } else {
        b.moveKeepingName(christmas, rule: .satSunToNextMonTue)
    }
    b.moveKeepingName(b.add("Boxing Day", 12, 26), rule: .satSunToNextMonTue)
}

func addVictoria(_ b: inout HolidayBuilder) {
    let y = b.year
    let newYear = b.add("New Year's Day", 1, 1)
    if y >= 2009 { b.addObserved(newYear) } else { b.moveKeepingName(newYear, rule: .sunToNextMon) }
    let australiaDay = b.add("Australia Day", 1, 26)
    if y >= 2009 { b.moveKeepingName(australiaDay) }
    b.add("Labour Day", .nth(2, .monday, of: 3))
    if y >= 2003 { b.add("Easter Saturday", .western(-1)) }
    if y >= 2016 { b.add("Easter Sunday", .western(0)) }
    b.add("ANZAC Day", 4, 25)
    b.add(b.sovereignBirthday, .nth(2, .monday, of: 6))
    if y >= 2015 {
        let name = "Friday before the AFL Grand Final"
        switch y {
        case 2015: b.add(name, 10, 2)
        case 2016: b.add(name, 9, 30)
        case 2020: b.add(name, 10, 23)
        default: b.add(name, .shifted(.nthWeekday(-1, .saturday, month: 9), days: -1))
        }
    }
    if y >= 2009 { b.add("Melbourne Cup Day", .nth(1, .tuesday, of: 11)) }
    let christmas = b.add("Christmas Day", 12, 25)
    if y >= 2019 {
        b.addObserved(christmas, rule: .satSunToNextMonTue)
    } else if y >= 2008 {
        b.moveKeepingName(christmas, rule: .satSunToNextMonTue)
    }
    let boxing = b.add("Boxing Day", 12, 26)
    if y >= 2008 {
        b.addObserved(boxing, rule: .satSunToNextMonTue)
    } else {
        b.moveKeepingName(boxing, rule: .sunToNextMon)
    }
}

func addWesternAustralia(_ b: inout HolidayBuilder) {
    let y = b.year
    b.addObserved(b.add("New Year's Day", 1, 1))
    b.moveKeepingName(b.add("Australia Day", 1, 26))
    b.add("Labour Day", .nth(1, .monday, of: 3))
    if y >= 2022 { b.add("Easter Sunday", .western(0)) }
    b.addObserved(b.add("ANZAC Day", 4, 25))
    b.add(y >= 2012 ? "Western Australia Day" : "Foundation Day", .nth(1, .monday, of: 6))
    switch y {
    case 2011: b.add(b.sovereignBirthday, 10, 28)
    case 2012: b.add(b.sovereignBirthday, 10, 1)
    case 2024: b.add(b.sovereignBirthday, 9, 23)
    default: b.add(b.sovereignBirthday, .nth(-1, .monday, of: 9))
    }
    b.addObserved(b.add("Boxing Day", 12, 26), rule: .satSunToNextMonTue + .monToNextTue)
    b.addObserved(b.add("Christmas Day", 12, 25))
    if y == 2011 { b.add("Special Public Holiday", 4, 26) }
}
