import Foundation
import PipewatchCore

/// A row of `runs`.
struct RunRow: Codable, Sendable {
    var runId: String
    var source: String
    var jobNamespace: String
    var jobName: String
    var pipeline: String?
    var state: String
    var dbtStatus: String?
    var startedAtMs: Int64
    var endedAtMs: Int64?
    var lastEventMs: Int64
    var errorMessage: String?
    var parentRunId: String?
    var datasets: String

    /// The datasets column: what the run read and wrote.
    struct Datasets: Codable {
        var inputs: [DatasetObservation]
        var outputs: [DatasetObservation]
    }

    init(run: Run, source: String, pipeline: PipelineID?, dbtStatus: String? = nil) throws {
        runId = run.id
        self.source = source
        jobNamespace = run.job.namespace
        jobName = run.job.name
        self.pipeline = pipeline?.rawValue
        state = run.state.rawValue
        self.dbtStatus = dbtStatus
        startedAtMs = EpochMilliseconds(run.startedAt).value
        endedAtMs = run.endedAt.map { EpochMilliseconds($0).value }
        lastEventMs = EpochMilliseconds(run.lastEventAt).value
        errorMessage = run.errorMessage
        parentRunId = run.parentRunID
        datasets = String(
            decoding: try JSONEncoder().encode(Datasets(inputs: run.inputs, outputs: run.outputs)),
            as: UTF8.self
        )
    }

    /// The run this row holds.
    func run() throws(StoreError) -> Run {
        guard let state = RunState(rawValue: state),
            let sets = try? JSONDecoder().decode(Datasets.self, from: Data(datasets.utf8))
        else {
            throw .unavailable(
                "run '\(runId)' in the state store is malformed; the database may have been edited by hand"
            )
        }
        return Run(
            id: runId,
            job: JobName(namespace: jobNamespace, name: jobName),
            state: state,
            startedAt: EpochMilliseconds(startedAtMs).date,
            endedAt: endedAtMs.map { EpochMilliseconds($0).date },
            lastEventAt: EpochMilliseconds(lastEventMs).date,
            errorMessage: errorMessage,
            parentRunID: parentRunId,
            inputs: sets.inputs,
            outputs: sets.outputs
        )
    }
}
