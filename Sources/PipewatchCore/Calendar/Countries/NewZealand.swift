extension CountryDefinition {
    /// New Zealand: python-holidays' `NewZealand`, nationally and with each region's anniversary day.
    /// Matariki follows the Māori lunar calendar; its dates are set in law through 2052.
    static let newZealand = CountryDefinition(
        code: "NZ",
        name: "New Zealand",
        subdivisions: [
            ("AUK", "Auckland"), ("BOP", "Bay of Plenty"), ("CAN", "Canterbury"), ("CIT", "Chatham Islands"),
            ("GIS", "Gisborne"), ("HKB", "Hawke's Bay"), ("MBH", "Marlborough"), ("MWT", "Manawatū-Whanganui"),
            ("NSN", "Nelson"), ("NTL", "Northland"), ("OTA", "Otago"), ("STL", "Southland"), ("TAS", "Tasman"),
            ("TKI", "Taranaki"), ("WGN", "Greater Wellington"), ("WKO", "Waikato"), ("WTC", "West Coast"),
        ],
        populate: { (b: inout HolidayBuilder, subdivision: String?) throws(HolidayError) in
            guard b.wants(.public) else { return }
            let y = b.year
            b.observedLabel = "%s (observed)"
            b.observedRule = .satSunToNextMon
            b.addObserved(b.add("New Year's Day", 1, 1), rule: .satSunToNextMonTue)
            b.addObserved(b.add("Day after New Year's Day", 1, 2), rule: .satSunToNextMonTue)
            let waitangi = b.add("Waitangi Day", 2, 6)
            if y >= 2014 { b.addObserved(waitangi) }
            let anzac = b.add("Anzac Day", 4, 25)
            if y >= 2014 { b.addObserved(anzac) }
            b.add("Good Friday", .western(-2))
            b.add("Easter Monday", .western(1))
            b.add(y <= 2022 ? "Queen's Birthday" : "King's Birthday", .nth(1, .monday, of: 6))
            if y >= 2022 { try b.add("Matariki", from: .newZealandMatariki) }
            b.add("Labour Day", .nth(4, .monday, of: 10))
            b.addObserved(b.add("Christmas Day", 12, 25), rule: .satSunToNextMonTue)
            b.addObserved(b.add("Boxing Day", 12, 26), rule: .satSunToNextMonTue)
            if y == 2022 { b.add("Queen Elizabeth II Memorial Day", 9, 26) }
            if let subdivision { addAnniversaryDayNZ(&b, subdivision) }
        }
    )
}

private func addAnniversaryDayNZ(_ b: inout HolidayBuilder, _ subdivision: String) {
    func nearestMonday(_ name: String, _ month: Int, _ day: Int, _ b: inout HolidayBuilder) {
        b.move(b.add(name, month, day), rule: .allToNearestMon, force: true, showLabel: false)
    }
    switch subdivision {
    case "AUK", "NTL": nearestMonday("Auckland Anniversary Day", 1, 29, &b)
    case "CAN": b.add("Canterbury Anniversary Day", .nth(1, .tuesday, of: 11, plus: 10))
    case "CIT": nearestMonday("Chatham Islands Anniversary Day", 11, 30, &b)
    case "HKB": b.add("Hawke's Bay Anniversary Day", .nth(4, .monday, of: 10, plus: -3))
    case "MBH": b.add("Marlborough Anniversary Day", .nth(4, .monday, of: 10, plus: 7))
    case "NSN": nearestMonday("Nelson Anniversary Day", 2, 1, &b)
    case "OTA":
        guard let march23 = b.date(3, 23), var date = b.observedDate(of: march23, rule: .allToNearestMon) else {
            return
        }
        if date == HolidayRule.western(1).date(in: b.year) { date = date.adding(days: 1) }
        b.add("Otago Anniversary Day", on: date)
    case "STL":
        if b.year >= 2012 {
            b.add("Southland Anniversary Day", .western(2))
        } else {
            nearestMonday("Southland Anniversary Day", 1, 17, &b)
        }
    case "TKI": b.add("Taranaki Anniversary Day", .nth(2, .monday, of: 3))
    case "WGN": nearestMonday("Wellington Anniversary Day", 1, 22, &b)
    case "WTC":
        if b.year == 2005 {
            b.add("West Coast Anniversary Day", 12, 5)
        } else {
            nearestMonday("West Coast Anniversary Day", 12, 1, &b)
        }
    default: break
    }
}

extension HolidayTable {
    /// Matariki, as the Te Kāhui o Matariki Public Holiday Act 2022 sets it. Dates from python-holidays 0.109,
    /// Copyright (c) Vacanza Team and individual contributors (see CONTRIBUTORS file); MIT License,
    /// whose permission notice is in docs/holidays.md.
    static let newZealandMatariki = HolidayTable(
        coverage: 2022...2052,
        data: """
            Matariki|2022-06-24|Matariki
            Matariki|2023-07-14|Matariki
            Matariki|2024-06-28|Matariki
            Matariki|2025-06-20|Matariki
            Matariki|2026-07-10|Matariki
            Matariki|2027-06-25|Matariki
            Matariki|2028-07-14|Matariki
            Matariki|2029-07-06|Matariki
            Matariki|2030-06-21|Matariki
            Matariki|2031-07-11|Matariki
            Matariki|2032-07-02|Matariki
            Matariki|2033-06-24|Matariki
            Matariki|2034-07-07|Matariki
            Matariki|2035-06-29|Matariki
            Matariki|2036-07-18|Matariki
            Matariki|2037-07-10|Matariki
            Matariki|2038-06-25|Matariki
            Matariki|2039-07-15|Matariki
            Matariki|2040-07-06|Matariki
            Matariki|2041-07-19|Matariki
            Matariki|2042-07-11|Matariki
            Matariki|2043-07-03|Matariki
            Matariki|2044-06-24|Matariki
            Matariki|2045-07-07|Matariki
            Matariki|2046-06-29|Matariki
            Matariki|2047-07-19|Matariki
            Matariki|2048-07-03|Matariki
            Matariki|2049-06-25|Matariki
            Matariki|2050-07-15|Matariki
            Matariki|2051-06-30|Matariki
            Matariki|2052-06-21|Matariki
            """
    )
}
