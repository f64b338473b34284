extension CountryDefinition {
    /// Israel: python-holidays' `Israel`, all from the Hebrew calendar (a table). Independence Day
    /// moves off Friday, Saturday (and, since 2004, Monday) and is then named observed; `optional`
    /// adds the intermediate days of Sukkot and Pesach, Purim, Remembrance Day, Jerusalem Day,
    /// Sigd and Tisha B'Av.
    static let israel = CountryDefinition(
        code: "IL",
        name: "Israel",
        categories: [.optional],
        populate: { (b: inout HolidayBuilder, _: String?) throws(HolidayError) in
            b.observedLabel = "%s (observed)"
            b.weekend = [.friday, .saturday]
            if b.wants(.public) { try addPublicHolidaysIL(&b) }
            if b.wants(.optional) {
                b.category = .optional
                try addOptionalHolidaysIL(&b)
            }
        }
    )
}

/// Adds `entry` moved by `rule` and named observed, or on its own date when the rule keeps it
/// (python-holidays' Israeli `_add_observed`).
private func addMovingIL(_ b: inout HolidayBuilder, _ entries: [HolidayTable.Entry], rule: ObservedRule) {
    for entry in entries {
        let moved = b.addObserved(entry.date, name: entry.name, rule: rule)
        if !moved.added { b.add(entry.name, on: entry.date) }
    }
}

private func addOptionalHolidaysIL(_ b: inout HolidayBuilder) throws(HolidayError) {
    let table = HolidayTable.israel
    try b.add("Sukkot holiday", from: table)
    if b.year >= 2008 { try b.add("Sigd", from: table) }
    try b.add("Purim", from: table)
    try b.add("Pesach holiday", from: table)
    var remembrance = ObservedRule([.thursday: .days(-1), .friday: .days(-2)])
    if b.year >= 2004 { remembrance = remembrance + ObservedRule([.sunday: .days(1)]) }
    addMovingIL(&b, table.entries(for: "Remembrance Day", year: b.year), rule: remembrance)
    try b.add("Jerusalem Day", from: table)
    addMovingIL(&b, table.entries(for: "Tisha B'Av", year: b.year), rule: ObservedRule([.saturday: .days(1)]))
}

private func addPublicHolidaysIL(_ b: inout HolidayBuilder) throws(HolidayError) {
    let table = HolidayTable.israel
    for name in [
        "Rosh Hashanah", "Yom Kippur", "Sukkot", "Simchat Torah / Shemini Atzeret", "Pesach",
        "Seventh day of Pesach",
    ] {
        try b.add(name, from: table)
    }
    var rule = ObservedRule([.friday: .days(-1), .saturday: .days(-2)])
    if b.year >= 2004 { rule = rule + .monToNextTue }
    addMovingIL(&b, table.entries(for: "Independence Day", year: b.year), rule: rule)
    try b.add("Shavuot", from: table)
}
