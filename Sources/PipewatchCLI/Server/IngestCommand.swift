import ArgumentParser
import Foundation
import PipewatchCore
import PipewatchStore

/// `pipewatch ingest`: read orchestrator artifacts into the store.
struct IngestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Read orchestrator artifacts into the store.",
        subcommands: [Dbt.self]
    )

    struct Dbt: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "dbt",
            abstract: "Ingest a dbt target folder: run_results.json, sources.json and manifest.json.",
            discussion: """
                Models, tests and sources map to pipelines through 'jobs: [{ dbt: model.project.name }]' in the \
                config, or 'meta: { pipewatch_pipeline: ID }' in dbt; a test belongs to the pipeline of the node it \
                tests. dbt statuses error and fail are failures, warn is not, and statuses Pipewatch does not know \
                are kept as unknown. Ingesting the same invocation again changes nothing.

                  dbt build; dbt source freshness
                  pipewatch ingest dbt target/
                """
        )

        @OptionGroup var configOptions: ConfigOptions
        @OptionGroup var storeOptions: StoreOptions
        @Argument(help: ArgumentHelp("dbt's target folder.", valueName: "target-dir")) var targetDirectory: String

        func run() async throws {
            let context = CommandContext.current
            let plan = try configOptions.loadPlan(in: context)
            let folder = URL(fileURLWithPath: targetDirectory, relativeTo: context.currentDirectory).standardizedFileURL
            let read = { (name: String) in
                FileManager.default.contents(atPath: folder.appendingPathComponent(name).path)
            }
            let (results, sources, manifest) = (read("run_results.json"), read("sources.json"), read("manifest.json"))
            guard results != nil || sources != nil else {
                context.printError(
                    "error: '\(targetDirectory)' has neither run_results.json nor sources.json; is it dbt's target folder?"
                )
                throw ExitCode(1)
            }
            let artifacts: DbtArtifacts
            do {
                artifacts = try DbtArtifacts(
                    runResults: results,
                    sources: sources,
                    manifest: manifest,
                    catalog: plan.catalog
                )
            } catch {
                context.printError("error: \(error.description)")
                throw ExitCode(1)
            }
            let stored = try await storeOptions.withStore(configURL: configOptions.configURL(in: context), in: context)
            {
                try await $0.record(artifacts)
            }
            let unmatched = artifacts.nodeRuns.filter { $0.pipeline == nil }.count
            context.print(
                "ingested dbt invocation \(artifacts.invocationID): \(stored.runs) node runs, \(stored.freshness) freshness "
                    + "results; \(unmatched) node\(unmatched == 1 ? "" : "s") map to no pipeline"
            )
        }
    }
}
