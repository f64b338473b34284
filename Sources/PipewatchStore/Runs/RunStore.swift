public import Foundation
public import PipewatchCore

/// The runs side of the store: OpenLineage events as received, runs assembled from them and
/// from dbt artifacts, dataset updates and dbt source freshness: what signals are computed from.
public protocol RunStore: Sendable {
    /// Asks the database a trivial question, for health probes.
    /// - Throws: ``StoreError`` when it cannot be reached or does not answer in time.
    func ping() async throws(StoreError)

    /// Stores events in one transaction and re-assembles the runs they touch.
    ///
    /// - Parameters:
    ///   - events: The events, each with its request body and the pipeline it maps to.
    ///   - receivedAt: When they arrived.
    /// - Returns: For each event, whether it was new (a repeated event is stored once).
    /// - Throws: ``StoreError`` when the database fails; then nothing of the batch is stored.
    func record(_ events: [IncomingEvent], receivedAt: Date) async throws(StoreError) -> [Bool]

    /// Stores the runs and freshness results of one dbt invocation; ingesting it again changes nothing.
    ///
    /// - Returns: How many node runs and freshness results were stored.
    func record(_ artifacts: DbtArtifacts) async throws(StoreError) -> (runs: Int, freshness: Int)

    /// The newest runs of a pipeline, newest first.
    func runs(of pipeline: PipelineID, limit: Int) async throws(StoreError) -> [Run]

    /// What signal detection needs for a pipeline: its recent runs (up to `perJob` per job),
    /// the updates of the datasets named in `inputs`, and its dbt source freshness.
    func evidence(
        for pipeline: PipelineID,
        inputs: [String],
        perJob: Int
    ) async throws(StoreError)
        -> SignalDetector.Evidence

    /// Since when each pipeline has been watched: the first time this was asked for it (then `now`
    /// is recorded), so deadlines from before Pipewatch ran are never judged.
    ///
    /// - Parameters:
    ///   - pipelines: The pipelines.
    ///   - now: Recorded for pipelines asked about for the first time.
    /// - Returns: Each pipeline's first-watched instant.
    func watchStart(of pipelines: [PipelineID], at now: Date) async throws(StoreError) -> [PipelineID: Date]

    /// Jobs that reported runs but map to no pipeline, with how many runs and when last seen.
    func unmatchedJobs() async throws(StoreError) -> [UnmatchedJob]

    /// The failures nobody is told about otherwise: for each job that maps to no pipeline, its
    /// latest run when that run failed or was aborted, newest first. A run with a child run that
    /// a pipeline claims is left out (its failure shows in that pipeline's signals: dbt-ol's
    /// `dbt-run-<project>` over a mapped model's test).
    func unmatchedFailures() async throws(StoreError) -> [Run]

    /// Attributes every stored run to the pipeline `catalog` maps its job (or its parent run's
    /// job) to: runs of a job that matched no pipeline when they arrived are claimed once the
    /// config maps it, and OpenLineage runs follow a job moved to another pipeline (or dropped,
    /// back to unmatched). dbt artifact runs and source freshness results, attributed at ingest
    /// by the manifest's `meta` too, only gain a pipeline. Idempotent: calling it again with the
    /// same catalog changes nothing. `pipewatch serve` calls it at start; a config reload
    /// calls it with the new catalog, then evaluates the pipelines it names.
    ///
    /// - Parameter catalog: The pipelines and their jobs.
    /// - Returns: How many runs moved, and the pipelines that gained or lost any.
    /// - Throws: ``StoreError`` when the database fails; then nothing changed.
    @discardableResult
    func reattribute(catalog: Catalog) async throws(StoreError) -> Reattribution

    /// How many runs are in each state.
    func runCounts() async throws(StoreError) -> [RunState: Int]

    /// The pipelines with any evidence at all: a run, or a result of one of their checks.
    func pipelinesWithEvidence() async throws(StoreError) -> Set<PipelineID>
}

/// An OpenLineage event on its way into the store.
public struct IncomingEvent: Sendable {
    public var event: LineageEvent
    /// The request body as received (decompressed), kept for re-assembly and audit.
    public var body: String
    public var pipeline: PipelineID?

    /// Creates an incoming event.
    public init(event: LineageEvent, body: String, pipeline: PipelineID?) {
        self.event = event
        self.body = body
        self.pipeline = pipeline
    }
}

/// A job Pipewatch hears about but no pipeline claims.
public struct UnmatchedJob: Sendable, Hashable {
    public var job: JobName
    public var runs: Int
    public var lastSeen: Date

    /// Creates an entry.
    public init(job: JobName, runs: Int, lastSeen: Date) {
        self.job = job
        self.runs = runs
        self.lastSeen = lastSeen
    }
}

/// What ``RunStore/reattribute(catalog:)`` changed.
public struct Reattribution: Sendable, Hashable {
    /// Runs (and dbt source freshness results) whose pipeline changed.
    public var runs: Int
    /// The pipelines that gained or lost runs: their signals need evaluating again.
    public var pipelines: Set<PipelineID>

    /// Creates a summary.
    public init(runs: Int = 0, pipelines: Set<PipelineID> = []) {
        self.runs = runs
        self.pipelines = pipelines
    }
}
