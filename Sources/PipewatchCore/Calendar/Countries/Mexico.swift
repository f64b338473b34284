extension CountryDefinition {
    /// Mexico: python-holidays' `Mexico` (federal public holidays).
    static let mexico = CountryDefinition(
        code: "MX",
        name: "Mexico",
        populate: { (b: inout HolidayBuilder, _: String?) throws(HolidayError) in
            guard b.wants(.public) else { return }
            let y = b.year
            b.add("New Year's Day", 1, 1)
            if y >= 2006 { b.add("Constitution Day", .nth(1, .monday, of: 2)) } else { b.add("Constitution Day", 2, 5) }
            if y >= 2007 {
                b.add("Benito Juárez's birthday", .nth(3, .monday, of: 3))
            } else {
                b.add("Benito Juárez's birthday", 3, 21)
            }
            b.add("Labor Day", 5, 1)
            b.add("Independence Day", 9, 16)
            if y >= 2006 { b.add("Revolution Day", .nth(3, .monday, of: 11)) } else { b.add("Revolution Day", 11, 20) }
            if (y - 1970) % 6 == 0 {
                if y >= 2024 {
                    b.add("Change of Federal Government", 10, 1)
                } else {
                    b.add("Change of Federal Government", 12, 1)
                }
            }
            b.add("Christmas Day", 12, 25)
        }
    )
}
