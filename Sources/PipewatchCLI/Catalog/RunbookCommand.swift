import ArgumentParser
import PipewatchCore
import PipewatchStore

/// `pipewatch runbook`: the steps to follow when a pipeline breaks.
struct RunbookCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "runbook",
        abstract: "Show the run books declared in the config, and who has read them.",
        subcommands: [Show.self, List.self, Ack.self, Status.self],
        defaultSubcommand: List.self
    )

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List the pipelines and how many run-book steps each has.",
            discussion: "Pipelines reporting to investors must have a run book; 'pipewatch validate' enforces it."
        )

        @OptionGroup var configOptions: ConfigOptions
        @OptionGroup var output: TableOrJSON

        func run() async throws {
            let context = CommandContext.current
            let catalog = try configOptions.loadPlan(in: context).catalog
            let view = RunbookView(catalog: catalog)
            context.print(output.format == .json ? try JSONOutput.render(view.summaries) : view.summaryTable)
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show one pipeline's run book: its steps in order, with what each checks, escalates or notifies.",
            discussion: """
                Escalation and notification steps name the people they reach, resolved from the config:
                'escalate: secondary' shows the pipeline's secondary owner, 'notify: stakeholders' its stakeholders.
                Steps that name checks show each check's latest result from the store ('pipewatch check run' or \
                'pipewatch serve' runs them).

                Example: pipewatch runbook show investor-profit
                """
        )

        @OptionGroup var configOptions: ConfigOptions
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var output: TableOrJSON

        @Argument(help: ArgumentHelp("The pipeline's id from the config.", valueName: "pipeline"))
        var pipeline: String

        func run() async throws {
            let context = CommandContext.current
            let catalog = try configOptions.loadPlan(in: context).catalog
            let found = try catalog.requirePipeline(pipeline)
            var view = RunbookView(catalog: catalog)
            if found.runbook.steps.contains(where: { !$0.checks.isEmpty }) {
                view.results = try await storeOptions.withStore(
                    configURL: configOptions.configURL(in: context),
                    in: context
                ) { try await $0.latestCheckResults(of: found.id) }
            }
            guard !found.runbook.isEmpty else {
                context.printError("pipeline '\(pipeline)' has no run book; add 'runbook:' steps to it in the config")
                throw ExitCode(1)
            }
            context.print(output.format == .json ? try JSONOutput.render(view.document(found)) : view.text(found))
        }
    }
}
