extension CountryDefinition {
    /// United States: python-holidays' `UnitedStates` public holidays, federal (no subdivision)
    /// and every state, DC and territory it lists.
    static let unitedStates = CountryDefinition(
        code: "US",
        name: "United States",
        subdivisions: [
            ("AK", "Alaska"), ("AL", "Alabama"), ("AR", "Arkansas"), ("AS", "American Samoa"), ("AZ", "Arizona"),
            ("CA", "California"), ("CO", "Colorado"), ("CT", "Connecticut"), ("DC", "District of Columbia"),
            ("DE", "Delaware"), ("FL", "Florida"), ("GA", "Georgia"), ("GU", "Guam"), ("HI", "Hawaii"),
            ("IA", "Iowa"), ("ID", "Idaho"), ("IL", "Illinois"), ("IN", "Indiana"), ("KS", "Kansas"),
            ("KY", "Kentucky"), ("LA", "Louisiana"), ("MA", "Massachusetts"), ("MD", "Maryland"), ("ME", "Maine"),
            ("MI", "Michigan"), ("MN", "Minnesota"), ("MO", "Missouri"), ("MP", "Northern Mariana Islands"),
            ("MS", "Mississippi"), ("MT", "Montana"), ("NC", "North Carolina"), ("ND", "North Dakota"),
            ("NE", "Nebraska"), ("NH", "New Hampshire"), ("NJ", "New Jersey"), ("NM", "New Mexico"),
            ("NV", "Nevada"), ("NY", "New York"), ("OH", "Ohio"), ("OK", "Oklahoma"), ("OR", "Oregon"),
            ("PA", "Pennsylvania"), ("PR", "Puerto Rico"), ("RI", "Rhode Island"), ("SC", "South Carolina"),
            ("SD", "South Dakota"), ("TN", "Tennessee"), ("TX", "Texas"),
            ("UM", "United States Minor Outlying Islands"), ("UT", "Utah"), ("VA", "Virginia"),
            ("VI", "United States Virgin Islands"), ("VT", "Vermont"), ("WA", "Washington"), ("WI", "Wisconsin"),
            ("WV", "West Virginia"), ("WY", "Wyoming"),
        ],
        populate: { (b: inout HolidayBuilder, subdivision: String?) throws(HolidayError) in
            guard b.wants(.public) else { return }
            b.observedLabel = "%s (observed)"
            b.observedRule = subdivision == "MA" ? .sunToNextMon : .satToPrevFriSunToNextMon
            addCommonUS(&b)
            addStateWideUS(&b, subdivision)
            if let subdivision { try addStateHolidaysUS(&b, subdivision) }
        }
    )
}

private func addCommonUS(_ b: inout HolidayBuilder) {
    b.addObserved(b.add("New Year's Day", 1, 1))
    b.addObserved(LocalDate(year: b.year + 1, month: 1, day: 1), name: "New Year's Day")
    b.add("Memorial Day", .nthWeekday(-1, .monday, month: 5))
    if b.year >= 2021 { b.addObserved(b.add("Juneteenth National Independence Day", 6, 19)) }
    b.addObserved(b.add("Independence Day", 7, 4))
    b.add("Labor Day", .nthWeekday(1, .monday, month: 9))
    b.add("Thanksgiving Day", .nthWeekday(4, .thursday, month: 11))
    b.addObserved(b.add("Christmas Day", 12, 25))
}

/// The holidays python-holidays adds for the whole country and for most states, unless a state opts out.
private func addStateWideUS(_ b: inout HolidayBuilder, _ subdivision: String?) {
    let code = subdivision ?? ""
    if !["AK", "AL", "AR", "AZ", "GA", "ID", "MS", "NH"].contains(code) {
        b.add("Martin Luther King Jr. Day", .nthWeekday(3, .monday, month: 1))
    }
    let noWashington = ["AK", "AL", "AR", "DE", "FL", "GA", "IN", "NM", "PR", "VI"]
    let ownWashington = [
        "AZ", "CA", "CO", "HI", "ID", "MD", "MN", "MT", "NJ", "OH", "OK", "OR", "PA", "SC", "TN", "TX", "UT",
        "VA", "VT", "WA", "WV", "WY",
    ]
    if !noWashington.contains(code) && !ownWashington.contains(code) {
        b.add("Washington's Birthday", .nthWeekday(3, .monday, month: 2))
    }
    let columbus = [
        "AS", "AZ", "CT", "GA", "ID", "IL", "IN", "MA", "MD", "MO", "MT", "NJ", "NY", "OH", "PA", "UT", "WV",
    ]
    if subdivision == nil || columbus.contains(code) {
        b.add("Columbus Day", .nthWeekday(2, .monday, month: 10))
    }
    if code != "PR" { b.addObserved(b.add("Veterans Day", 11, 11)) }
}

extension HolidayRule {
    /// The `nth` `weekday` of `month`, moved by `days`.
    static func nth(_ nth: Int, _ weekday: Weekday, of month: Int, plus days: Int = 0) -> HolidayRule {
        days == 0
            ? .nthWeekday(nth, weekday, month: month) : .shifted(.nthWeekday(nth, weekday, month: month), days: days)
    }

    /// The day after the fourth Thursday of November.
    static let dayAfterThanksgiving = nth(4, .thursday, of: 11, plus: 1)
    /// The Tuesday after the first Monday of November.
    static let electionDay = nth(1, .monday, of: 11, plus: 1)
}
