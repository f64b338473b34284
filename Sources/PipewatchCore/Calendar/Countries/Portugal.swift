extension CountryDefinition {
    /// Portugal: python-holidays' `Portugal`, its districts and autonomous regions; `optional`
    /// adds the days most employers give (Carnival, Christmas Eve, 26 December, New Year's Eve,
    /// Lisbon's Saint Anthony).
    static let portugal = CountryDefinition(
        code: "PT",
        name: "Portugal",
        subdivisions: [
            ("01", "Aveiro"), ("02", "Beja"), ("03", "Braga"), ("04", "Bragança"), ("05", "Castelo Branco"),
            ("06", "Coimbra"), ("07", "Évora"), ("08", "Faro"), ("09", "Guarda"), ("10", "Leiria"), ("11", "Lisbon"),
            ("12", "Portalegre"), ("13", "Porto"), ("14", "Santarém"), ("15", "Setúbal"), ("16", "Viana do Castelo"),
            ("17", "Vila Real"), ("18", "Viseu"), ("20", "Azores"), ("30", "Madeira"),
        ],
        categories: [.optional],
        populate: { (b: inout HolidayBuilder, subdivision: String?) throws(HolidayError) in
            let y = b.year
            if b.wants(.public) {
                b.add("New Year's Day", 1, 1)
                b.add("Good Friday", .western(-2))
                b.add("Easter Sunday", .western(0))
                if y <= 2012 || y >= 2016 {
                    b.add("Corpus Christi", .western(60))
                    b.add("Republic Day", 10, 5)
                    b.add("All Saints' Day", 11, 1)
                    b.add("Restoration of Independence Day", 12, 1)
                }
                b.add("Freedom Day", 4, 25)
                b.add("Labor Day", 5, 1)
                b.add("Day of Portugal, Camões, and the Portuguese Communities", 6, 10)
                b.add("Assumption Day", 8, 15)
                b.add("Immaculate Conception", 12, 8)
                b.add("Christmas Day", 12, 25)
            }
            if b.wants(.optional) {
                b.category = .optional
                b.add("Carnival", .western(-47))
                b.add("Saint Anthony's Day", 6, 13)
                b.add("Christmas Eve", 12, 24)
                b.add("Second Day of Christmas", 12, 26)
                b.add("New Year's Eve", 12, 31)
            }
            guard let subdivision, b.wants(.public) else { return }
            b.category = .public
            addDistrictHolidayPT(&b, subdivision)
        }
    )
}

private func addDistrictHolidayPT(_ b: inout HolidayBuilder, _ subdivision: String) {
    let fixed: [String: (String, Int, Int)] = [
        "01": ("Saint Joanna's Day", 5, 12), "03": ("Saint John's Day", 6, 24),
        "04": ("Feast of Our Lady of Graces", 8, 22), "06": ("Saint Elizabeth's Day", 7, 4),
        "07": ("Saint Peter's Day", 6, 29), "08": ("Municipal Holiday of Faro", 9, 7),
        "09": ("Municipal Holiday of Guarda", 11, 27), "10": ("Municipal Holiday of Leiria", 5, 22),
        "11": ("Saint Anthony's Day", 6, 13), "12": ("Municipal Holiday of Portalegre", 5, 23),
        "13": ("Saint John's Day", 6, 24), "14": ("Saint Joseph's Day", 3, 19), "15": ("Bocage Day", 9, 15),
        "16": ("Feast of Our Lady of Sorrows", 8, 20), "17": ("Saint Anthony's Day", 6, 13),
        "18": ("Saint Matthew's Day", 9, 21),
    ]
    if let day = fixed[subdivision] {
        b.add(day.0, day.1, day.2)
        return
    }
    switch subdivision {
    case "02": b.add("Ascension Day", .western(39))
    case "05": b.add("Feast of Our Lady of Mércoles", .western(16))
    case "20": b.add("Day of the Autonomous Region of the Azores", .western(50))
    case "30":
        b.add("Day of the Autonomous Region of Madeira and the Madeiran Communities", 7, 1)
        if b.year >= 2002 { b.add("1st Octave", 12, 26) }
    default: break
    }
}
