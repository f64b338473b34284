/// A year whose law-fixed holidays are known but whose declared days off are not published yet
/// (China's State Council declares each year's bridging days late in the year before).
///
/// The holiday engine plans such a year with the days it can compute and says so, instead of
/// refusing to plan; the team supplies the declared days with a calendar that `declares` the region.
public struct ProvisionalHolidays: Sendable, Hashable, CustomStringConvertible {
    /// The region whose year is provisional.
    public var region: Region
    /// The year.
    public var year: Int
    /// What is missing: the names of the declared-days tables that end before the year.
    public var missing: [String]
    /// The last year the missing tables cover.
    public var publishedThrough: Int
    /// The engineers who plan with these holidays, when a schedule asked (empty otherwise).
    public var engineers: [EngineerID]

    /// Creates a provisional year.
    public init(region: Region, year: Int, missing: [String], publishedThrough: Int, engineers: [EngineerID] = []) {
        self.region = region
        self.year = year
        self.missing = missing
        self.publishedThrough = publishedThrough
        self.engineers = engineers
    }

    /// What is missing and how to supply it, in one line.
    public var description: String {
        let who = engineers.isEmpty ? "" : " (for " + engineers.map { "'\($0)'" }.joined(separator: ", ") + ")"
        let tables = missing.map { "'\($0)'" }.joined(separator: ", ")
        return "the holidays of '\(region.code)' in \(year) are provisional\(who): the days off its government "
            + "declares each year (\(tables)) are published through \(publishedThrough) only, so \(year) is planned "
            + "with its law-fixed holidays; when they are announced, add them as a calendar with "
            + "'declares: \(region.country)' (a company .ics file or inline dates, see docs/configuration.md)"
    }
}
