extension CountryDefinition {
    /// France: python-holidays' `France`, metropolitan France and the overseas departments and
    /// collectivities it lists (school zones are not public holidays and are left out).
    static let france = CountryDefinition(
        code: "FR",
        name: "France",
        subdivisions: [
            ("57", "Moselle"), ("6AE", "Alsace"), ("971", "Guadeloupe"), ("972", "Martinique"),
            ("973", "French Guiana"), ("974", "Réunion"), ("976", "Mayotte"), ("BL", "Saint Barthélemy"),
            ("MF", "Saint Martin"), ("NC", "New Caledonia"), ("PF", "French Polynesia"),
            ("PM", "Saint Pierre and Miquelon"), ("TF", "French Southern Territories"), ("WF", "Wallis and Futuna"),
        ],
        populate: { (b: inout HolidayBuilder, subdivision: String?) throws(HolidayError) in
            guard b.wants(.public) else { return }
            b.add("New Year's Day", 1, 1)
            b.add("Easter Monday", .western(1))
            if !(2005...2007).contains(b.year) { b.add("Pentecost Monday", .western(50)) }
            b.add("Labor Day", 5, 1)
            b.add("Victory Day", 5, 8)
            b.add("Ascension Day", .western(39))
            b.add("National Day", 7, 14)
            b.add("Assumption Day", 8, 15)
            b.add("All Saints' Day", 11, 1)
            b.add("Armistice Day", 11, 11)
            b.add("Christmas Day", 12, 25)
            guard let subdivision else { return }
            addSubdivisionHolidaysFR(&b, subdivision)
        }
    )
}

private func addSubdivisionHolidaysFR(_ b: inout HolidayBuilder, _ subdivision: String) {
    let abolition = "Abolition of Slavery"
    let schoelcher = "Victor Schoelcher Day"
    switch subdivision {
    case "57", "6AE":
        b.add("Good Friday", .western(-2))
        b.add("Saint Stephen's Day", 12, 26)
    case "971":
        b.add("Good Friday", .western(-2))
        b.add("Mi-Careme", .western(-24))
        b.add(abolition, 5, 27)
        b.add(schoelcher, 7, 21)
    case "972":
        b.add(abolition, 5, 22)
        b.add(schoelcher, 7, 21)
    case "973":
        b.add(abolition, 6, 10)
    case "974":
        b.add(abolition, 12, 20)
    case "976":
        b.add(abolition, 4, 27)
    case "BL":
        if b.year >= 2012 { b.add(abolition, 10, 9) }
    case "MF":
        if b.year >= 2012 {
            b.add(abolition, 5, 28)
            b.add(schoelcher, 7, 21)
        }
    case "NC":
        b.add(b.year >= 2004 ? "Citizenship Day" : "Annexation Day", 9, 24)
    case "PF":
        b.add("Good Friday", .western(-2))
        b.add("Missionary Day", 3, 5)
        if b.year <= 2024 { b.add("Internal Autonomy Day", 6, 29) } else { b.add("Matāri'i", 11, 20) }
    case "WF":
        b.add("Feast of Saint Peter Chanel", 4, 28)
        b.add("Saints Peter and Paul Day", 6, 29)
        b.add("Territory Day", 7, 29)
    default:
        break
    }
}
