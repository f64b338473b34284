extension CountryDefinition {
    /// United States: python-holidays' `UnitedStates`, federal (no subdivision) and every state, DC
    /// and territory it lists; `government` adds the federal holidays and declared closings for
    /// government employees, `unofficial` widely kept days that are not days off, `half_day` Puerto
    /// Rico's Christmas Eve afternoon.
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
        categories: [.government, .halfDay, .unofficial],
        populate: { (b: inout HolidayBuilder, subdivision: String?) throws(HolidayError) in
            b.observedLabel = "%s (observed)"
            b.observedRule = subdivision == "MA" ? .sunToNextMon : .satToPrevFriSunToNextMon
            // python-holidays' order: every category nationwide, then the state's.
            if b.wants(.public) { addCommonUS(&b) }
            if b.wants(.government) {
                b.category = .government
                if subdivision != "PR" { addCommonUS(&b, federal: true) }
                addDeclaredClosingsUS(&b)  // python-holidays declares them in Puerto Rico too
            }
            if b.wants(.unofficial) {
                b.category = .unofficial
                addUnofficialUS(&b, subdivision)
            }
            if b.wants(.public) {
                b.category = .public
                addStateWideUS(&b, subdivision)
                if let subdivision { try addStateHolidaysUS(&b, subdivision) }
            }
            if subdivision == "PR" {
                if b.wants(.government), b.year >= 2001 {
                    b.category = .government
                    b.add("American Citizenship Day", 3, 2)
                }
                if b.wants(.halfDay), b.year >= 2003 {
                    b.category = .halfDay
                    b.add("Christmas Eve (from 12pm)", 12, 24)
                }
            }
        }
    )
}

private func addCommonUS(_ b: inout HolidayBuilder, federal: Bool = false) {
    b.addObserved(b.add("New Year's Day", 1, 1))
    b.addObserved(LocalDate(year: b.year + 1, month: 1, day: 1), name: "New Year's Day")
    if federal {
        b.add("Birthday of Martin Luther King, Jr.", .nth(3, .monday, of: 1))
        b.add("Washington's Birthday", .nth(3, .monday, of: 2))
        b.addObserved(b.add("Veterans Day", 11, 11))
    }
    b.add("Memorial Day", .nthWeekday(-1, .monday, month: 5))
    if b.year >= 2021 { b.addObserved(b.add("Juneteenth National Independence Day", 6, 19)) }
    b.addObserved(b.add("Independence Day", 7, 4))
    b.add("Labor Day", .nthWeekday(1, .monday, month: 9))
    if federal { b.add("Columbus Day", .nth(2, .monday, of: 10)) }
    b.add("Thanksgiving Day", .nthWeekday(4, .thursday, month: 11))
    b.addObserved(b.add("Christmas Day", 12, 25))
}

/// Days most people keep that are not days off (python-holidays' `unofficial` category).
private func addUnofficialUS(_ b: inout HolidayBuilder, _ subdivision: String?) {
    b.add("Valentine's Day", 2, 14)
    b.add("Saint Patrick's Day", 3, 17)
    b.add("Good Friday", .western(-2))
    b.add("Easter Sunday", .western(0))
    b.add("Mother's Day", .nth(2, .sunday, of: 5))
    b.add("Father's Day", .nth(3, .sunday, of: 6))
    b.add("Halloween", 10, 31)
    b.add("Christmas Eve", 12, 24)
    b.add("New Year's Eve", 12, 31)
    if !["AS", "GU", "MP", "PR", "UM", "VI"].contains(subdivision ?? "") {
        b.add("Groundhog Day", 2, 2)
        if b.year % 4 == 0 { b.add("Election Day", .electionDay) }
    }
}

/// Federal government closings declared by executive order (python-holidays' special government holidays).
private func addDeclaredClosingsUS(_ b: inout HolidayBuilder) {
    let christmasEve = "Christmas Eve"
    let halfDayEve = "Christmas Eve (half-day closing)"
    let dayAfter = "Day After Christmas"
    let closings: [Int: [(Int, Int, String)]] = [
        2001: [(12, 24, christmasEve)], 2002: [(12, 24, halfDayEve)], 2003: [(12, 26, dayAfter)],
        2004: [(6, 11, "National Day of Mourning for former President Ronald Reagan")],
        2007: [(1, 2, "National Day of Mourning for former President Gerald R. Ford"), (12, 24, christmasEve)],
        2008: [(12, 26, dayAfter)], 2009: [(12, 24, halfDayEve)], 2012: [(12, 24, christmasEve)],
        2014: [(12, 26, dayAfter)], 2015: [(12, 24, halfDayEve)],
        2018: [(12, 5, "National Day of Mourning for former President George H. W. Bush"), (12, 24, christmasEve)],
        2019: [(12, 24, christmasEve)], 2020: [(12, 24, christmasEve)], 2024: [(12, 24, christmasEve)],
        2025: [
            (1, 9, "National Day of Mourning for former President Jimmy Carter"), (12, 24, christmasEve),
            (12, 26, dayAfter),
        ],
    ]
    for day in closings[b.year] ?? [] { b.add(day.2, day.0, day.1) }
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
