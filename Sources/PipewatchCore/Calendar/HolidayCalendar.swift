import Synchronization

/// The holiday engine: the public holidays of a region in a year, by rule and by shipped table,
/// memoized across calls (a region's year is computed once per calendar value and its copies).
public struct HolidayCalendar: Sendable {
    private struct Key: Hashable {
        let region: Region
        let year: Int
        let categories: [HolidayCategory]
    }

    // SAFETY: a final class only so that copies of the calendar share one memo; its only stored
    // property is a Mutex, which makes it Sendable.
    private final class Memo: Sendable {
        let years = Mutex<[Key: Result<Year, HolidayError>]>([:])
    }

    /// One computed year: its holidays, and what makes it provisional, if anything.
    private struct Year: Sendable {
        let holidays: [Holiday]
        let provisional: ProvisionalHolidays?
    }

    private let memo = Memo()

    /// Creates a calendar with an empty memo.
    public init() {}

    /// The holidays of `region` in `year`, sorted by date and, on one date, by name (as
    /// python-holidays orders the names it joins).
    ///
    /// - Parameters:
    ///   - region: a supported country or subdivision (``supportedRegions``).
    ///   - year: the Gregorian year.
    ///   - categories: the categories to include, python-holidays' names; `public` by default.
    /// - Returns: the holidays, observed days marked with ``Holiday/isObserved``.
    /// - Throws: ``HolidayError`` for an unknown region or category, a year before the rules,
    ///   or a year outside a lunar table. A year after a declared-days table is no error: it has
    ///   its law-fixed holidays, and ``provisional(in:year:categories:)`` says what is missing.
    public func holidays(
        in region: Region,
        year: Int,
        categories: Set<HolidayCategory> = [.public]
    ) throws(HolidayError) -> [Holiday] {
        try computedYear(year, in: region, categories: categories).holidays
    }

    /// Whether `year` of `region` is provisional: planned with its law-fixed holidays because the
    /// days its government declares are not published for it yet. `nil` for a complete year.
    ///
    /// - Throws: ``HolidayError`` as ``holidays(in:year:categories:)`` does.
    public func provisional(
        in region: Region,
        year: Int,
        categories: Set<HolidayCategory> = [.public]
    ) throws(HolidayError) -> ProvisionalHolidays? {
        try computedYear(year, in: region, categories: categories).provisional
    }

    private func computedYear(
        _ year: Int,
        in region: Region,
        categories: Set<HolidayCategory>
    ) throws(HolidayError) -> Year {
        let key = Key(region: region, year: year, categories: categories.sorted())
        if let cached = memo.years.withLock({ $0[key] }) { return try cached.get() }
        let computed: Result<Year, HolidayError>
        do {
            computed = .success(try Self.compute(region: region, year: year, categories: categories))
        } catch {
            computed = .failure(error)  // an answer too: the same question fails the same way
        }
        memo.years.withLock { $0[key] = computed }
        return try computed.get()
    }

    /// The holidays of `region` from `start` through `end` (inclusive), sorted by date.
    ///
    /// - Throws: ``HolidayError`` as ``holidays(in:year:categories:)`` does, for any year in the range.
    public func holidays(
        in region: Region,
        from start: LocalDate,
        through end: LocalDate,
        categories: Set<HolidayCategory> = [.public]
    ) throws(HolidayError) -> [Holiday] {
        guard start <= end else { return [] }
        var result: [Holiday] = []
        for year in start.year...end.year {
            result += try holidays(in: region, year: year, categories: categories)
                .filter { $0.date >= start && $0.date <= end }
        }
        return result
    }

    /// Every region the engine supports: each country, then its subdivisions.
    public static var supportedRegions: [SupportedRegion] {
        CountryDefinition.all.values.sorted { $0.code < $1.code }.flatMap { country in
            let categories = [HolidayCategory.public] + country.categories
            let whole = Region(code: country.code).map {
                SupportedRegion(region: $0, name: country.name, categories: categories)
            }
            return [whole].compactMap { $0 }
                + country.subdivisions.compactMap { subdivision in
                    Region(code: "\(country.code)-\(subdivision.code)").map {
                        SupportedRegion(
                            region: $0,
                            name: "\(subdivision.name), \(country.name)",
                            categories: categories
                        )
                    }
                }
        }
    }

    /// Checks that the engine knows `region` without computing any year.
    ///
    /// - Throws: ``HolidayError/unknownCountry(_:suggestions:)`` or ``HolidayError/unknownSubdivision(_:suggestions:)``.
    public static func validate(_ region: Region) throws(HolidayError) {
        _ = try definition(for: region)
    }

    private static func definition(for region: Region) throws(HolidayError) -> CountryDefinition {
        guard let country = CountryDefinition.all[region.country] else {
            let codes = CountryDefinition.all.keys.sorted()
            // "UK" is what people write for the United Kingdom; ISO 3166 says GB (and EL is Greece in EU usage).
            let aliased = ["UK": "GB", "EL": "GR"][region.country]
            let countries = aliased.map { [$0] } ?? closest(to: region.country, in: codes)
            let suggestions = countries.map { code in
                guard let subdivision = region.subdivision,
                    CountryDefinition.all[code]?.subdivisions.contains(where: { $0.code == subdivision }) == true
                else { return code }
                return "\(code)-\(subdivision)"
            }
            throw .unknownCountry(region.code, suggestions: suggestions)
        }
        if let subdivision = region.subdivision, !country.subdivisions.contains(where: { $0.code == subdivision }) {
            let codes = country.subdivisions.map(\.code)
            throw .unknownSubdivision(
                region,
                suggestions: closest(to: subdivision, in: codes).map { "\(country.code)-\($0)" }
            )
        }
        return country
    }

    private static func compute(
        region: Region,
        year: Int,
        categories: Set<HolidayCategory>
    ) throws(HolidayError) -> Year {
        let country = try definition(for: region)
        let available = [HolidayCategory.public] + country.categories
        if let unknown = categories.sorted().first(where: { !available.contains($0) }) {
            throw .unknownCategory(unknown, region: region, available: available)
        }
        guard year >= country.firstYear else {
            throw .yearBeforeRules(region: region, year: year, firstYear: country.firstYear)
        }
        var builder = HolidayBuilder(year: year, region: region, categories: categories)
        try country.populate(&builder, region.subdivision)
        let filtered = builder.holidays.filter { categories.contains($0.category) }
        return Year(holidays: filtered.sorted(), provisional: builder.provisional)
    }

    /// Codes within one edit of `code`, or else those sharing its first letter.
    static func closest(to code: String, in codes: [String]) -> [String] {
        let near = codes.filter { editDistance($0, code) <= 1 }
        if !near.isEmpty { return near }
        return codes.filter { $0.first == code.first }
    }

    private static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        var previous = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...max(b.count, 1) where !b.isEmpty {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return a.isEmpty ? b.count : previous[b.count]
    }
}
