extension CountryDefinition {
    /// Japan: python-holidays' `Japan`, with substitute holidays (a holiday on Sunday moves its
    /// day off to the next working day) and the national holiday between two holidays in September;
    /// `bank` adds the bank holidays of the new year.
    static let japan = CountryDefinition(
        code: "JP",
        name: "Japan",
        categories: [.bank],
        populate: { (b: inout HolidayBuilder, _: String?) throws(HolidayError) in
            if b.wants(.public) { addPublicHolidaysJP(&b) }
            if b.wants(.bank) {
                b.category = .bank
                for day in [(1, 1), (1, 2), (1, 3), (12, 31)] { b.add("Bank Holiday", day.0, day.1) }
            }
        }
    )
}

private func addPublicHolidaysJP(_ b: inout HolidayBuilder) {
    let y = b.year
    var dates: [LocalDate?] = []
    dates.append(b.add("New Year's Day", 1, 1))
    dates.append(b.add("Coming of Age Day", .nth(2, .monday, of: 1)))
    dates.append(b.add("Foundation Day", 2, 11))
    if y >= 2020 {
        dates.append(b.add("Emperor's Birthday", 2, 23))
    } else if y != 2019 {
        dates.append(b.add("Emperor's Birthday", 12, 23))
    }
    dates.append(b.add("Vernal Equinox Day", 3, vernalEquinoxDay(y)))
    if y >= 2007 { dates.append(b.add("Showa Day", 4, 29)) }
    dates.append(b.add("Constitution Day", 5, 3))
    dates.append(y >= 2007 ? b.add("Greenery Day", 5, 4) : b.add("Greenery Day", 4, 29))
    dates.append(b.add("Children's Day", 5, 5))
    switch y {
    case ...2002: dates.append(b.add("Marine Day", 7, 20))
    case 2020: dates.append(b.add("Marine Day", 7, 23))
    case 2021: dates.append(b.add("Marine Day", 7, 22))
    default: dates.append(b.add("Marine Day", .nth(3, .monday, of: 7)))
    }
    if y >= 2016 {
        let day = [2020: 10, 2021: 8][y] ?? 11
        dates.append(b.add("Mountain Day", 8, day))
    }
    dates.append(
        y >= 2003
            ? b.add("Respect for the Aged Day", .nth(3, .monday, of: 9)) : b.add("Respect for the Aged Day", 9, 15)
    )
    dates.append(b.add("Autumnal Equinox Day", 9, autumnalEquinoxDay(y)))
    let sports = y >= 2020 ? "Sports Day" : "Physical Education Day"
    switch y {
    case 2020: dates.append(b.add(sports, 7, 24))
    case 2021: dates.append(b.add(sports, 7, 23))
    default: dates.append(b.add(sports, .nth(2, .monday, of: 10)))
    }
    dates.append(b.add("Culture Day", 11, 3))
    dates.append(b.add("Labor Thanksgiving Day", 11, 23))

    // Substitute holidays: a holiday on Sunday gives the next working day off.
    let holidays = Set(dates.compactMap { $0 })
    let sundayRule = ObservedRule([.sunday: .nextWorkday])
    for date in holidays.sorted() {
        b.addObserved(
            date,
            name: "Substitute Holiday",
            rule: sundayRule,
            showLabel: false,
            observes: b.names(on: date).first
        )
    }
    if y <= 2006 {
        if let may4 = b.date(5, 4), may4.weekday != .monday, may4.weekday != .sunday {
            b.add("National Holiday", on: may4)
        }
    } else if let sandwiched = holidays.sorted().first(where: { $0.month == 9 && holidays.contains($0.adding(days: 2)) }
    ) {
        b.add("National Holiday", on: sandwiched.adding(days: 1))
    }
    if y == 2019 {
        b.add("Emperor's Enthronement Day", 5, 1)
        b.add("Emperor's Enthronement Day", 10, 22)
        b.add("National Holiday", 4, 30)
        b.add("National Holiday", 5, 2)
    }
}

/// The day of March of the vernal equinox holiday, as python-holidays computes it (good to 2099).
private func vernalEquinoxDay(_ year: Int) -> Int {
    if (year % 4 == 0 && year <= 1956) || (year % 4 == 1 && year <= 1989) || (year % 4 == 2 && year <= 2022)
        || (year % 4 == 3 && year <= 2055)
    {
        return 21
    }
    return year % 4 == 0 && year >= 2092 ? 19 : 20
}

/// The day of September of the autumnal equinox holiday, as python-holidays computes it.
private func autumnalEquinoxDay(_ year: Int) -> Int {
    if year % 4 == 3 && year <= 1979 { return 24 }
    if (year % 4 == 0 && year >= 2012) || (year % 4 == 1 && year >= 2045) || (year % 4 == 2 && year >= 2078) {
        return 22
    }
    return 23
}
