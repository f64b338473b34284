public import Foundation

/// Works out a pipeline's open signals from what the store holds. Pure: the same runs,
/// updates and instant always give the same signals, so a signal opens and clears on its own
/// as new events change the inputs.
public struct SignalDetector: Sendable {
    public var slowRuns: SlowRunPolicy

    /// Creates a detector.
    public init(slowRuns: SlowRunPolicy = SlowRunPolicy()) {
        self.slowRuns = slowRuns
    }

    /// Everything the detector looks at for one pipeline.
    public struct Evidence: Sendable {
        /// The pipeline's runs, in any order.
        public var runs: [Run]
        /// When each dataset was last written by a completed run (any pipeline's).
        public var datasetUpdates: [DatasetUpdate]
        /// dbt source-freshness results attributed to the pipeline.
        public var sourceFreshness: [SourceFreshness]
        /// Since when Pipewatch has watched the pipeline (its first event, or the first time it was
        /// evaluated): deadlines that passed earlier are not judged. `nil`: always watched.
        public var watchedSince: Date?
        /// The latest result of each of the pipeline's data checks.
        public var checkResults: [CheckResult]

        /// Creates the evidence.
        public init(
            runs: [Run],
            datasetUpdates: [DatasetUpdate] = [],
            sourceFreshness: [SourceFreshness] = [],
            watchedSince: Date? = nil,
            checkResults: [CheckResult] = []
        ) {
            self.runs = runs
            self.datasetUpdates = datasetUpdates
            self.sourceFreshness = sourceFreshness
            self.watchedSince = watchedSince
            self.checkResults = checkResults
        }
    }

    /// The open signals of `pipeline`, ordered by kind and subject.
    /// - Parameters:
    ///   - pipeline: the pipeline as configured.
    ///   - evidence: its runs and the updates of the datasets it reads.
    ///   - now: the instant to judge at (deadlines, runs still going).
    public func signals(for pipeline: Pipeline, evidence: Evidence, at now: Date) -> [Signal] {
        // A job's runs are judged against the runs of the same job doing the same work: dbt-ol's
        // `run` and `test` report under one parent job, and a later `run` says nothing about the tests.
        let invocations = DbtInvocation.kinds(of: evidence.runs)
        let byJob = Dictionary(grouping: evidence.runs) { JobWork(job: $0.job, invocation: invocations[$0.id]) }
        let ordered = byJob.mapValues { runs in
            runs.sorted { ($0.startedAt, $0.lastEventAt, $0.id) < ($1.startedAt, $1.lastEventAt, $1.id) }
        }
        // A failed run whose own child failed (an Airflow DAG run and its task, a dbt-ol invocation
        // and its model) is one failure: the child, which carries the error, reports it; the
        // parent's failure would page a second time for the same breakage.
        let failedParents = Set(
            ordered.values.compactMap { runs in runs.last.flatMap { $0.state.isFailure ? $0.parentRunID : nil } }
        )
        var signals: [Signal] = []
        for (work, ordered) in ordered {
            guard let latest = ordered.last else { continue }
            if !failedParents.contains(latest.id) {
                signals += failure(of: latest, subject: work.subject, pipeline: pipeline)
            }
            let maxDuration = pipeline.jobs.first { $0.identity.matches(work.job) }?.maxDuration
            signals += slowness(
                of: latest,
                subject: work.subject,
                history: ordered.dropLast(),
                maxDuration: maxDuration,
                pipeline: pipeline,
                at: now
            )
        }
        signals += missedDeadline(pipeline, runs: evidence.runs, watchedSince: evidence.watchedSince, at: now)
        signals += lateInputs(pipeline, updates: evidence.datasetUpdates, at: now)
        signals += lateSources(pipeline, freshness: evidence.sourceFreshness)
        signals += schemaChanges(pipeline, runs: evidence.runs)
        signals += checkProblems(pipeline, results: evidence.checkResults)
        return signals.sorted { ($0.kind.rawValue, $0.subject) < ($1.kind.rawValue, $1.subject) }
    }

    /// A signal for each check whose latest result failed or errored; it clears when the check
    /// passes (or warns) again. Checks no longer in the config are ignored.
    private func checkProblems(_ pipeline: Pipeline, results: [CheckResult]) -> [Signal] {
        results.filter { $0.state.isProblem && pipeline.check($0.check) != nil }.map { result in
            var evidence = ["check": result.check.rawValue, "state": result.state.rawValue, "message": result.message]
            evidence["value"] = result.value.map { $0.formattedPlain }
            evidence["threshold"] = result.threshold
            if let example = result.examples.first { evidence["example"] = example }
            return Signal(
                kind: result.state == .fail ? .checkFailed : .checkError,
                pipeline: pipeline.id,
                subject: "check:\(result.check)",
                openedAt: result.stateSince,
                summary:
                    "check \(result.check) \(result.state == .fail ? "failed" : "could not run"): \(result.message)",
                evidence: evidence
            )
        }
    }

    private func failure(of run: Run, subject: String, pipeline: Pipeline) -> [Signal] {
        guard let failure = RunFailure(run) else { return [] }
        return [
            Signal(
                kind: .processingFailure,
                pipeline: pipeline.id,
                subject: subject,
                openedAt: run.endedAt ?? run.lastEventAt,
                summary: failure.summary,
                evidence: failure.evidence
            )
        ]
    }

    private func slowness(
        of run: Run,
        subject: String,
        history: ArraySlice<Run>,
        maxDuration: Duration?,
        pipeline: Pipeline,
        at now: Date
    ) -> [Signal] {
        guard run.state == .completed || run.state == .running else { return [] }
        let durations = history.filter { $0.state == .completed }.suffix(slowRuns.history).map { $0.duration(at: now) }
        guard let limit = slowRuns.threshold(durations: durations, maxDuration: maxDuration) else { return [] }
        let took = run.duration(at: now)
        guard took > limit.seconds else { return [] }
        var evidence = [
            "job": run.job.description, "run_id": run.id, "duration_s": Self.seconds(took),
            "threshold_s": Self.seconds(limit.seconds), "basis": limit.basis,
        ]
        if let median = limit.median { evidence["median_s"] = Self.seconds(median) }
        evidence["samples"] = String(durations.count)
        let still = run.state == .running ? "has been running" : "took"
        return [
            Signal(
                kind: .slowRun,
                pipeline: pipeline.id,
                subject: subject,
                openedAt: run.startedAt.addingTimeInterval(limit.seconds),
                summary:
                    "\(run.job) \(still) \(Self.minutes(took)), beyond \(Self.minutes(limit.seconds)) (\(limit.basis))",
                evidence: evidence
            )
        ]
    }

    static func seconds(_ value: TimeInterval) -> String { String(Int(value.rounded())) }

    static func minutes(_ value: TimeInterval) -> String {
        value < 120 ? "\(Int(value.rounded()))s" : "\(Int((value / 60).rounded()))m"
    }
}

/// A job and the kind of work a run of it did, the unit whose latest run is judged.
private struct JobWork: Hashable {
    var job: JobName
    var invocation: DbtInvocation?

    /// `job:dbt/dbt-run-shop`, with the kind for a dbt-ol parent job: `job:dbt/dbt-run-shop (dbt test)`.
    var subject: String { invocation.map { "job:\(job) (dbt \($0.rawValue))" } ?? "job:\(job)" }
}
