extension CountryDefinition {
    /// Ireland: python-holidays' `Ireland`; `optional` adds Good Friday (banks and many
    /// employers close, but it is not a public holiday).
    static let ireland = CountryDefinition(
        code: "IE",
        name: "Ireland",
        categories: [.optional],
        populate: { (b: inout HolidayBuilder, _: String?) throws(HolidayError) in
            if b.wants(.public) {
                b.add("New Year's Day", 1, 1)
                if b.year >= 2023 {
                    if b.date(2, 1)?.weekday == .friday {
                        b.add("Saint Brigid's Day", 2, 1)
                    } else {
                        b.add("Saint Brigid's Day", .weekdayOnOrAfter(.monday, month: 2, day: 1))
                    }
                }
                b.add("Saint Patrick's Day", 3, 17)
                b.add("Easter Monday", .western(1))
                b.add("May Bank Holiday", .nthWeekday(1, .monday, month: 5))
                b.add("June Bank Holiday", .nthWeekday(1, .monday, month: 6))
                b.add("August Bank Holiday", .nthWeekday(1, .monday, month: 8))
                b.add("October Bank Holiday", .nthWeekday(-1, .monday, month: 10))
                b.add("Christmas Day", 12, 25)
                b.add("Saint Stephen's Day", 12, 26)
                switch b.year {
                case 2011: b.add("National Day of Mourning", 9, 14)
                case 2022: b.add("Day of Remembrance and Recognition", 3, 18)
                default: break
                }
            }
            if b.wants(.optional) {
                b.category = .optional
                b.add("Good Friday", .western(-2))
            }
        }
    )
}
