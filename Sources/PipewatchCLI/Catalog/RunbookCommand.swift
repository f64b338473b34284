import ArgumentParser
import PipewatchCore

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
            abstract: "Show one pipeline's run book: its steps in order, with what each checks, escalates or notifies.",
            discussion: """
                Escalation and notification steps name the people they reach, resolved from the config:
                'escalate: secondary' shows the pipeline's secondary owner, 'notify: stakeholders' its stakeholders.

                Example: pipewatch runbook show investor-profit
                """
        )

        @OptionGroup var configOptions: ConfigOptions
        @OptionGroup var output: TableOrJSON

        @Argument(help: ArgumentHelp("The pipeline's id from the config.", valueName: "pipeline"))
        var pipeline: String

        func run() async throws {
            let context = CommandContext.current
            let catalog = try configOptions.loadPlan(in: context).catalog
            let found = try catalog.requirePipeline(pipeline)
            let view = RunbookView(catalog: catalog)
            guard !found.runbook.isEmpty else {
                context.printError("pipeline '\(pipeline)' has no run book; add 'runbook:' steps to it in the config")
                throw ExitCode(1)
            }
            context.print(output.format == .json ? try JSONOutput.render(view.document(found)) : view.text(found))
        }
    }
}
