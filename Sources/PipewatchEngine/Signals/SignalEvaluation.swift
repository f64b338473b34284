public import Foundation
public import PipewatchCore
public import PipewatchStore

/// Works out what the runs in the store say about pipelines now: the signals
/// ``SignalDetector`` finds in each pipeline's evidence.
public struct SignalEvaluation: Sendable {
    public let catalog: Catalog
    public let runs: any RunStore
    /// Where the latest check results are read; checks raise no signal without it.
    public let checks: (any CheckStore)?
    public let detector: SignalDetector

    /// Creates the use case.
    public init(
        catalog: Catalog,
        runs: any RunStore,
        checks: (any CheckStore)? = nil,
        detector: SignalDetector = SignalDetector()
    ) {
        self.catalog = catalog
        self.runs = runs
        self.checks = checks
        self.detector = detector
    }

    /// The signals of every pipeline (or of those given), ordered by pipeline in config order,
    /// then kind and subject.
    ///
    /// - Parameters:
    ///   - pipelines: Only these pipelines, when given.
    ///   - now: The instant to judge at.
    /// - Throws: ``StoreError`` when the database fails.
    public func signals(of pipelines: Set<PipelineID>? = nil, at now: Date) async throws(StoreError) -> [Signal] {
        let chosen = catalog.pipelines.filter { pipelines?.contains($0.id) ?? true }
        let watched = try await runs.watchStart(of: chosen.map(\.id), at: now)
        var signals: [Signal] = []
        for pipeline in chosen {
            signals += try await self.signals(of: pipeline, watchedSince: watched[pipeline.id] ?? now, at: now)
        }
        return signals
    }

    /// One pipeline's signals at `now`.
    ///
    /// - Parameters:
    ///   - pipeline: The pipeline.
    ///   - watchedSince: When Pipewatch began to watch it (``RunStore/watchStart(of:at:)``); its
    ///     earliest run counts too, when earlier.
    ///   - now: The instant to judge at.
    public func signals(of pipeline: Pipeline, watchedSince: Date, at now: Date) async throws(StoreError) -> [Signal] {
        detector.signals(for: pipeline, evidence: try await evidence(of: pipeline, watchedSince: watchedSince), at: now)
    }

    /// What detection looks at for one pipeline, read from the store.
    ///
    /// - Parameters:
    ///   - pipeline: The pipeline.
    ///   - watchedSince: When Pipewatch began to watch it; its earliest run counts too, when earlier.
    public func evidence(of pipeline: Pipeline, watchedSince: Date) async throws(StoreError) -> SignalDetector.Evidence
    {
        var evidence = try await runs.evidence(
            for: pipeline.id,
            inputs: pipeline.inputs.map(\.name),
            perJob: detector.slowRuns.history + 1
        )
        evidence.watchedSince = min(watchedSince, evidence.runs.map(\.startedAt).min() ?? watchedSince)
        if let checks, !pipeline.checks.isEmpty {
            evidence.checkResults = Array(try await checks.latestCheckResults(of: pipeline.id).values)
        }
        return evidence
    }
}
