extension CountryDefinition {
    /// Poland: python-holidays' `Poland`. Its voivodeships differ only in school breaks, so each
    /// has the national public holidays.
    static let poland = CountryDefinition(
        code: "PL",
        name: "Poland",
        subdivisions: [
            ("02", "Lower Silesian"), ("04", "Kuyavian-Pomeranian"), ("06", "Lublin"), ("08", "Lubusz"),
            ("10", "Łódź"), ("12", "Lesser Poland"), ("14", "Masovian"), ("16", "Opole"), ("18", "Subcarpathian"),
            ("20", "Podlaskie"), ("22", "Pomeranian"), ("24", "Silesian"), ("26", "Holy Cross"),
            ("28", "Warmian-Masurian"), ("30", "Greater Poland"), ("32", "West Pomeranian"),
        ],
        populate: { (b: inout HolidayBuilder, _: String?) throws(HolidayError) in
            guard b.wants(.public) else { return }
            b.add("New Year's Day", 1, 1)
            if b.year >= 2011 { b.add("Epiphany", 1, 6) }
            b.add("Easter Sunday", .western(0))
            b.add("Easter Monday", .western(1))
            b.add("National Day", 5, 1)
            b.add("National Day of the Third of May", 5, 3)
            b.add("Pentecost", .western(49))
            b.add("Corpus Christi", .western(60))
            b.add("Assumption Day", 8, 15)
            b.add("All Saints' Day", 11, 1)
            b.add("National Independence Day", 11, 11)
            if b.year >= 2025 { b.add("Christmas Eve", 12, 24) }
            b.add("Christmas Day", 12, 25)
            b.add("Second Day of Christmas", 12, 26)
            if b.year == 2018 { b.add("National Independence Day - 100th anniversary", 11, 12) }
        }
    )
}
