import ArgumentParser
import Foundation
import PipewatchCore
import PipewatchServer
import PipewatchStore

/// `pipewatch runs`: a pipeline's runs, newest first.
struct RunsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "runs",
        abstract: "List a pipeline's runs, newest first, from OpenLineage events and dbt artifacts.",
        discussion: """
            JSON is the same object as GET /api/v1/pipelines/{id}/runs: {"runs": [...]}.
            With --unmatched instead of a pipeline: the jobs that report runs no pipeline claims, as \
            GET /api/v1/jobs/unmatched lists them; add them to a pipeline's 'jobs' to watch them.
            """
    )

    @OptionGroup var configOptions: ConfigOptions
    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var output: TableOrJSON
    @Argument(help: ArgumentHelp("The pipeline's id.", valueName: "pipeline")) var pipeline: String?
    @Option(help: "How many runs to show.") var limit = 20
    @Flag(help: "List the jobs no pipeline claims instead.") var unmatched = false

    func validate() throws {
        if unmatched == (pipeline != nil) { throw ValidationError("give a pipeline, or --unmatched") }
    }

    func run() async throws {
        let context = CommandContext.current
        let plan = try configOptions.loadPlan(in: context)
        guard let pipeline else { return try await listUnmatched(in: context) }
        let found = try plan.catalog.requirePipeline(pipeline)
        try await storeOptions.withStore(configURL: configOptions.configURL(in: context), in: context) { store in
            let runs = try await store.runs(of: found.id, limit: max(1, limit))
            if output.format == .json {
                context.print(try JSONOutput.render(RunList(runs)))
                return
            }
            var table = TextTable("started", "job", "state", "duration", "error")
            for run in runs.map(RunDocument.init) {
                table.append(
                    run.startedAt ?? "-",
                    "\(run.job.namespace)/\(run.job.name)",
                    run.state,
                    run.durationSeconds.map { String(format: "%.1fs", $0) } ?? "-",
                    run.errorMessage ?? ""
                )
            }
            context.print(table.rendered)
        }
    }

    private func listUnmatched(in context: CommandContext) async throws {
        let jobs = try await storeOptions.withStore(configURL: configOptions.configURL(in: context), in: context) {
            UnmatchedJobList(try await $0.unmatchedJobs())
        }
        if output.format == .json {
            context.print(try JSONOutput.render(jobs))
            return
        }
        var table = TextTable("namespace", "name", "runs", "last seen")
        for job in jobs.jobs { table.append(job.namespace, job.name, String(job.runs), job.lastSeen) }
        context.print(table.rendered)
    }
}
