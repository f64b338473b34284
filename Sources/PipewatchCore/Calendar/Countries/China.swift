extension CountryDefinition {
    /// China: python-holidays' `China` public holidays. Lunar-calendar festivals and Tomb-Sweeping
    /// Day come from a table; a holiday on a weekend gives the next working day off; and the days
    /// off the State Council declares each year (bridging holidays to weekends) come from a second
    /// table; a year not declared yet is planned with the law-fixed days and marked provisional. `half_day`
    /// adds the half days off some groups have (Women's Day, Youth Day, Children's Day, Army Day).
    static let china = CountryDefinition(
        code: "CN",
        name: "China",
        categories: [.halfDay],
        populate: { (b: inout HolidayBuilder, _: String?) throws(HolidayError) in
            if b.wants(.public) { try addPublicHolidaysCN(&b) }
            // After the public holidays: python-holidays gives observed days before these exist.
            if b.wants(.halfDay) {
                b.category = .halfDay
                b.add("International Women's Day", 3, 8)
                b.add("Youth Day", 5, 4)
                b.add("Children's Day", 6, 1)
                b.add("Army Day", 8, 1)
            }
        }
    )
}

private func addPublicHolidaysCN(_ b: inout HolidayBuilder) throws(HolidayError) {
    let y = b.year
    let table = HolidayTable.china
    b.observedLabel = "%s (observed)"
    b.observedRule = .satSunToNextWorkday
    var dates: [LocalDate?] = [b.add("New Year's Day", 1, 1)]
    // The table holds the days python-holidays gives: the first three days of the new year,
    // or (2008–2013) the eve and the first two, or (from 2025) the eve and the first three.
    dates += try b.add("Chinese New Year (Spring Festival)", from: table)
    dates += try b.add("Chinese New Year's Eve", from: table)
    dates.append(b.add("Labor Day", 5, 1))
    if y <= 2007 {
        dates += [b.add("Labor Day", 5, 2), b.add("Labor Day", 5, 3)]
    } else if y >= 2025 {
        dates.append(b.add("Labor Day", 5, 2))
    }
    dates += [b.add("National Day", 10, 1), b.add("National Day", 10, 2), b.add("National Day", 10, 3)]
    if y >= 2008 {
        dates += try b.add("Tomb-Sweeping Day", from: table)
        let dragonBoat = try b.add("Dragon Boat Festival", from: table)
        if y != 2012 { dates += dragonBoat }
        let midAutumn = try b.add("Mid-Autumn Festival", from: table)
        if y != 2015 { dates += midAutumn }
    }
    for date in Set(dates.compactMap { $0 }).sorted() {
        for name in b.names(on: date) { b.addObserved(date, name: name) }
    }
    try b.addDeclared("Declared days off", from: .chinaDeclared)
    let declaredObserved: [Int: [(Int, Int, String)]] = [
        2012: [(6, 22, "Dragon Boat Festival")], 2015: [(10, 6, "Mid-Autumn Festival")],
        2020: [(1, 30, "Chinese New Year (Spring Festival)"), (10, 6, "Mid-Autumn Festival")],
    ]
    for day in declaredObserved[y] ?? [] {
        b.add("\(day.2) (observed)", on: b.date(day.0, day.1), isObserved: true)
    }
}
