extension CountryDefinition {
    /// Brazil: python-holidays' `Brazil`, nationally and for every state; `optional` adds the
    /// optional days (Carnival, Ash Wednesday, Corpus Christi, Public Servant's Day, the eves).
    static let brazil = CountryDefinition(
        code: "BR",
        name: "Brazil",
        subdivisions: [
            ("AC", "Acre"), ("AL", "Alagoas"), ("AM", "Amazonas"), ("AP", "Amapá"), ("BA", "Bahia"), ("CE", "Ceará"),
            ("DF", "Federal District"), ("ES", "Espírito Santo"), ("GO", "Goiás"), ("MA", "Maranhão"),
            ("MG", "Minas Gerais"), ("MS", "Mato Grosso do Sul"), ("MT", "Mato Grosso"), ("PA", "Pará"),
            ("PB", "Paraíba"), ("PE", "Pernambuco"), ("PI", "Piauí"), ("PR", "Paraná"), ("RJ", "Rio de Janeiro"),
            ("RN", "Rio Grande do Norte"), ("RO", "Rondônia"), ("RR", "Roraima"), ("RS", "Rio Grande do Sul"),
            ("SC", "Santa Catarina"), ("SE", "Sergipe"), ("SP", "São Paulo"), ("TO", "Tocantins"),
        ],
        categories: [.optional],
        populate: { (b: inout HolidayBuilder, subdivision: String?) throws(HolidayError) in
            if b.wants(.public) {
                b.add("Universal Fraternization Day", 1, 1)
                b.add("Good Friday", .western(-2))
                b.add("Tiradentes' Day", 4, 21)
                b.add("Worker's Day", 5, 1)
                b.add("Independence Day", 9, 7)
                b.add("Our Lady of Aparecida", 10, 12)
                b.add("All Souls' Day", 11, 2)
                b.add("Republic Proclamation Day", 11, 15)
                if b.year >= 2024 { b.add("National Day of Zumbi and Black Awareness", 11, 20) }
                b.add("Christmas Day", 12, 25)
            }
            if b.wants(.optional) {
                b.category = .optional
                b.add("Carnival", .western(-48))
                b.add("Carnival", .western(-47))
                b.add("Ash Wednesday", .western(-46))
                b.add("Corpus Christi", .western(60))
                b.add("Public Servant's Day", 10, 28)
                b.add("Christmas Eve", 12, 24)
                b.add("New Year's Eve", 12, 31)
            }
            guard let subdivision, b.wants(.public) else { return }
            b.category = .public
            addStateHolidaysBR(&b, subdivision)
        }
    )
}

private func addStateHolidaysBR(_ b: inout HolidayBuilder, _ subdivision: String) {
    let y = b.year
    let blackAwareness = "Black Awareness Day"
    switch subdivision {
    case "AC":
        let toFriday = ObservedRule([.tuesday: .days(3), .wednesday: .days(2), .thursday: .days(1)])
        func movable(_ name: String, _ month: Int, _ day: Int, _ b: inout HolidayBuilder) {
            guard let date = b.date(month, day) else { return }
            b.add(name, on: y >= 2009 ? b.observedDate(of: date, rule: toFriday) : date)
        }
        if y >= 2005 { movable("Evangelical Day", 1, 23, &b) }
        if y >= 2002 { movable("International Women's Day", 3, 8, &b) }
        b.add("Founding of Acre", 6, 15)
        if y >= 2004 { movable("Amazonia Day", 9, 5, &b) }
        movable("Signing of the Petropolis Treaty", 11, 17, &b)
    case "AL":
        b.add("Saint John's Day", 6, 24)
        b.add("Saint Peter's Day", 6, 29)
        b.add("Political Emancipation of Alagoas", 9, 16)
        if y <= 2023 { b.add(blackAwareness, 11, 20) }
        if y >= 2013 { b.add("Evangelical Day", 11, 30) }
    case "AM":
        b.add("Elevation of Amazonas to province", 9, 5)
        if (2010...2023).contains(y) { b.add(blackAwareness, 11, 20) }
    case "AP":
        if y >= 2003 { b.add("Saint Joseph's Day", 3, 19) }
        if y >= 2012 { b.add("Saint James' Day", 7, 25) }
        b.add("Creation of the Federal Territory", 9, 13)
        if (2008...2023).contains(y) { b.add(blackAwareness, 11, 20) }
    case "BA": b.add("Bahia Independence Day", 7, 2)
    case "CE":
        b.add("Saint Joseph's Day", 3, 19)
        b.add("Abolition of slavery in Ceará", 3, 25)
        if y >= 2004 { b.add("Our Lady of Assumption", 8, 15) }
    case "DF":
        b.add("Founding of Brasilia", 4, 21)
        b.add("Evangelical Day", 11, 30)
    case "ES": if y >= 2020 { b.add("Our Lady of Penha", .western(8)) }
    case "GO":
        b.add("Foundation of Goiás city", 7, 26)
        b.add("Foundation of Goiânia", 10, 24)
    case "MA": b.add("Maranhão joining to independence of Brazil", 7, 28)
    case "MG": b.add("Tiradentes' Execution", 4, 21)
    case "MS": b.add("State Creation Day", 10, 11)
    case "MT": if (2003...2023).contains(y) { b.add(blackAwareness, 11, 20) }
    case "PA": b.add("Grão-Pará joining to independence of Brazil", 8, 15)
    case "PB": b.add("State Founding Day", 8, 5)
    case "PE":
        if y >= 2018 {
            b.add("Pernambuco Revolution of 1817", 3, 6)
        } else if y >= 2008 {
            b.add("Pernambuco Revolution of 1817", .nth(1, .sunday, of: 3))
        }
    case "PI": b.add("Piauí Day", 10, 19)
    case "PR":
        if y >= 2014 { b.add("Our Lady of Rocio", 11, 15) } else { b.add("Political Emancipation of Paraná", 12, 19) }
    case "RJ":
        if y >= 2009 { b.add("Carnival", .western(-47)) }
        if y >= 2008 { b.add("Saint George's Day", 4, 23) }
        if (2002...2023).contains(y) { b.add(blackAwareness, 11, 20) }
    case "RN":
        b.add("Rio Grande do Norte Day", 8, 7)
        if y >= 2007 { b.add("Uruaçu and Cunhaú Martyrs Day", 10, 3) }
    case "RO":
        b.add("State Creation Day", 1, 4)
        if y >= 2002 { b.add("Evangelical Day", 6, 18) }
    case "RR": b.add("State Creation Day", 10, 5)
    case "RS": b.add("Gaucho Day", 9, 20)
    case "SC":
        if y >= 2005 {
            b.add("Santa Catarina State Day", .weekdayOnOrAfter(.sunday, month: 8, day: 11))
        } else if y >= 2004 {
            b.add("Santa Catarina State Day", 8, 11)
        }
        if y == 2004 {
            b.add("Saint Catherine of Alexandria Day", 11, 25)
        } else {
            b.add("Saint Catherine of Alexandria Day", .weekdayOnOrAfter(.sunday, month: 11, day: 25))
        }
    case "SE": b.add("Sergipe Political Emancipation Day", 7, 8)
    case "SP": b.add("Constitutionalist Revolution", 7, 9)
    case "TO":
        b.add("Autonomy Day", 3, 18)
        b.add("Our Lady of Nativity", 9, 8)
        b.add("State Creation Day", 10, 5)
    default: break
    }
}
