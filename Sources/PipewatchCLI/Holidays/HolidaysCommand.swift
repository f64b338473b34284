import ArgumentParser
import Foundation
import PipewatchCore

/// `pipewatch holidays`: a region's public holidays, or the list of supported regions.
struct HolidaysCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "holidays",
        abstract: "Show a region's public holidays for a year or a date range, or list the supported regions.",
        discussion: """
            Regions are ISO 3166 codes: a country (DE) or a subdivision (US-CA, GB-SCT, IN-KA). Holidays match
            python-holidays 0.109; observed days (a holiday moved off a weekend) are marked.

              pipewatch holidays US-NY                      this year's holidays in New York
              pipewatch holidays DE-BY --year 2027 --category public --category catholic
              pipewatch holidays GB-ENG --from 2026-12-01 --to 2027-01-31 --format tsv
              pipewatch holidays --list                     every supported region

            Holidays that follow a lunar calendar come from tables with fixed coverage years; asking for a
            year outside them is an error, never a shorter list.
            """
    )

    @Argument(help: ArgumentHelp("The region, e.g. 'US-CA'.", valueName: "region"))
    var region: String?

    @Flag(help: "List the supported regions instead.")
    var list = false

    @Option(help: ArgumentHelp("The year (default: this year).", valueName: "YYYY"))
    var year: Int?

    @Option(help: ArgumentHelp("The first day of a range.", valueName: "YYYY-MM-DD"))
    var from: String?

    @Option(help: ArgumentHelp("The last day of a range (inclusive).", valueName: "YYYY-MM-DD"))
    var to: String?

    @Option(
        name: .customLong("category"),
        help: ArgumentHelp("A holiday category to include (repeatable; default: public).", valueName: "name")
    )
    var categories: [String] = []

    @Option(help: "Output format: 'table' for people, 'json' for scripts, 'tsv' for 'YYYY-MM-DD<TAB>name' lines.")
    var format: LineFormat = .table

    func validate() throws {
        if list {
            guard region == nil, year == nil, from == nil, to == nil else {
                throw ValidationError("--list takes no region, year or range")
            }
            return
        }
        guard let region else { throw ValidationError("give a region (e.g. 'US-CA') or --list") }
        guard Region(code: region) != nil else {
            throw ValidationError("malformed region '\(region)': expected 'CC' or 'CC-SUB', e.g. 'US-CA'")
        }
        if year != nil, from != nil || to != nil { throw ValidationError("give --year or --from/--to, not both") }
        if (from == nil) != (to == nil) { throw ValidationError("--from and --to go together") }
        for (flag, text) in [("--from", from), ("--to", to)] {
            if let text, LocalDate(iso: text) == nil {
                throw ValidationError("\(flag): expected a date YYYY-MM-DD, found '\(text)'")
            }
        }
    }

    func run() async throws {
        let context = CommandContext.current
        if list {
            context.print(try Self.render(regions: HolidayCalendar.supportedRegions, format: format))
            return
        }
        guard let code = region, let region = Region(code: code) else { return }
        let categories = Set((categories.isEmpty ? ["public"] : categories).map { HolidayCategory($0) })
        let start: LocalDate
        let end: LocalDate
        if let from, let to, let first = LocalDate(iso: from), let last = LocalDate(iso: to) {
            guard first <= last else { throw ValidationError("--from \(from) is after --to \(to)") }
            (start, end) = (first, last)
        } else {
            let year = year ?? Self.currentYear(in: context)
            guard let first = LocalDate(year: year, month: 1, day: 1),
                let last = LocalDate(year: year, month: 12, day: 31)
            else { throw ValidationError("--year: no such year \(year)") }
            (start, end) = (first, last)
        }
        let engine = HolidayCalendar()
        let holidays: [Holiday]
        var provisional: [ProvisionalHolidays] = []
        do {
            holidays = try engine.holidays(in: region, from: start, through: end, categories: categories)
            for year in start.year...end.year {
                if let year = try engine.provisional(in: region, year: year, categories: categories) {
                    provisional.append(year)
                }
            }
        } catch {
            // An unknown region or category is a usage error (exit 2); a year the engine does not
            // know is a finding about the data (exit 1).
            switch error {
            case .outsideCoverage, .yearBeforeRules: throw error
            default: throw ValidationError(error.description)
            }
        }
        context.print(try Self.render(holidays: holidays, format: format))
        for year in provisional { context.printError("warning: \(year)") }
    }

    /// This year in UTC, from `PIPEWATCH_NOW` when set, else the context's clock.
    static func currentYear(in context: CommandContext) -> Int {
        let now = context.environment["PIPEWATCH_NOW"].flatMap { ISO8601DateFormatter().date(from: $0) }
        return LocalDate(now ?? context.clock.now, in: TimeZone(secondsFromGMT: 0) ?? .gmt).year
    }

    /// The holidays as a table, JSON or TSV lines.
    static func render(holidays: [Holiday], format: LineFormat) throws -> String {
        switch format {
        case .json:
            return try JSONOutput.render(holidays.map(HolidayRow.init))
        case .tsv:
            return holidays.map(\.description).joined(separator: "\n")
        case .table:
            var table = TextTable("date", "day", "name", "category")
            for holiday in holidays {
                table.append(
                    holiday.date.description,
                    String(holiday.date.weekday.description.prefix(3)),
                    holiday.name,
                    holiday.category.name
                )
            }
            return holidays.isEmpty ? "no holidays in this range" : table.rendered
        }
    }

    /// The supported regions as a table, JSON or TSV lines.
    static func render(regions: [SupportedRegion], format: LineFormat) throws -> String {
        switch format {
        case .json:
            return try JSONOutput.render(regions.map(RegionRow.init))
        case .tsv:
            return regions.map(\.description).joined(separator: "\n")
        case .table:
            var table = TextTable("region", "name", "categories")
            for region in regions {
                table.append(region.region.code, region.name, region.categories.map(\.name).joined(separator: ", "))
            }
            return table.rendered
        }
    }
}

/// One holiday in `pipewatch holidays --format json`.
private struct HolidayRow: Encodable {
    let date: String
    let name: String
    let observed: Bool
    let category: String

    init(_ holiday: Holiday) {
        date = holiday.date.description
        name = holiday.name
        observed = holiday.isObserved
        category = holiday.category.name
    }
}

/// One region in `pipewatch holidays --list --format json`.
private struct RegionRow: Encodable {
    let region: String
    let name: String
    let categories: [String]

    init(_ supported: SupportedRegion) {
        region = supported.region.code
        name = supported.name
        categories = supported.categories.map(\.name)
    }
}
