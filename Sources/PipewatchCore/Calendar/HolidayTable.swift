/// Dates that no Gregorian rule gives (lunar calendars, days declared by government), shipped as
/// data generated from python-holidays, for the years in ``coverage``.
///
/// The data is one line per date, `key|YYYY-MM-DD|name`, where `key` is the holiday's English
/// name without "(estimated)" and `name` is the name it carries that year. It is parsed once,
/// on first use.
struct HolidayTable: Sendable {
    struct Entry: Sendable, Hashable {
        let date: LocalDate
        let name: String
    }

    /// The years the table knows; asking for another year is an error.
    let coverage: ClosedRange<Int>
    private let entries: [String: [Int: [Entry]]]

    /// Parses `data` (see the type's documentation).
    init(coverage: ClosedRange<Int>, data: String) {
        self.coverage = coverage
        var entries: [String: [Int: [Entry]]] = [:]
        for line in data.split(separator: "\n") {
            let fields = line.split(separator: "|", maxSplits: 2, omittingEmptySubsequences: false)
            guard fields.count == 3, let date = LocalDate(iso: fields[1]) else { continue }
            entries[String(fields[0]), default: [:]][date.year, default: []]
                .append(Entry(date: date, name: String(fields[2])))
        }
        self.entries = entries
    }

    /// The entries of `key` in `year`; empty when the holiday does not fall in that year.
    func entries(for key: String, year: Int) -> [Entry] {
        entries[key]?[year] ?? []
    }

    /// The keys of the table.
    var keys: [String] { entries.keys.sorted() }
}
