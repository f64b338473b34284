extension CountryDefinition {
    /// United Kingdom: python-holidays' `UnitedKingdom` (bank holidays), from 2000.
    static let unitedKingdom = CountryDefinition(
        code: "GB",
        name: "United Kingdom",
        subdivisions: [
            ("ENG", "England"), ("NIR", "Northern Ireland"), ("SCT", "Scotland"), ("WLS", "Wales"),
        ],
        populate: { (b: inout HolidayBuilder, subdivision: String?) throws(HolidayError) in
            b.observedRule = .satSunToNextMon
            guard b.wants(.public) else { return }
            b.add("Good Friday", .easter(offset: -2, method: .western))
            if b.year == 2020 {
                b.add("May Day", 5, 8)
            } else {
                b.add("May Day", .nthWeekday(1, .monday, month: 5))
            }
            switch b.year {
            case 2002, 2012: b.add("Spring Bank Holiday", 6, 4)
            case 2022: b.add("Spring Bank Holiday", 6, 2)
            default: b.add("Spring Bank Holiday", .nthWeekday(-1, .monday, month: 5))
            }
            addDeclaredDays(&b, declaredDaysGB)
            if subdivision != "SCT" {
                b.addObserved(b.add("New Year's Day", 1, 1))
                b.addObserved(b.add("Christmas Day", 12, 25), rule: .satSunToNextMonTue)
                b.addObserved(b.add("Boxing Day", 12, 26), rule: .satSunToNextMonTue)
            }
            switch subdivision {
            case nil:
                break
            case "ENG", "WLS":
                addCommonGB(&b)
            case "NIR":
                addCommonGB(&b)
                b.addObserved(b.add("Saint Patrick's Day", 3, 17))
                b.addObserved(b.add("Battle of the Boyne", 7, 12))
            case "SCT":
                let newYear = b.add("New Year's Day", 1, 1)
                b.addObserved(b.add("New Year Holiday", 1, 2), rule: .satSunToNextMonTue + .monToNextTue)
                b.addObserved(newYear)
                b.add("Summer Bank Holiday", .nthWeekday(1, .monday, month: 8))
                if b.year >= 2006 { b.addObserved(b.add("Saint Andrew's Day", 11, 30)) }
                b.addObserved(b.add("Christmas Day", 12, 25), rule: .satSunToNextMonTue)
                b.addObserved(b.add("Boxing Day", 12, 26), rule: .satSunToNextMonTue)
                if b.year == 2026 { b.add("Scotland's participation in the FIFA World Cup final", 6, 15) }
            default:
                break
            }
        }
    )
}

private func addCommonGB(_ b: inout HolidayBuilder) {
    b.add("Easter Monday", .easter(offset: 1, method: .western))
    b.add("Late Summer Bank Holiday", .nthWeekday(-1, .monday, month: 8))
}

/// Days declared by royal proclamation (python-holidays' `UnitedKingdomStaticHolidays`).
private let declaredDaysGB: [(year: Int, month: Int, day: Int, name: String)] = [
    (2002, 6, 3, "Golden Jubilee of Elizabeth II"),
    (2011, 4, 29, "Wedding of William and Catherine"),
    (2012, 6, 5, "Diamond Jubilee of Elizabeth II"),
    (2022, 6, 3, "Platinum Jubilee of Elizabeth II"),
    (2022, 9, 19, "State Funeral of Queen Elizabeth II"),
    (2023, 5, 8, "Coronation of Charles III"),
]

/// Adds the declared days of the builder's year.
func addDeclaredDays(_ b: inout HolidayBuilder, _ days: [(year: Int, month: Int, day: Int, name: String)]) {
    for day in days where day.year == b.year {
        b.add(day.name, day.month, day.day)
    }
}
