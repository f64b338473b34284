import ArgumentParser

/// How a command prints its answer: `table` for people, `json` for programs.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    case table
    case json
    case ics
    case tsv
}

/// The `--format` option of a command that prints a table or JSON.
struct TableOrJSON: ParsableArguments {
    @Option(help: "Output format: 'table' for people, 'json' for scripts.")
    var format: OutputFormat = .table

    func validate() throws {
        guard format == .table || format == .json else {
            throw ValidationError("this command prints 'table' or 'json', not '\(format.rawValue)'")
        }
    }
}
