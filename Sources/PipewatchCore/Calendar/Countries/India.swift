extension CountryDefinition {
    /// India: python-holidays' `India` public holidays, 2001–2035 (its Hindu-calendar data).
    /// National fixed-date holidays are rules; the national Hindu, Jain, Buddhist, Sikh and Islamic
    /// holidays come from a table, and so do each state's own holidays (nearly all lunisolar).
    static let india = CountryDefinition(
        code: "IN",
        name: "India",
        subdivisions: [
            ("AN", "Andaman and Nicobar Islands"), ("AP", "Andhra Pradesh"), ("AR", "Arunachal Pradesh"),
            ("AS", "Assam"), ("BR", "Bihar"), ("CG", "Chhattisgarh"), ("CH", "Chandigarh"),
            ("DH", "Dadra and Nagar Haveli and Daman and Diu"), ("DL", "Delhi"), ("GA", "Goa"), ("GJ", "Gujarat"),
            ("HP", "Himachal Pradesh"), ("HR", "Haryana"), ("JH", "Jharkhand"), ("JK", "Jammu and Kashmir"),
            ("KA", "Karnataka"), ("KL", "Kerala"), ("LA", "Ladakh"), ("LD", "Lakshadweep"), ("MH", "Maharashtra"),
            ("ML", "Meghalaya"), ("MN", "Manipur"), ("MP", "Madhya Pradesh"), ("MZ", "Mizoram"), ("NL", "Nagaland"),
            ("OD", "Odisha"), ("PB", "Punjab"), ("PY", "Puducherry"), ("RJ", "Rajasthan"), ("SK", "Sikkim"),
            ("TN", "Tamil Nadu"), ("TR", "Tripura"), ("TS", "Telangana"), ("UK", "Uttarakhand"),
            ("UP", "Uttar Pradesh"), ("WB", "West Bengal"),
        ],
        firstYear: 2001,
        populate: { (b: inout HolidayBuilder, subdivision: String?) throws(HolidayError) in
            guard b.wants(.public) else { return }
            let table = HolidayTable.india
            guard table.coverage.contains(b.year) else {
                throw .outsideCoverage(
                    holiday: "Diwali (Deepavali)",
                    region: b.region,
                    year: b.year,
                    coverage: table.coverage
                )
            }
            b.add("Republic Day", 1, 26)
            b.add("Good Friday", .western(-2))
            b.add("Dr. B. R. Ambedkar's Jayanti", 4, 14)
            b.add("Independence Day", 8, 15)
            b.add("Mahatma Gandhi's Jayanti", 10, 2)
            b.add("Christmas", 12, 25)
            for name in nationalLunarIN {
                switch (name, subdivision) {
                case ("Holi", "MH"), ("Dussehra", "KL"), ("Dussehra", "WB"): continue
                case ("Ram Navami", "OD") where b.year == 2026: continue
                default: try b.add(name, from: table)
                }
            }
            if b.year == 2002 { b.add("Dussehra (Mahanavami)", 10, 14) }
            if let subdivision { try b.add(subdivision, from: table) }
        }
    )
}

/// The national holidays that follow the Hindu, Jain, Buddhist, Sikh or Islamic calendar.
private let nationalLunarIN = [
    "Maha Shivaratri", "Holi", "Ram Navami", "Mahavir Jayanti", "Buddha Purnima", "Janmashtami (Vaishnava)",
    "Dussehra", "Diwali (Deepavali)", "Guru Nanak's Jayanti", "Muharram", "Milad-un-Nabi", "Id-ul-Fitr",
    "Id-ul-Zuha (Bakrid)",
]
