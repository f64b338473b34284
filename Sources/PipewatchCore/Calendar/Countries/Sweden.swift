extension CountryDefinition {
    /// Sweden: python-holidays' `Sweden` (Sundays, which python-holidays can add, are not holidays
    /// here); `de_facto` adds the eves most people have off, `bank` and `optional` the half days.
    static let sweden = CountryDefinition(
        code: "SE",
        name: "Sweden",
        categories: [.bank, "de_facto", .optional],
        populate: { (b: inout HolidayBuilder, _: String?) throws(HolidayError) in
            addPublicHolidaysSE(&b)
            if b.wants(.bank) {
                b.category = .bank
                addCommonHalfDaysSE(&b)
                addDeFactoSE(&b)
                for (name, rule) in [
                    ("Day before Ascension Day", HolidayRule.western(38)),
                    ("Day before Midsummer Eve", .weekdayOnOrAfter(.thursday, month: 6, day: 18)),
                    ("Day before Pentecost Eve", .western(47)),
                    ("Day before Christmas Eve", .fixed(month: 12, day: 23)),
                    ("Day before New Year's Eve", .fixed(month: 12, day: 30)),
                ] {
                    b.add("\(name) (from 2pm)", rule)
                }
            }
            if b.wants("de_facto") {
                b.category = "de_facto"
                addDeFactoSE(&b)
            }
            if b.wants(.optional) {
                b.category = .optional
                addCommonHalfDaysSE(&b)
                b.add("Holy Saturday", .western(-1))
                b.add("Squeeze day", .western(40))
                b.add("Pentecost Eve", .western(48))
            }
        }
    )
}

private func addPublicHolidaysSE(_ b: inout HolidayBuilder) {
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

private func addCommonHalfDaysSE(_ b: inout HolidayBuilder) {
    b.add("Twelfth Night (from 2pm)", 1, 5)
    b.add("Maundy Thursday (from 2pm)", .western(-3))
    b.add("Walpurgis Night (from 2pm)", 4, 30)
    b.add("All Saints' Eve (from 2pm)", .weekdayOnOrAfter(.friday, month: 10, day: 30))
}

private func addDeFactoSE(_ b: inout HolidayBuilder) {
    b.add("Midsummer Eve", .weekdayOnOrAfter(.friday, month: 6, day: 19))
    b.add("Christmas Eve", 12, 24)
    b.add("New Year's Eve", 12, 31)
}
