extension CountryDefinition {
    /// Singapore: python-holidays' `Singapore`. Chinese New Year, Hari Raya Puasa and Haji, Vesak
    /// Day and Deepavali come from a table; a holiday on Sunday gives the next working day off.
    static let singapore = CountryDefinition(
        code: "SG",
        name: "Singapore",
        populate: { (b: inout HolidayBuilder, _: String?) throws(HolidayError) in
            guard b.wants(.public) else { return }
            b.observedLabel = "%s (observed)"
            b.observedRule = ObservedRule([.sunday: .nextWorkday])
            let table = HolidayTable.singapore
            var dates: [LocalDate?] = []
            dates.append(b.add("New Year's Day", 1, 1))
            dates += try b.add("Chinese New Year", from: table)
            dates += try b.add("Hari Raya Puasa", from: table)
            dates += try b.add("Hari Raya Haji", from: table)
            b.add("Good Friday", .western(-2))
            dates.append(b.add("Labour Day", 5, 1))
            dates += try b.add("Vesak Day", from: table)
            dates.append(b.add("National Day", 8, 9))
            dates += try b.add("Deepavali", from: table)
            dates.append(b.add("Christmas Day", 12, 25))
            for date in Set(dates.compactMap { $0 }).sorted() { b.addObserved(date) }
            let declared: [Int: [(Int, Int, String)]] = [
                2001: [(11, 3, "Polling Day")], 2006: [(5, 6, "Polling Day")], 2011: [(5, 7, "Polling Day")],
                2015: [(8, 7, "SG50 Public Holiday"), (9, 11, "Polling Day")], 2020: [(7, 10, "Polling Day")],
                2023: [(9, 1, "Polling Day")], 2025: [(5, 3, "Polling Day")],
            ]
            for day in declared[b.year] ?? [] { b.add(day.2, day.0, day.1) }
            if b.year == 2007 { b.add("Hari Raya Haji (observed)", on: b.date(1, 2), isObserved: true) }
        }
    )
}
