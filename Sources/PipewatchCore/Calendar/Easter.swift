/// Which church's Easter a rule counts from.
public enum EasterMethod: Sendable, Hashable {
    /// Western (Gregorian) Easter, as Catholic and Protestant churches keep it.
    case western
    /// Orthodox Easter: the Julian computus, given as a Gregorian date.
    case orthodox

    /// Easter Sunday of `year` in this church's reckoning, as a Gregorian date.
    public func easterSunday(of year: Int) -> LocalDate {
        switch self {
        case .western:
            // Anonymous Gregorian algorithm (Meeus/Jones/Butcher).
            let a = year % 19
            let b = year / 100
            let c = year % 100
            let d = b / 4
            let e = b % 4
            let f = (b + 8) / 25
            let g = (b - f + 1) / 3
            let h = (19 * a + b - d - g + 15) % 30
            let i = c / 4
            let k = c % 4
            let l = (32 + 2 * e + 2 * i - h - k) % 7
            let m = (a + 11 * h + 22 * l) / 451
            let month = (h + l - 7 * m + 114) / 31
            let day = (h + l - 7 * m + 114) % 31 + 1
            return LocalDate(year: year, month: month, day: day) ?? LocalDate(dayNumber: 0)
        case .orthodox:
            // Meeus' Julian algorithm, then the Julian-to-Gregorian day offset of that century.
            let a = year % 4
            let b = year % 7
            let c = year % 19
            let d = (19 * c + 15) % 30
            let e = (2 * a + 4 * b - d + 34) % 7
            let month = (d + e + 114) / 31
            let day = (d + e + 114) % 31 + 1
            let julianOffset = year / 100 - year / 400 - 2
            let julian = LocalDate(year: year, month: month, day: day) ?? LocalDate(dayNumber: 0)
            return julian.adding(days: julianOffset)
        }
    }
}
