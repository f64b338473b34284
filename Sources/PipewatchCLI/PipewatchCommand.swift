public import ArgumentParser

/// `pipewatch`: the root command.
public struct PipewatchCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "pipewatch",
        abstract: "Keep a data team's pipelines owned, watched and answered for.",
        discussion: """
            Pipewatch reads the team's plan from pipewatch.yaml (see 'pipewatch init'): who owns each \
            pipeline, who is on call, what the run books say. Every read command takes --format table|json.

            Exit status: 0 on success, 1 on a finding (an invalid config, a failing check), 2 on a usage error.
            PIPEWATCH_CONFIG names the config file; PIPEWATCH_NOW (ISO 8601) replaces the clock.
            """,
        subcommands: [
            ValidateCommand.self,
            OwnersCommand.self,
            RunbookCommand.self,
            OncallCommand.self,
            TimeoffCommand.self,
            SwapCommand.self,
            OverrideCommand.self,
            AuditCommand.self,
            ServeCommand.self,
            RunsCommand.self,
            SignalsCommand.self,
            IngestCommand.self,
            TokenCommand.self,
            HolidaysCommand.self,
            InitCommand.self,
        ]
    )

    public init() {}
}
