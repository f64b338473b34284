import Foundation

/// Collects one region's holidays for one year while a country definition adds them, with the
/// semantics python-holidays' `HolidayBase` has: one date may carry several names, dates outside
/// the year are dropped, and observed days look at the holidays added so far.
struct HolidayBuilder {
    /// The year being populated.
    let year: Int
    /// The region asked for (for error messages).
    let region: Region
    /// The categories asked for.
    let categories: Set<HolidayCategory>
    /// The category that `add` gives to holidays: the definition sets it before each group.
    var category: HolidayCategory = .public
    /// The rule `addObserved` uses when the call names none.
    var observedRule = ObservedRule([:])
    /// Whether observed days are added at all this year.
    var isObservedEnabled = true
    /// The name pattern of an observed day after the holiday; `%s` is the holiday's name.
    var observedLabel = "%s (observed)"
    /// The name pattern of an observed day before the holiday, when it differs.
    var observedLabelBefore: String?
    /// The name pattern of an observed day of an estimated holiday (lunar tables).
    var observedEstimatedLabel = "%s (observed, estimated)"
    /// Weekend days of the region.
    var weekend: Set<Weekday> = [.saturday, .sunday]

    private(set) var holidays: [Holiday] = []
    /// The declared-days tables that end before this year (see ``addDeclared(_:from:)``).
    private(set) var unpublished: [(key: String, coverage: ClosedRange<Int>)] = []

    init(year: Int, region: Region, categories: Set<HolidayCategory>) {
        self.year = year
        self.region = region
        self.categories = categories
    }

    /// Whether the caller asked for `category`.
    func wants(_ category: HolidayCategory) -> Bool { categories.contains(category) }

    /// Whether `date` already is a holiday.
    func contains(_ date: LocalDate) -> Bool { holidays.contains { $0.date == date } }

    /// The names on `date`, sorted (python-holidays keeps the names of a date sorted, and observed
    /// days are handed out in that order).
    func names(on date: LocalDate) -> [String] { holidays.filter { $0.date == date }.map(\.name).sorted() }

    /// Whether `date` is a weekend day of the region.
    func isWeekend(_ date: LocalDate) -> Bool { weekend.contains(date.weekday) }

    /// The date `month`-`day` of this year.
    func date(_ month: Int, _ day: Int) -> LocalDate? { LocalDate(year: year, month: month, day: day) }

    /// Adds `name` on the rule's date this year and returns the date (nil when dropped).
    @discardableResult
    mutating func add(_ name: String, _ rule: HolidayRule) -> LocalDate? {
        add(name, on: rule.date(in: year))
    }

    /// Adds `name` on `month`-`day` of this year.
    @discardableResult
    mutating func add(_ name: String, _ month: Int, _ day: Int) -> LocalDate? {
        add(name, on: date(month, day))
    }

    /// Adds `name` on `date`, unless the date is in another year (python-holidays drops those).
    @discardableResult
    mutating func add(
        _ name: String,
        on date: LocalDate?,
        isObserved: Bool = false,
        observes: String? = nil
    ) -> LocalDate? {
        guard let date, date.year == year else { return nil }
        if !holidays.contains(where: { $0.date == date && $0.name == name }) {
            let observes = isObserved ? (observes ?? Self.baseName(of: name)) : nil
            holidays.append(
                Holiday(date: date, name: name, isObserved: isObserved, category: category, observes: observes)
            )
        }
        return date
    }

    /// The holiday a name given to an observed day stands for, when no call said: the name without
    /// its observed and estimated labels.
    static func baseName(of name: String) -> String {
        var base = name
        for label in [" (observed, estimated)", " (observed)", " (estimated)"] where base.hasSuffix(label) {
            base.removeLast(label.count)
        }
        return base
    }

    /// Removes every holiday on `date`.
    mutating func remove(_ date: LocalDate) {
        holidays.removeAll { $0.date == date }
    }

    /// Removes the holiday `name` on `date`.
    mutating func remove(_ name: String, on date: LocalDate) {
        holidays.removeAll { $0.date == date && $0.name == name }
    }

    /// The working day next to `date` in direction `step` (+1 or -1) within the year, skipping
    /// weekends and holidays; `date` itself when there is none.
    func workday(from date: LocalDate, step: Int) -> LocalDate {
        var candidate = date.adding(days: step)
        while candidate.year == year {
            if contains(candidate) || isWeekend(candidate) {
                candidate = candidate.adding(days: step)
            } else {
                return candidate
            }
        }
        return date
    }

    /// Where `date` is observed under `rule`: moved, unchanged, or nil when the rule drops it.
    func observedDate(of date: LocalDate, rule: ObservedRule) -> LocalDate? {
        switch rule.shifts[date.weekday] {
        case nil: date
        case .days(let days): date.adding(days: days)
        case .nextWorkday: workday(from: date, step: 1)
        case .previousWorkday: workday(from: date, step: -1)
        case .none?: nil
        }
    }

    /// Adds the observed day of the holidays on `date` (or of `name` alone) when `rule` moves it,
    /// named with the observed label. `observes` names the holiday it stands for when that is not
    /// `name` (Japan's "Substitute Holiday"). Returns whether a day was added and the observed date.
    @discardableResult
    mutating func addObserved(
        _ date: LocalDate?,
        name: String? = nil,
        rule: ObservedRule? = nil,
        force: Bool = false,
        showLabel: Bool = true,
        observes: String? = nil
    ) -> (added: Bool, date: LocalDate?) {
        guard let date else { return (false, nil) }
        guard force || isObservedEnabled else { return (false, date) }
        guard let observed = observedDate(of: date, rule: rule ?? observedRule) else {
            remove(date)
            return (false, nil)
        }
        guard observed != date else { return (false, date) }
        let label = observed < date ? (observedLabelBefore ?? observedLabel) : observedLabel
        for holidayName in name.map({ [$0] }) ?? names(on: date) {
            let base = holidayName.replacingOccurrences(of: "(estimated)", with: "")
                .trimmingCharacters(in: .whitespaces)
            let observes = observes ?? base
            guard showLabel else {
                add(holidayName, on: observed, isObserved: true, observes: observes)
                continue
            }
            let pattern = holidayName.contains("(estimated)") ? observedEstimatedLabel : label
            add(pattern.replacingOccurrences(of: "%s", with: base), on: observed, isObserved: true, observes: observes)
        }
        return (true, observed)
    }

    /// Moves the holidays on `date` to their observed day, as python-holidays' `_move_holiday`.
    @discardableResult
    mutating func move(
        _ date: LocalDate?,
        rule: ObservedRule? = nil,
        force: Bool = false,
        showLabel: Bool = true
    ) -> LocalDate? {
        let result = addObserved(date, rule: rule, force: force, showLabel: showLabel)
        if result.added, let date { remove(date) }
        return result.added ? result.date : date
    }

    /// Adds the entries of `table` for `key` this year and returns their dates.
    ///
    /// - Throws: ``HolidayError/outsideCoverage(holiday:region:year:coverage:)`` when the table
    ///   does not cover the year.
    @discardableResult
    mutating func add(_ key: String, from table: HolidayTable) throws(HolidayError) -> [LocalDate] {
        guard table.coverage.contains(year) else {
            // Keys of subdivision-dated holidays read `CE:Eid al-Fitr`; the message names the holiday.
            let holiday = key.split(separator: ":", maxSplits: 1).last.map(String.init) ?? key
            throw .outsideCoverage(holiday: holiday, region: region, year: year, coverage: table.coverage)
        }
        var dates: [LocalDate] = []
        for entry in table.entries(for: key, year: year) {
            if let date = add(entry.name, on: entry.date) { dates.append(date) }
        }
        return dates
    }

    /// Adds the days a government declares for this year (bridging days off) from `table`.
    ///
    /// A year after the table's last is not an error: the law-fixed holidays still hold, so the
    /// year is planned without the declared days and marked provisional (``ProvisionalHolidays``).
    ///
    /// - Throws: ``HolidayError/outsideCoverage(holiday:region:year:coverage:)`` for a year before the table.
    mutating func addDeclared(_ key: String, from table: HolidayTable) throws(HolidayError) {
        guard year <= table.coverage.upperBound else {
            unpublished.append((key, table.coverage))
            return
        }
        try add(key, from: table)
    }

    /// The provisional year this builder describes, when a declared-days table ended before it.
    var provisional: ProvisionalHolidays? {
        guard let last = unpublished.map(\.coverage.upperBound).min() else { return nil }
        return ProvisionalHolidays(region: region, year: year, missing: unpublished.map(\.key), publishedThrough: last)
    }
}
