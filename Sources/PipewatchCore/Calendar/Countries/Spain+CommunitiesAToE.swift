/// Spain's autonomous communities and cities (python-holidays' `_populate_subdiv_*_public_holidays`).
func addCommunityHolidaysES(_ b: inout HolidayBuilder, _ subdivision: String) throws(HolidayError) {
    let y = b.year
    let allNational: Set<String> = Set(nationalES.map(\.0))
    let maundyThursday = HolidayRule.western(-3)
    let easterMonday = HolidayRule.western(1)
    switch subdivision {
    case "AN":
        b.addNationalMovingSunday(["New Year's Day", "Epiphany"])
        b.addMovingSunday("Andalusia Day", 2, 28)
        b.add("Maundy Thursday", maundyThursday)
        b.addNationalMovingSunday(allNational.subtracting(["New Year's Day", "Epiphany"]))
    case "AR":
        b.addNationalMovingSunday(["New Year's Day", "Epiphany"])
        b.add("Maundy Thursday", maundyThursday)
        b.addMovingSunday("Saint George's Day", 4, 23)
        b.addNationalMovingSunday(allNational.subtracting(["New Year's Day", "Epiphany"]))
    case "AS":
        b.addNationalMovingSunday(["New Year's Day", "Epiphany"])
        b.add("Maundy Thursday", maundyThursday)
        b.addNationalMovingSunday(["Labor Day", "Assumption Day"])
        b.addMovingSunday("Asturias Day", 9, 8)
        b.addNationalMovingSunday([
            "National Day", "All Saints' Day", "Constitution Day", "Immaculate Conception", "Christmas Day",
        ])
    case "CB":
        if y == 2013 { b.addNationalMovingSunday(["Epiphany"]) }
        if y != 2018 { b.add("Maundy Thursday", maundyThursday) }
        if b.isSunday(7, 28) || [2015, 2020].contains(y) { b.add("Easter Monday", easterMonday) }
        if y == 2011 { b.addNationalMovingSunday(["Labor Day"]) }
        if b.isSunday(9, 15) || [2012, 2014].contains(y) { b.add("Saint James' Day", 7, 25) }
        if ![2012, 2015].contains(y) { b.addDroppingSunday("Cantabria Institutions Day", 7, 28) }
        b.addDroppingSunday("Our Lady of Bien Aparecida", 9, 15)
        if y == 2008 { b.addNationalMovingSunday(["National Day"]) }
        if y == 2015 { b.addNationalMovingSunday(["All Saints' Day"]) }
        if y == 2009 || y >= 2026 { b.addNationalMovingSunday(["Constitution Day"]) }
        if y == 2019 { b.addNationalMovingSunday(["Immaculate Conception"]) }
        if y >= 2016 { b.addNationalMovingSunday(["Christmas Day"]) }
    case "CE":
        if y == 2012 { b.addNationalMovingSunday(["New Year's Day"]) }
        b.addNationalMovingSunday(["Epiphany"])
        b.add("Maundy Thursday", maundyThursday)
        if y == 2011 { b.addNationalMovingSunday(["Labor Day"]) }
        b.addMovingSunday("Saint Anthony's Day", 6, 13)
        if y >= 2022 { b.add("Santa Maria of Africa", 8, 5) }
        if ![2011, 2015, 2025].contains(y) { b.addDroppingSunday("Ceuta Day", 9, 2) }
        if y <= 2014 { b.addNationalMovingSunday(["National Day"]) }
        if y <= 2015 { b.addNationalMovingSunday(["All Saints' Day"]) }
        if y <= 2020 { b.addNationalMovingSunday(["Constitution Day"]) }
        if y == 2013 { b.addNationalMovingSunday(["Immaculate Conception"]) }
        if y <= 2016 { b.addNationalMovingSunday(["Christmas Day"]) }
        if y >= 2022 { try b.add("CE:Eid al-Fitr", from: .spain) }
        if y >= 2010 { try b.add("CE:Eid al-Adha", from: .spain) }
    case "CL":
        if y >= 2017 { b.addNationalMovingSunday(["New Year's Day"]) }
        b.addNationalMovingSunday(["Epiphany"])
        if [2009, 2010, 2012].contains(y) { b.add("Saint Joseph's Day", 3, 19) }
        b.add("Maundy Thursday", maundyThursday)
        if y != 2023 { b.addMovingSunday("Castile and León Day", 4, 23) }
        if y >= 2016 { b.addNationalMovingSunday(["Labor Day"]) }
        if [2011, 2023].contains(y) { b.add("Saint James' Day", 7, 25) }
        if y >= 2021 { b.addNationalMovingSunday(["Assumption Day"]) }
        b.addNationalMovingSunday(["National Day", "All Saints' Day"])
        if y >= 2015 { b.addNationalMovingSunday(["Constitution Day"]) }
        b.addNationalMovingSunday(["Immaculate Conception", "Christmas Day"])
    case "CM":
        if y <= 2013 { b.addNationalMovingSunday(["Epiphany"]) }
        if [2008, 2009, 2010, 2011, 2020].contains(y) { b.add("Saint Joseph's Day", 3, 19) }
        b.add("Maundy Thursday", maundyThursday)
        if [2014, 2015, 2019, 2020, 2026].contains(y) { b.add("Easter Monday", easterMonday) }
        if ![2009, 2010, 2018].contains(y) { b.add("Corpus Christi", .western(60)) }
        let may31 = b.add("Castilla-La Mancha Day", 5, 31)
        if y <= 2009 {
            b.move(may31, showLabel: false)
        } else {
            b.addObserved(may31, rule: ObservedRule([.sunday: .none]))
        }
        if y >= 2026 { b.addNationalMovingSunday(["All Saints' Day"]) }
        if y <= 2015 { b.addNationalMovingSunday(["Constitution Day"]) }
        if y >= 2016 { b.addNationalMovingSunday(["Christmas Day"]) }
    case "CN":
        b.addNationalMovingSunday(["Epiphany"])
        b.add("Maundy Thursday", maundyThursday)
        if y == 2016 { b.addNationalMovingSunday(["Labor Day"]) }
        if y != 2021 { b.addMovingSunday("Day of the Canary Islands", 5, 30) }
        if y >= 2021 { b.addNationalMovingSunday(["Assumption Day"]) }
        if y == 2015 || y >= 2026 { b.addNationalMovingSunday(["All Saints' Day"]) }
        if [2009, 2020].contains(y) { b.addNationalMovingSunday(["Constitution Day"]) }
        if y == 2011 || y >= 2022 { b.addNationalMovingSunday(["Christmas Day"]) }
    case "CT":
        b.add("Easter Monday", easterMonday)
        if b.isSunday(5, 1) { b.add("Pentecost Monday", .western(50)) }
        b.addDroppingSunday("Saint John the Baptist", 6, 24)
        b.addDroppingSunday("National Day of Catalonia", 9, 11)
        b.addDroppingSunday("Saint Stephen's Day", 12, 26)
    case "EX":
        if y == 2012 { b.addNationalMovingSunday(["New Year's Day"]) }
        b.addNationalMovingSunday(["Epiphany"])
        if [2023, 2024].contains(y) { b.add("Shrove Tuesday", .western(-47)) }
        if [2010, 2017, 2021].contains(y) { b.addMovingSunday("Saint Joseph's Day", 3, 19) }
        b.add("Maundy Thursday", maundyThursday)
        b.addNationalMovingSunday(["Labor Day"])
        if y != 2024 { b.addMovingSunday("Extremadura Day", 9, 8) }
        b.addNationalMovingSunday([
            "National Day", "All Saints' Day", "Constitution Day", "Immaculate Conception", "Christmas Day",
        ])
    default:
        try addCommunityHolidaysESGtoV(&b, subdivision)
    }
}
