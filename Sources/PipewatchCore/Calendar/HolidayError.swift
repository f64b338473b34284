/// Why the holiday engine cannot answer: an unknown region, or a year it does not know.
public enum HolidayError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The country is not one the engine has; `suggestions` are close supported codes.
    case unknownCountry(String, suggestions: [String])
    /// The country is known but not this subdivision; `suggestions` are close supported regions.
    case unknownSubdivision(Region, suggestions: [String])
    /// A lunar or declared-days table does not cover the year.
    case outsideCoverage(holiday: String, region: Region, year: Int, coverage: ClosedRange<Int>)
    /// The year is before the first year the engine's rules describe.
    case yearBeforeRules(region: Region, year: Int, firstYear: Int)
    /// The region has no holidays of this category.
    case unknownCategory(HolidayCategory, region: Region, available: [HolidayCategory])

    public var description: String {
        switch self {
        case .unknownCountry(let code, let suggestions):
            "unknown holiday region '\(code)': \(Self.hint(suggestions))"
        case .unknownSubdivision(let region, let suggestions):
            "unknown subdivision '\(region.subdivision ?? "")' of '\(region.country)' in region '\(region.code)': "
                + Self.hint(suggestions)
        case .outsideCoverage(let holiday, let region, let year, let coverage):
            "no holiday table for '\(holiday)' in '\(region.code)' for \(year): "
                + "the table covers \(coverage.lowerBound)–\(coverage.upperBound)"
        case .yearBeforeRules(let region, let year, let firstYear):
            "no holidays for '\(region.code)' in \(year): the holiday rules start in \(firstYear)"
        case .unknownCategory(let category, let region, let available):
            "unknown holiday category '\(category)' for '\(region.code)': it has "
                + available.map { "'\($0)'" }.joined(separator: ", ")
        }
    }

    private static func hint(_ suggestions: [String]) -> String {
        if suggestions.isEmpty { return "run 'pipewatch holidays --list' for the supported regions" }
        return "did you mean " + suggestions.map { "'\($0)'" }.joined(separator: ", ")
            + "? ('pipewatch holidays --list' shows all)"
    }
}
