/// State, DC and territory holidays of the United States (python-holidays' `_populate_subdiv_*`).
func addStateHolidaysUS(_ b: inout HolidayBuilder, _ subdivision: String) throws(HolidayError) {
    let y = b.year
    let evenElection = y >= 2008 && y % 2 == 0
    let presidents = HolidayRule.nth(3, .monday, of: 2)
    let columbusRule = HolidayRule.nth(2, .monday, of: 10)
    let mlk = HolidayRule.nth(3, .monday, of: 1)
    func observed(_ name: String, _ month: Int, _ day: Int, _ b: inout HolidayBuilder, rule: ObservedRule? = nil) {
        b.addObserved(b.add(name, month, day), rule: rule)
    }
    switch subdivision {
    case "AK":
        b.add("Martin Luther King Jr.'s Birthday", mlk)
        b.add("Presidents' Day", presidents)
        b.add("Seward's Day", .nth(-1, .monday, of: 3))
        b.add(y >= 2015 ? "Indigenous Peoples' Day" : "Columbus Day", columbusRule)
        observed("Alaska Day", 10, 18, &b)
    case "AL":
        b.add("Martin Luther King, Jr & Robert E. Lee's Birthday", mlk)
        b.add("George Washington & Thomas Jefferson's Birthday", presidents)
        b.add("Confederate Memorial Day", .nth(4, .monday, of: 4))
        b.add("Jefferson Davis Birthday", .nth(1, .monday, of: 6))
        b.add("Columbus Day / American Indian Heritage Day / Fraternal Day", columbusRule)
    case "AR":
        b.add(
            y >= 2018 ? "Martin Luther King Jr. Day" : "Dr. Martin Luther King Jr. and Robert E. Lee's Birthdays",
            mlk
        )
        b.add("George Washington's Birthday and Daisy Gatson Bates Day", presidents)
    case "AS":
        observed("American Samoa Flag Day", 4, 17, &b)
        observed("Manu'a Islands Cession Day", 7, 16, &b)
        b.add("White Sunday", .nth(2, .sunday, of: 10))
    case "AZ":
        b.add("Dr. Martin Luther King Jr. / Civil Rights Day", mlk)
        b.add("Lincoln/Washington Presidents' Day", presidents)
    case "CA":
        if y <= 2009 { observed("Lincoln's Birthday", 2, 12, &b) }
        b.add("Presidents' Day", presidents)
        if y >= 2014 { b.add("Susan B. Anthony Day", 2, 15) }
        observed("Cesar Chavez Day", 3, 31, &b, rule: .sunToNextMon)
        if y <= 2008 { b.add("Columbus Day", columbusRule) }
        b.add("Day After Thanksgiving", .dayAfterThanksgiving)
        if y >= 2026 { try b.add("Diwali", from: .unitedStates) }
    case "CO":
        b.add("Washington-Lincoln Day", presidents)
        if y >= 2001 { b.add("Cesar Chavez Day", 3, 31) }
        if y >= 2020 { b.add("Frances Xavier Cabrini Day", .nth(1, .monday, of: 10)) }
    case "CT":
        observed("Lincoln's Birthday", 2, 12, &b)
        b.add("Good Friday", .western(-2))
    case "DC":
        if y % 4 == 1 { observed("Inauguration Day", 1, 20, &b, rule: .sunToNextMon) }
        if y >= 2005 { observed("Emancipation Day", 4, 16, &b) }
        b.add(y >= 2019 ? "Indigenous Peoples' Day" : "Columbus Day", columbusRule)
    case "DE":
        b.add("Good Friday", .western(-2))
        if y <= 2009 { b.add("Presidents' Day", presidents) }
        if evenElection { b.add("Election Day", .electionDay) }
        b.add("Day After Thanksgiving", .dayAfterThanksgiving)
    case "FL":
        if y >= 2011 { b.add("Susan B. Anthony Day", 2, 15) }
        b.add("Friday After Thanksgiving", .dayAfterThanksgiving)
    case "GA":
        b.add(y >= 2012 ? "Martin Luther King Jr. Day" : "Robert E. Lee's Birthday", mlk)
        b.add(
            y >= 2016 ? "State Holiday" : "Confederate Memorial Day",
            y >= 2020 ? .western(-2) : .nth(4, .monday, of: 4)
        )
        b.add(y >= 2016 ? "State Holiday" : "Robert E. Lee's Birthday", .dayAfterThanksgiving)
        addWashingtonNearChristmas(&b)
    case "GU":
        b.add("Guam Discovery Day", .nth(1, .monday, of: 3))
        b.add("Good Friday", .western(-2))
        b.add("Liberation Day (Guam)", 7, 21)
        b.add("All Souls' Day", 11, 2)
        b.add("Lady of Camarin Day", 12, 8)
    case "HI":
        b.add("Presidents' Day", presidents)
        observed("Prince Jonah Kuhio Kalanianaole Day", 3, 26, &b)
        let kamehameha = b.add("Kamehameha Day", 6, 11)
        if y >= 2011 { b.addObserved(kamehameha) }
        b.add("Statehood Day", .nth(3, .friday, of: 8))
        if evenElection { b.add("Election Day", .electionDay) }
    case "IA":
        observed("Lincoln's Birthday", 2, 12, &b)
    case "ID":
        b.add(y >= 2006 ? "Martin Luther King Jr. / Idaho Human Rights Day" : "Martin Luther King Jr. Day", mlk)
        b.add("Presidents' Day", presidents)
    case "IL":
        observed("Lincoln's Birthday", 2, 12, &b)
        b.add("Casimir Pulaski Day", .nth(1, .monday, of: 3))
        if evenElection { b.add("Election Day", .electionDay) }
    case "IN":
        b.add("Good Friday", .western(-2))
        if y >= 2015 || (y >= 2006 && y % 2 == 0) { b.add("Primary Election Day", .nth(1, .monday, of: 5, plus: 1)) }
        if y >= 2015 || evenElection { b.add("Election Day", .electionDay) }
        if y >= 2010 { b.add("Lincoln's Birthday", .dayAfterThanksgiving) }
        addWashingtonNearChristmas(&b)
    case "KS":
        if y >= 2013 { addChristmasEveUS(&b) }
    case "KY":
        b.add("Good Friday", .western(-2))
        if y >= 2013 { observed("New Year's Eve", 12, 31, &b) }
    case "LA":
        b.add("Mardi Gras", .western(-47))
        b.add("Good Friday", .western(-2))
        if evenElection { b.add("Election Day", .electionDay) }
    case "MA", "ME":
        b.add("Patriots' Day", .nth(3, .monday, of: 4))
        if subdivision == "ME" { b.add(y >= 2019 ? "Indigenous Peoples' Day" : "Columbus Day", columbusRule) }
    case "MD":
        if y % 4 == 1 { observed("Inauguration Day", 1, 20, &b, rule: .sunToNextMon) }
        b.add("Presidents' Day", presidents)
        if y >= 2008 { b.add("American Indian Heritage Day", .dayAfterThanksgiving) }
    case "MI":
        if y >= 2013 {
            addChristmasEveUS(&b)
            observed("New Year's Eve", 12, 31, &b)
        }
        if evenElection { b.add("Election Day", .electionDay) }
        if y >= 2017 { b.add("Day After Thanksgiving", .dayAfterThanksgiving) }
    case "MN":
        b.add("Washington's and Lincoln's Birthday", presidents)
    case "MO":
        observed("Truman Day", 5, 8, &b)
    case "MP":
        observed("Commonwealth Covenant Day", 3, 24, &b)
        b.add("Good Friday", .western(-2))
        b.add("Commonwealth Cultural Day", columbusRule)
        if evenElection { b.add("Election Day", .electionDay) }
        observed("Citizenship Day", 11, 4, &b)
        observed("Constitution Day", 12, 8, &b)
    case "MS":
        b.add("Dr. Martin Luther King Jr. and Robert E. Lee's Birthdays", mlk)
        b.add("Confederate Memorial Day", .nth(-1, .monday, of: 4))
    case "MT":
        b.add("Lincoln's and Washington's Birthdays", presidents)
        if evenElection { b.add("Election Day", .electionDay) }
    default:
        try addStateHolidaysUSNtoZ(&b, subdivision)
    }
}

/// Georgia's and Indiana's Washington's Birthday, moved next to Christmas.
private func addWashingtonNearChristmas(_ b: inout HolidayBuilder) {
    let rule = ObservedRule([
        .monday: .days(1), .tuesday: .days(-1), .wednesday: .days(-1), .thursday: .days(1),
        .friday: .days(-1), .saturday: .days(-2), .sunday: .days(-2),
    ])
    b.addObserved(b.date(12, 25), name: "Washington's Birthday", rule: rule, showLabel: false)
}

/// Christmas Eve, observed on the Thursday or Friday before when it falls Friday to Sunday.
func addChristmasEveUS(_ b: inout HolidayBuilder) {
    let rule = ObservedRule([.friday: .days(-1), .saturday: .days(-1), .sunday: .days(-2)])
    b.addObserved(b.add("Christmas Eve", 12, 24), name: "Christmas Eve", rule: rule)
}
