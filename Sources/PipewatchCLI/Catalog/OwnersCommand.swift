import ArgumentParser
import PipewatchCore

/// `pipewatch owners`: who owns what, and how the load is spread.
struct OwnersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "owners",
        abstract: "Show who owns each pipeline, or what one engineer owns, or the load per engineer.",
        discussion: """
            Owners keep a pipeline's data current; the metric owner (a stakeholder) owns the metric itself.

              pipewatch owners                  every pipeline with its primary, secondary and metric owner
              pipewatch owners --engineer a     what engineer 'a' owns as primary and as secondary
              pipewatch owners --load           ownerships per engineer, with bus-factor warnings

            --load warns when one engineer holds more than half of all ownerships, or is the only backup for
            every pipeline another engineer leads.
            """
    )

    @OptionGroup var configOptions: ConfigOptions
    @OptionGroup var output: TableOrJSON

    @Option(help: ArgumentHelp("Show only what this engineer owns.", valueName: "id"))
    var engineer: String?

    @Flag(help: "Show ownerships per engineer, with warnings where ownership is concentrated.")
    var load = false

    func validate() throws {
        if engineer != nil, load { throw ValidationError("give --engineer or --load, not both") }
    }

    func run() async throws {
        let context = CommandContext.current
        let catalog = try configOptions.loadPlan(in: context).catalog
        let report = OwnersReport(catalog: catalog)
        if let engineer {
            let found = try catalog.requireEngineer(engineer)
            context.print(
                output.format == .json
                    ? try JSONOutput.render(report.holdings(of: found)) : report.holdingsTable(of: found)
            )
        } else if load {
            let ownershipLoad = OwnershipLoad(catalog: catalog)
            context.print(
                output.format == .json
                    ? try JSONOutput.render(report.load(ownershipLoad)) : report.loadTable(ownershipLoad)
            )
            if output.format == .table {
                for warning in ownershipLoad.warnings { context.printError("warning: \(warning)") }
            }
        } else {
            context.print(output.format == .json ? try JSONOutput.render(report.rows) : report.table)
        }
    }
}
