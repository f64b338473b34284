extension CountryDefinition {
    /// Sweden: python-holidays' `Sweden` public holidays (Sundays, which python-holidays can add, are not).
    static let sweden = CountryDefinition(
        code: "SE",
        name: "Sweden",
        populate: { (b: inout HolidayBuilder, _: String?) throws(HolidayError) in
            guard b.wants(.public) else { return }
            b.add("New Year's Day", 1, 1)
            b.add("Epiphany", 1, 6)
            b.add("Good Friday", .western(-2))
            b.add("Easter Sunday", .western(0))
            b.add("Easter Monday", .western(1))
            b.add("May Day", 5, 1)
            b.add("Ascension Day", .western(39))
            if b.year >= 2005 { b.add("National Day", 6, 6) }
            b.add("Pentecost", .western(49))
            if b.year <= 2004 { b.add("Pentecost Monday", .western(50)) }
            b.add("Midsummer Day", .weekdayOnOrAfter(.saturday, month: 6, day: 20))
            b.add("All Saints' Day", .weekdayOnOrAfter(.saturday, month: 10, day: 31))
            b.add("Christmas Day", 12, 25)
            b.add("Second Day of Christmas", 12, 26)
        }
    )
}
