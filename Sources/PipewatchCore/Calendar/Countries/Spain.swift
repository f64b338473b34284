extension CountryDefinition {
    /// Spain: python-holidays' `Spain` (from 2008, where its rules start), nationally and for every autonomous community and city.
    /// A national holiday on Sunday is dropped nationally; a community that keeps it moves it to
    /// the Monday ("Monday following …"). Ceuta's and Melilla's Eid dates come from a table.
    static let spain = CountryDefinition(
        code: "ES",
        name: "Spain",
        subdivisions: [
            ("AN", "Andalusia"), ("AR", "Aragon"), ("AS", "Asturias"), ("CB", "Cantabria"), ("CE", "Ceuta"),
            ("CL", "Castile and León"), ("CM", "Castilla-La Mancha"), ("CN", "Canary Islands"), ("CT", "Catalonia"),
            ("EX", "Extremadura"), ("GA", "Galicia"), ("IB", "Balearic Islands"), ("MC", "Murcia"), ("MD", "Madrid"),
            ("ML", "Melilla"), ("NC", "Navarre"), ("PV", "Basque Country"), ("RI", "La Rioja"),
            ("VC", "Valencian Community"),
        ],
        firstYear: 2008,
        populate: { (b: inout HolidayBuilder, subdivision: String?) throws(HolidayError) in
            guard b.wants(.public) else { return }
            b.observedRule = .sunToNextMon
            b.observedLabel = "Monday following %s"
            b.observedEstimatedLabel = "Monday following %s (estimated)"
            let dropSunday = ObservedRule([.sunday: .none])
            for (name, month, day) in nationalES {
                b.addObserved(b.add(name, month, day), rule: dropSunday)
            }
            b.add("Good Friday", .western(-2))
            guard let subdivision else { return }
            try addCommunityHolidaysES(&b, subdivision)
        }
    )
}

/// The national fixed-date holidays (Good Friday aside), in python-holidays' order.
let nationalES: [(String, Int, Int)] = [
    ("New Year's Day", 1, 1), ("Epiphany", 1, 6), ("Labor Day", 5, 1), ("Assumption Day", 8, 15),
    ("National Day", 10, 12), ("All Saints' Day", 11, 1), ("Constitution Day", 12, 6),
    ("Immaculate Conception", 12, 8), ("Christmas Day", 12, 25),
]

extension HolidayBuilder {
    /// Adds a holiday and moves it to Monday when it falls on Sunday (Spain's `_move_holiday`).
    mutating func addMovingSunday(_ name: String, _ month: Int, _ day: Int) {
        move(add(name, month, day))
    }

    /// Adds a holiday that is dropped when it falls on Sunday.
    mutating func addDroppingSunday(_ name: String, _ month: Int, _ day: Int) {
        addObserved(add(name, month, day), rule: ObservedRule([.sunday: .none]))
    }

    /// Moves the named national holidays to Monday when they fall on Sunday.
    mutating func addNationalMovingSunday(_ names: Set<String>) {
        for (name, month, day) in nationalES where names.contains(name) { addMovingSunday(name, month, day) }
    }

    /// Whether `month`-`day` of this year is a Sunday.
    func isSunday(_ month: Int, _ day: Int) -> Bool { date(month, day)?.weekday == .sunday }
}
