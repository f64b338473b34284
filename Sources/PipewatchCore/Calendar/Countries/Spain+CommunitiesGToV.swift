/// Spain's communities from Galicia to Valencia.
func addCommunityHolidaysESGtoV(_ b: inout HolidayBuilder, _ subdivision: String) throws(HolidayError) {
    let y = b.year
    let maundyThursday = HolidayRule.western(-3)
    let easterMonday = HolidayRule.western(1)
    switch subdivision {
    case "GA":
        if [2008, 2009, 2010, 2011, 2019, 2020, 2021, 2026].contains(y) {
            b.addMovingSunday("Saint Joseph's Day", 3, 19)
        }
        b.add("Maundy Thursday", maundyThursday)
        b.addDroppingSunday("Galician Literature Day", 5, 17)
        if [2013, 2016, 2020, 2022, 2026].contains(y) { b.add("Saint John the Baptist", 6, 24) }
        b.addDroppingSunday("Galician National Day", 7, 25)
        if y == 2015 { b.addNationalMovingSunday(["All Saints' Day"]) }
        if y == 2009 { b.addNationalMovingSunday(["Constitution Day"]) }
        if y == 2015 { b.add("Day following Saint Joseph's Day", 3, 20) }
    case "IB":
        let march1 = b.add("Day of the Balearic Islands", 3, 1)
        if y >= 2026 { b.move(march1) } else { b.addObserved(march1, rule: ObservedRule([.sunday: .none])) }
        b.add("Maundy Thursday", maundyThursday)
        if ![2014, 2025].contains(y) { b.add("Easter Monday", easterMonday) }
        if y == 2008 { b.addNationalMovingSunday(["National Day"]) }
        if y == 2015 { b.addNationalMovingSunday(["All Saints' Day"]) }
        if y <= 2020 { b.addNationalMovingSunday(["Constitution Day"]) }
        b.addNationalMovingSunday(["Christmas Day"])
        if [2008, 2009, 2013, 2014, 2019, 2020, 2025, 2026].contains(y) { b.add("Saint Stephen's Day", 12, 26) }
    case "MC":
        if y >= 2017 { b.addNationalMovingSunday(["New Year's Day"]) }
        if y >= 2013 { b.addNationalMovingSunday(["Epiphany"]) }
        if y != 2022 { b.addDroppingSunday("Saint Joseph's Day", 3, 19) }
        b.add("Maundy Thursday", maundyThursday)
        if y == 2011 || y >= 2022 { b.addNationalMovingSunday(["Labor Day"]) }
        if ![2013, 2024].contains(y) { b.addMovingSunday("Murcia Day", 6, 9) }
        if y == 2008 { b.addNationalMovingSunday(["National Day"]) }
        b.addNationalMovingSunday(["Constitution Day"])
        if y == 2013 || y >= 2024 { b.addNationalMovingSunday(["Immaculate Conception"]) }
        if y >= 2016 { b.addNationalMovingSunday(["Christmas Day"]) }
    case "MD":
        b.addNationalMovingSunday(["Epiphany"])
        if b.isSunday(1, 1) || b.isSunday(8, 15) || (y <= 2015 && b.isSunday(11, 1)) {
            b.addMovingSunday("Saint Joseph's Day", 3, 19)
        }
        b.add("Maundy Thursday", maundyThursday)
        if y != 2010 { b.addMovingSunday("Madrid Day", 5, 2) }
        if [2009, 2010, 2011, 2014].contains(y) { b.add("Corpus Christi", .western(60)) }
        if b.isSunday(5, 1) || [2008, 2024, 2025].contains(y) { b.add("Saint James' Day", 7, 25) }
        if y >= 2020 { b.addNationalMovingSunday(["All Saints' Day", "Constitution Day"]) }
        if y == 2019 { b.addNationalMovingSunday(["Immaculate Conception"]) }
        if y >= 2016 { b.addNationalMovingSunday(["Christmas Day"]) }
        if y == 2013 { b.add("Saint Joseph's Day Transfer", 3, 18) }
    case "ML":
        if y == 2017 { b.addNationalMovingSunday(["New Year's Day"]) }
        b.addNationalMovingSunday(["Epiphany"])
        if [2020, 2021, 2023].contains(y) { b.add("Statute of Autonomy of Melilla Day", 3, 13) }
        if y <= 2016 { b.add("Saint Joseph's Day", 3, 19) }
        b.add("Maundy Thursday", maundyThursday)
        if y != 2024 { b.addMovingSunday("Day of Our Lady of Victory", 9, 8) }
        if y != 2023 { b.addMovingSunday("Melilla Day", 9, 17) }
        if y == 2008 { b.addNationalMovingSunday(["National Day"]) }
        if y == 2009 { b.addNationalMovingSunday(["All Saints' Day"]) }
        b.addNationalMovingSunday(["Constitution Day"])
        if y >= 2019 { b.addNationalMovingSunday(["Immaculate Conception"]) }
        b.addNationalMovingSunday(["Christmas Day"])
        if y >= 2022 { try b.add("ML:Eid al-Fitr", from: .spain) }
        if y >= 2010 { try b.add("ML:Eid al-Adha", from: .spain) }
    case "NC":
        if y >= 2013 { b.addNationalMovingSunday(["Epiphany"]) }
        if [2008, 2009, 2010, 2012, 2014, 2015, 2019, 2020, 2021, 2026].contains(y) {
            b.add("Saint Joseph's Day", 3, 19)
        }
        b.add("Maundy Thursday", maundyThursday)
        b.add("Easter Monday", easterMonday)
        if [2008, 2009, 2011, 2013, 2015, 2016, 2017, 2022, 2023, 2024, 2025].contains(y) {
            b.add("Saint James' Day", 7, 25)
        }
        if y >= 2026 { b.addNationalMovingSunday(["All Saints' Day"]) }
        b.addMovingSunday("Saint Francis Xavier's Day", 12, 3)
        if y == 2020 { b.addNationalMovingSunday(["Constitution Day"]) }
        b.addNationalMovingSunday(["Christmas Day"])
    case "PV":
        if ((y <= 2010 || y >= 2015) && b.isSunday(1, 6)) || b.isSunday(8, 15) || b.isSunday(11, 1) {
            b.add("Saint Joseph's Day", 3, 19)
        }
        b.add("Maundy Thursday", maundyThursday)
        b.add("Easter Monday", easterMonday)
        if ![2012, 2014, 2018].contains(y) { b.addDroppingSunday("Saint James' Day", 7, 25) }
        if (2011...2014).contains(y) { b.add("País Vasco Day", 10, 25) }
        if y == 2016 { b.add("80th Anniversary of the first Basque Government", 10, 7) }
        if y == 2022 { b.add("V Centennial of the Circumnavigation of the World", 9, 6) }
    case "RI":
        if [2009, 2010, 2012].contains(y) { b.add("Saint Joseph's Day", 3, 19) }
        b.add("Maundy Thursday", maundyThursday)
        if ![2009, 2010, 2012, 2018].contains(y) { b.add("Easter Monday", easterMonday) }
        b.addMovingSunday("La Rioja Day", 6, 9)
        if (y <= 2016 && b.isSunday(12, 25)) || y == 2008 { b.add("Saint James' Day", 7, 25) }
        b.addNationalMovingSunday(["Constitution Day"])
        if y <= 2019 { b.addNationalMovingSunday(["Immaculate Conception"]) }
        if y >= 2022 { b.addNationalMovingSunday(["Christmas Day"]) }
    case "VC":
        b.addDroppingSunday("Saint Joseph's Day", 3, 19)
        if (y <= 2017 && b.isSunday(3, 19)) || b.isSunday(10, 9) || [2008, 2009].contains(y) {
            b.add("Maundy Thursday", maundyThursday)
        }
        b.add("Easter Monday", easterMonday)
        if y == 2011 { b.addNationalMovingSunday(["Labor Day"]) }
        if y >= 2019 { b.add("Saint John the Baptist", 6, 24) }
        b.addDroppingSunday("Valencian Community Day", 10, 9)
        if y == 2015 { b.addNationalMovingSunday(["Constitution Day"]) }
        if y == 2016 { b.addNationalMovingSunday(["Christmas Day"]) }
        if y == 2013 { b.add("The Fallas", 3, 18) }
    default:
        break
    }
}
