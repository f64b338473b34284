extension CountryDefinition {
    /// Germany: python-holidays' `Germany`, every Land; `catholic` adds Assumption (BY) and
    /// Corpus Christi (SN, TH) observed in mostly Catholic municipalities.
    static let germany = CountryDefinition(
        code: "DE",
        name: "Germany",
        subdivisions: [
            ("BB", "Brandenburg"), ("BE", "Berlin"), ("BW", "Baden-Württemberg"), ("BY", "Bavaria"),
            ("HB", "Bremen"), ("HE", "Hesse"), ("HH", "Hamburg"), ("MV", "Mecklenburg-Western Pomerania"),
            ("NI", "Lower Saxony"), ("NW", "North Rhine-Westphalia"), ("RP", "Rhineland-Palatinate"),
            ("SH", "Schleswig-Holstein"), ("SL", "Saarland"), ("SN", "Saxony"), ("ST", "Saxony-Anhalt"),
            ("TH", "Thuringia"),
        ],
        categories: [.catholic],
        populate: { (b: inout HolidayBuilder, subdivision: String?) throws(HolidayError) in
            if b.wants(.public) {
                b.add("New Year's Day", 1, 1)
                b.add("Good Friday", .western(-2))
                b.add("Easter Monday", .western(1))
                b.add("Labor Day", 5, 1)
                b.add("Ascension Day", .western(39))
                b.add("Pentecost Monday", .western(50))
                b.add("German Unity Day", 10, 3)
                b.add("Christmas Day", 12, 25)
                b.add("Second Day of Christmas", 12, 26)
                if b.year == 2017 { b.add("Reformation Day", 10, 31) }
                if let subdivision { addLandHolidaysDE(&b, subdivision) }
            }
            if b.wants(.catholic) {
                b.category = .catholic
                switch subdivision {
                case "BY": b.add("Assumption Day", 8, 15)
                case "SN", "TH": b.add("Corpus Christi", .western(60))
                default: break
                }
            }
        }
    )
}

private func addLandHolidaysDE(_ b: inout HolidayBuilder, _ subdivision: String) {
    let epiphany = ("Epiphany", HolidayRule.fixed(month: 1, day: 6))
    let corpusChristi = ("Corpus Christi", HolidayRule.western(60))
    let allSaints = ("All Saints' Day", HolidayRule.fixed(month: 11, day: 1))
    let reformation = ("Reformation Day", HolidayRule.fixed(month: 10, day: 31))
    let assumption = ("Assumption Day", HolidayRule.fixed(month: 8, day: 15))
    let womensDay = ("Women's Day", HolidayRule.fixed(month: 3, day: 8))
    let repentance = ("Repentance and Prayer Day", HolidayRule.weekdayOnOrBefore(.wednesday, month: 11, day: 22))
    var rules: [(String, HolidayRule)] = []
    switch subdivision {
    case "BB":
        rules = [("Easter Sunday", .western(0)), ("Pentecost", .western(49)), reformation]
    case "BE":
        if b.year >= 2019 { rules = [womensDay] }
    case "BW", "BY":
        rules = [epiphany, corpusChristi, allSaints]
    case "HB", "HH", "NI", "SH":
        if b.year >= 2018 { rules = [reformation] }
    case "HE":
        rules = [corpusChristi]
    case "MV":
        rules = (b.year >= 2023 ? [womensDay] : []) + [reformation]
    case "NW", "RP":
        rules = [corpusChristi, allSaints]
    case "SL":
        rules = [corpusChristi, assumption, allSaints]
    case "SN":
        rules = [reformation, repentance]
    case "ST":
        rules = [epiphany, reformation]
    case "TH":
        rules = (b.year >= 2019 ? [("World Children's Day", HolidayRule.fixed(month: 9, day: 20))] : []) + [reformation]
    default:
        break
    }
    for (name, rule) in rules { b.add(name, rule) }
    if subdivision == "BE" {
        switch b.year {
        case 2020:
            b.add("75th anniversary of the liberation from Nazism and the end of the Second World War in Europe", 5, 8)
        case 2025:
            b.add("80th anniversary of the liberation from Nazism and the end of the Second World War in Europe", 5, 8)
        case 2028:
            b.add("75th anniversary of the East German uprising of 1953", 6, 17)
        default:
            break
        }
    }
}
