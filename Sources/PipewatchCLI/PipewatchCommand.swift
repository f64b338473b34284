public import ArgumentParser

/// `pipewatch`: the root command.
public struct PipewatchCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "pipewatch",
        abstract: "Keep a data team's pipelines owned, watched and answered for.",
        discussion: """
            Pipewatch reads the team's plan from pipewatch.yaml (start with 'pipewatch init'): who owns each \
            pipeline, who is on call, what the run books say. Run 'pipewatch serve' to receive OpenLineage \
            events and dbt artifacts and turn them into signals. Read commands take --format table|json.

            Commands that keep state (time off, swaps, runs) take --database: a SQLite file, ':memory:' or a \
            postgres:// URL; else PIPEWATCH_DATABASE_URL; else .pipewatch/state.sqlite beside the config.
            PIPEWATCH_CONFIG names the config file; PIPEWATCH_NOW (ISO 8601) replaces the clock, so any run \
            can be reproduced.

            Exit status: 0 on success, 1 on a finding (an invalid config, an open signal, a refused swap), \
            2 on a usage error, 3 when the state store cannot be reached or fails.
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
            HolidaysCommand.self,
            ServeCommand.self,
            RunsCommand.self,
            SignalsCommand.self,
            CheckCommand.self,
            DemoCommand.self,
            IncidentCommand.self,
            NotificationsCommand.self,
            ReviewCommand.self,
            IngestCommand.self,
            TokenCommand.self,
            FeedCommand.self,
            InitCommand.self,
            BackupCommand.self,
        ]
    )

    public init() {}
}
