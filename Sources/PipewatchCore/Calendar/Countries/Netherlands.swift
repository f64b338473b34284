extension CountryDefinition {
    /// Netherlands: python-holidays' `Netherlands`; `optional` adds Liberation Day every year
    /// (it is public only in lustrum years). Its school regions are not public holidays.
    static let netherlands = CountryDefinition(
        code: "NL",
        name: "Netherlands",
        categories: [.optional],
        populate: { (b: inout HolidayBuilder, _: String?) throws(HolidayError) in
            b.observedLabel = "%s"
            if b.wants(.public) {
                b.add("New Year's Day", 1, 1)
                b.add("Good Friday", .western(-2))
                b.add("Easter Sunday", .western(0))
                b.add("Easter Monday", .western(1))
                let royal = b.year >= 2014 ? b.add("King's Day", 4, 27) : b.add("Queen's Day", 4, 30)
                b.move(royal, rule: ObservedRule([.sunday: .days(-1)]))
                if b.year % 5 == 0 { b.add("Liberation Day", 5, 5) }
                b.add("Ascension Day", .western(39))
                b.add("Pentecost", .western(49))
                b.add("Pentecost Monday", .western(50))
                b.add("Christmas Day", 12, 25)
                b.add("Second Day of Christmas", 12, 26)
            }
            if b.wants(.optional) {
                b.category = .optional
                b.add("Liberation Day", 5, 5)
            }
        }
    )
}
