/// US states and territories from NC to WY.
func addStateHolidaysUSNtoZ(_ b: inout HolidayBuilder, _ subdivision: String) throws(HolidayError) {
    let y = b.year
    let evenElection = y >= 2008 && y % 2 == 0
    let presidents = HolidayRule.nth(3, .monday, of: 2)
    let columbusRule = HolidayRule.nth(2, .monday, of: 10)
    func observed(_ name: String, _ month: Int, _ day: Int, _ b: inout HolidayBuilder, rule: ObservedRule? = nil) {
        b.addObserved(b.add(name, month, day), rule: rule)
    }
    switch subdivision {
    case "NC":
        b.add("Good Friday", .western(-2))
        b.add("Day After Thanksgiving", .dayAfterThanksgiving)
        if y >= 2013 {
            addChristmasEveUS(&b)
            let name = "Day After Christmas"
            b.addObserved(b.add(name, 12, 26), name: name, rule: .monToNextTue + .satSunToNextMon)
        }
    case "NE":
        b.add("Arbor Day", .nth(-1, .friday, of: 4))
        b.add(y >= 2020 ? "Indigenous Peoples' Day" : "Columbus Day", columbusRule)
    case "NH":
        b.add("Dr. Martin Luther King Jr. / Civil Rights Day", .nth(3, .monday, of: 1))
        if evenElection { b.add("Election Day", .electionDay) }
        b.add("Day After Thanksgiving", .dayAfterThanksgiving)
    case "NJ":
        observed("Lincoln's Birthday", 2, 12, &b)
        b.add("Presidents Day", presidents)
        b.add("Good Friday", .western(-2))
        if evenElection { b.add("Election Day", .electionDay) }
    case "NM":
        b.add(y >= 2019 ? "Indigenous Peoples' Day" : "Columbus Day", columbusRule)
        b.add("Presidents' Day", .dayAfterThanksgiving)
    case "NV":
        b.addObserved(b.add("Nevada Day", .nth(-1, .friday, of: 10)))
        b.add("Family Day", .dayAfterThanksgiving)
    case "NY":
        observed("Lincoln's Birthday", 2, 12, &b)
        if y >= 2004 { b.add("Susan B. Anthony Day", 2, 15) }
        if y >= 2015 || evenElection { b.add("Election Day", .electionDay) }
    case "OH":
        b.add("Washington-Lincoln Day", presidents)
    case "OK":
        b.add("Presidents' Day", presidents)
        b.add("Day After Thanksgiving", .dayAfterThanksgiving)
    case "OR":
        b.add("Presidents Day", presidents)
    case "PA":
        b.add("Presidents' Day", presidents)
        b.add("Day After Thanksgiving", .dayAfterThanksgiving)
    case "PR":
        addPuertoRico(&b)
    case "RI":
        b.add("Victory Day", .nth(2, .monday, of: 8))
        b.add(y >= 2022 ? "Indigenous Peoples' Day / Columbus Day" : "Columbus Day", columbusRule)
    case "SC":
        b.add("President's Day", presidents)
        b.add("Confederate Memorial Day", .nth(4, .monday, of: 4))
    case "SD":
        b.add("Native Americans' Day", columbusRule)
    case "TN":
        b.add("President's Day", presidents)
        b.add("Good Friday", .western(-2))
    case "TX":
        b.add("Confederate Memorial Day", 1, 19)
        b.add("Presidents' Day", presidents)
        b.add("Texas Independence Day", 3, 2)
        b.add("Cesar Chavez Day", 3, 31)
        b.add("Good Friday", .western(-2))
        b.add("San Jacinto Day", 4, 21)
        b.add("Emancipation Day In Texas", 6, 19)
        b.add("Lyndon Baines Johnson Day", 8, 27)
        b.add("Friday After Thanksgiving", .dayAfterThanksgiving)
        addChristmasEveUS(&b)
        b.add("Day After Christmas", 12, 26)
    case "UT":
        b.add("Washington and Lincoln Day", presidents)
        observed("Pioneer Day", 7, 24, &b)
    case "VA":
        if y <= 2020 { b.add("Lee Jackson Day", .nth(3, .monday, of: 1, plus: -3)) }
        if y % 4 == 1 { observed("Inauguration Day", 1, 20, &b, rule: .sunToNextMon) }
        b.add("George Washington Day", presidents)
        b.add(y >= 2020 ? "Indigenous Peoples' Day" : "Columbus Day", columbusRule)
        if y >= 2020 { b.add("Election Day", .electionDay) }
        b.add("Day After Thanksgiving", .dayAfterThanksgiving)
    case "VI":
        b.add("Three Kings Day", 1, 6)
        b.add("Presidents' Day", presidents)
        b.add("Transfer Day", 3, 31)
        b.add("Holy Thursday", .western(-3))
        b.add("Good Friday", .western(-2))
        b.add("Easter Monday", .western(1))
        b.add("Emancipation Day", 7, 3)
        b.add("Columbus Day and Puerto Rico Friendship Day", columbusRule)
        b.add("Liberty Day", 11, 1)
        b.add("Christmas Second Day", 12, 26)
    case "VT":
        b.add("Presidents' Day", presidents)
        b.add("Town Meeting Day", .nth(1, .tuesday, of: 3))
        observed("Bennington Battle Day", 8, 16, &b)
    case "WA":
        b.add("Presidents' Day", presidents)
        if y >= 2014 { b.add("Native American Heritage Day", .dayAfterThanksgiving) }
    case "WI":
        if y >= 2012 {
            addChristmasEveUS(&b)
            observed("New Year's Eve", 12, 31, &b)
        }
        b.add("Susan B. Anthony Day", 2, 15)
    case "WV":
        b.add("Presidents' Day", presidents)
        observed("West Virginia Day", 6, 20, &b)
        if evenElection { b.add("Election Day", .electionDay) }
        b.add("Day After Thanksgiving", .dayAfterThanksgiving)
    case "WY":
        b.add("President's Day", presidents)
    default:
        break  // ND and UM have only the holidays every state has.
    }
}

private func addPuertoRico(_ b: inout HolidayBuilder) {
    let y = b.year
    let sunToMon = ObservedRule.sunToNextMon
    b.add("Epiphany", 1, 6)
    if y <= 2014 { b.add("Birthday of Eugenio María de Hostos", .nth(2, .monday, of: 1)) }
    let washington =
        if y >= 2019 {
            "George Washington Day, Presidents' Day, and the Day of the Women and Men Heroes of Puerto Rico"
        } else if y >= 2016 {
            "George Washington Day, Presidents' Day, and the Day of the Hero and the Illustrious Woman of Puerto Rico"
        } else if y >= 2015 {
            "George Washington Day, Presidents' Day, and the Puerto Rican Heroes Day"
        } else {
            "George Washington Day"
        }
    b.add(washington, .nth(3, .monday, of: 2))
    b.addObserved(b.add("Emancipation Day", 3, 22), rule: sunToMon)
    b.add("Good Friday", .western(-2))
    if y <= 2014 {
        b.add("José de Diego Day", .nth(3, .monday, of: 4))
        b.add("Luis Muñoz Rivera Day", .nth(3, .monday, of: 7))
    }
    b.addObserved(b.add("Puerto Rico Constitution Day", 7, 25), rule: sunToMon)
    if y <= 2014 { b.addObserved(b.add("José Celso Barbosa Day", 7, 27), rule: sunToMon) }
    if y >= 2014 {
        b.add("Columbus Day", .nth(2, .monday, of: 10))
    } else {
        b.addObserved(b.add("Columbus Day", 10, 12), rule: sunToMon)
    }
    b.addObserved(b.add("Veterans Day", 11, 11), rule: sunToMon)
    let discovery =
        if y >= 2023 {
            "Puerto Rican Identity Day"
        } else if y >= 2014 {
            "Puerto Rican Culture and Discovery of Puerto Rico Day"
        } else {
            "Discovery of Puerto Rico Day"
        }
    b.addObserved(b.add(discovery, 11, 19), rule: sunToMon)
}
