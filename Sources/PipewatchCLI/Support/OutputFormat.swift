import ArgumentParser

/// `--format` for commands that print a table or JSON.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    case table
    case json
}

/// `--format` for `oncall schedule`, which can also write an iCalendar feed.
enum CalendarFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    case table
    case json
    case ics
}

/// `--format` for lists of dated lines, which can also be tab-separated.
enum LineFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    case table
    case json
    case tsv
}

/// The `--format` option of a command that prints a table or JSON.
struct TableOrJSON: ParsableArguments {
    @Option(help: "Output format: 'table' for people, 'json' for scripts.")
    var format: OutputFormat = .table
}
