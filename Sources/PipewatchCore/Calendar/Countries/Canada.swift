extension CountryDefinition {
    /// Canada: python-holidays' `Canada`, every province and territory; `government` adds the
    /// holidays of federally regulated workplaces, `optional` those most employers give that are
    /// not statutory in the province.
    static let canada = CountryDefinition(
        code: "CA",
        name: "Canada",
        subdivisions: [
            ("AB", "Alberta"), ("BC", "British Columbia"), ("MB", "Manitoba"), ("NB", "New Brunswick"),
            ("NL", "Newfoundland and Labrador"), ("NS", "Nova Scotia"), ("NT", "Northwest Territories"),
            ("NU", "Nunavut"), ("ON", "Ontario"), ("PE", "Prince Edward Island"), ("QC", "Quebec"),
            ("SK", "Saskatchewan"), ("YT", "Yukon"),
        ],
        categories: [.government, .optional],
        populate: { (b: inout HolidayBuilder, subdivision: String?) throws(HolidayError) in
            b.observedLabel = "%s (observed)"
            b.observedRule = .satSunToNextMon
            if b.wants(.public) {
                b.addObserved(b.add("New Year's Day", 1, 1))
                b.add("Good Friday", .western(-2))
                b.add("Canada Day", 7, 1)
                b.add("Labour Day", .nth(1, .monday, of: 9))
                b.addObserved(b.add("Christmas Day", 12, 25))
            }
            if b.wants(.government) {
                b.category = .government
                b.addObserved(b.add("New Year's Day", 1, 1))
                b.add("Good Friday", .western(-2))
                let canadaDay = b.add("Canada Day", 7, 1)
                b.add("Labour Day", .nth(1, .monday, of: 9))
                let christmas = b.add("Christmas Day", 12, 25)
                b.add(victoriaDay.0, victoriaDay.1)
                b.addObserved(canadaDay)
                if b.year >= 2021 { b.addObserved(b.add(truthAndReconciliation, 9, 30)) }
                b.add(thanksgiving.0, thanksgiving.1)
                b.addObserved(b.add("Remembrance Day", 11, 11))
                b.addObserved(christmas, rule: .satSunToNextMonTue)
                b.addObserved(b.add("Boxing Day", 12, 26), rule: .satSunToNextMonTue)
            }
            if b.wants(.optional) {
                b.category = .optional
                b.addObserved(b.add("Christmas Day", 12, 25), rule: .satSunToNextMonTue)
                if subdivision != "QC" { b.addObserved(b.add("Boxing Day", 12, 26), rule: .satSunToNextMonTue) }
            }
            guard let subdivision else { return }
            if b.wants(.public) {
                b.category = .public
                addProvincePublicCA(&b, subdivision)
            }
            if b.wants(.optional) {
                b.category = .optional
                addProvinceOptionalCA(&b, subdivision)
            }
        }
    )
}

private let victoriaDay = ("Victoria Day", HolidayRule.weekdayOnOrBefore(.monday, month: 5, day: 24))
private let thanksgiving = ("Thanksgiving Day", HolidayRule.nth(2, .monday, of: 10))
private let truthAndReconciliation = "National Day for Truth and Reconciliation"

private func addProvincePublicCA(_ b: inout HolidayBuilder, _ subdivision: String) {
    let y = b.year
    let canadaDay = b.date(7, 1)
    func add(_ holiday: (String, HolidayRule), _ b: inout HolidayBuilder) { b.add(holiday.0, holiday.1) }
    switch subdivision {
    case "AB":
        b.add("Family Day", .nth(3, .monday, of: 2))
        add(victoriaDay, &b)
        b.addObserved(canadaDay, rule: .sunToNextMon)
        add(thanksgiving, &b)
        b.addObserved(b.add("Remembrance Day", 11, 11))
    case "BC":
        if y >= 2013 { b.add("Family Day", .nth(y >= 2019 ? 3 : 2, .monday, of: 2)) }
        add(victoriaDay, &b)
        b.addObserved(canadaDay, rule: .sunToNextMon)
        b.add("British Columbia Day", .nth(1, .monday, of: 8))
        if y >= 2023 { b.addObserved(b.add(truthAndReconciliation, 9, 30)) }
        add(thanksgiving, &b)
        b.add("Remembrance Day", 11, 11)
    case "MB":
        if y >= 2008 { b.add("Louis Riel Day", .nth(3, .monday, of: 2)) }
        add(victoriaDay, &b)
        if y >= 2024 { b.addObserved(b.add(truthAndReconciliation, 9, 30)) }
        add(thanksgiving, &b)
    case "NB":
        if y >= 2018 { b.add("Family Day", .nth(3, .monday, of: 2)) }
        b.add("New Brunswick Day", .nth(1, .monday, of: 8))
        b.add("Remembrance Day", 11, 11)
    case "NL":
        b.add("Memorial Day", 7, 1)
        b.addObserved(canadaDay)
        b.addObserved(b.add("Remembrance Day", 11, 11))
    case "NS":
        if y >= 2015 { b.add("Heritage Day", .nth(3, .monday, of: 2)) }
        b.addObserved(b.add("Remembrance Day", 11, 11))
    case "NT", "NU":
        add(victoriaDay, &b)
        if subdivision == "NT" && y >= 2001 { b.add("National Aboriginal Day", 6, 21) }
        if subdivision == "NU" && y >= 2020 { b.add("Nunavut Day", 7, 9) }
        b.add("Civic Holiday", .nth(1, .monday, of: 8))
        if y >= 2022 { b.add(truthAndReconciliation, 9, 30) }
        add(thanksgiving, &b)
        b.add("Remembrance Day", 11, 11)
    case "ON":
        if y >= 2008 { b.add("Family Day", .nth(3, .monday, of: 2)) }
        add(victoriaDay, &b)
        add(thanksgiving, &b)
        b.addObserved(b.add("Boxing Day", 12, 26), rule: .satSunToNextMonTue)
    case "PE":
        if y >= 2009 { b.add("Islander Day", .nth(y >= 2010 ? 3 : 2, .monday, of: 2)) }
        b.addObserved(canadaDay)
        if y >= 2022 { b.add(truthAndReconciliation, 9, 30) }
        b.addObserved(b.add("Remembrance Day", 11, 11))
    case "QC":
        if y >= 2003 { b.add("National Patriots' Day", .weekdayOnOrBefore(.monday, month: 5, day: 24)) }
        b.addObserved(b.add("Saint Jean Baptiste Day", 6, 24), rule: .sunToNextMon)
        b.addObserved(canadaDay, rule: .sunToNextMon)
        add(thanksgiving, &b)
    case "SK":
        if y >= 2007 { b.add("Family Day", .nth(3, .monday, of: 2)) }
        add(victoriaDay, &b)
        b.addObserved(canadaDay)
        b.add("Saskatchewan Day", .nth(1, .monday, of: 8))
        add(thanksgiving, &b)
        b.addObserved(b.add("Remembrance Day", 11, 11))
    case "YT":
        add(victoriaDay, &b)
        if y >= 2017 { b.add("National Aboriginal Day", 6, 21) }
        b.addObserved(canadaDay)
        b.add("Discovery Day", .nth(3, .monday, of: 8))
        if y >= 2023 { b.add(truthAndReconciliation, 9, 30) }
        add(thanksgiving, &b)
        b.addObserved(b.add("Remembrance Day", 11, 11))
    default:
        break
    }
    if y == 2022 && ["BC", "NB", "NL", "NS", "PE", "YT"].contains(subdivision) {
        b.add("Funeral of Her Majesty the Queen Elizabeth II", 9, 19)
    }
}

private func addProvinceOptionalCA(_ b: inout HolidayBuilder, _ subdivision: String) {
    let y = b.year
    switch subdivision {
    case "AB":
        b.add("Easter Monday", .western(1))
        b.add("Heritage Day", .nth(1, .monday, of: 8))
        if y >= 2021 { b.add(truthAndReconciliation, 9, 30) }
        b.add("Boxing Day", 12, 26)
    case "MB":
        b.add(y >= 2015 ? "Terry Fox Day" : "Civic Holiday", .nth(1, .monday, of: 8))
        b.add("Remembrance Day", 11, 11)
    case "NB":
        b.add(victoriaDay.0, victoriaDay.1)
        b.add(thanksgiving.0, thanksgiving.1)
        b.add("Boxing Day", 12, 26)
    case "NL":
        b.move(b.add("Saint Patrick's Day", 3, 17), rule: .allToNearestMon, force: true, showLabel: false)
        if y == 2010 {
            b.add("Saint George's Day", 4, 19)
        } else if let april23 = b.date(4, 23) {
            b.add("Saint George's Day", on: b.observedDate(of: april23, rule: .allToNearestMon))
        }
        b.move(b.add("Discovery Day", 6, 24), rule: .allToNearestMon, force: true, showLabel: false)
        b.move(b.add("Orangemen's Day", 7, 12), rule: .allToNearestMon, force: true, showLabel: false)
        b.add(thanksgiving.0, thanksgiving.1)
        b.add("Boxing Day", 12, 26)
    case "NS":
        b.add("Natal Day", .nth(1, .monday, of: 8))
    case "NU":
        if y <= 2019 {
            if y == 2000 { b.add("Nunavut Day", 4, 1) } else { b.add("Nunavut Day", 7, 9) }
        }
    case "ON":
        b.add("Easter Monday", .western(1))
        b.add("Civic Holiday", .nth(1, .monday, of: 8))
        b.addObserved(b.add("Remembrance Day", 11, 11))
    case "QC":
        b.add("Easter Monday", .western(1))
    case "YT":
        b.add("Heritage Day", .shifted(.nthWeekday(-1, .sunday, month: 2), days: -2))
    default:
        break
    }
}
