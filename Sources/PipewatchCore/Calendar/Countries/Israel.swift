extension CountryDefinition {
    /// Israel: python-holidays' `Israel` public holidays, all from the Hebrew calendar (a table).
    /// Independence Day moves off Friday, Saturday (and, since 2004, Monday) and is then named observed.
    static let israel = CountryDefinition(
        code: "IL",
        name: "Israel",
        populate: { (b: inout HolidayBuilder, _: String?) throws(HolidayError) in
            guard b.wants(.public) else { return }
            b.observedLabel = "%s (observed)"
            b.weekend = [.friday, .saturday]
            let table = HolidayTable.israel
            for name in [
                "Rosh Hashanah", "Yom Kippur", "Sukkot", "Simchat Torah / Shemini Atzeret", "Pesach",
                "Seventh day of Pesach",
            ] {
                try b.add(name, from: table)
            }
            guard table.coverage.contains(b.year) else { return }
            var rule = ObservedRule([.friday: .days(-1), .saturday: .days(-2)])
            if b.year >= 2004 { rule = rule + .monToNextTue }
            for entry in table.entries(for: "Independence Day", year: b.year) {
                let moved = b.addObserved(entry.date, name: entry.name, rule: rule)
                if !moved.added { b.add(entry.name, on: entry.date) }
            }
            try b.add("Shavuot", from: table)
        }
    )
}
