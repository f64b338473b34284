import Foundation
import PipewatchCore

/// What a probe measured for a check, or why it could not.
enum Measured {
    case measured(CheckMeasurement)
    case failed(any Error)
}

/// Keeps, while a check runs, the statements it ran and how long it took, and builds its result.
struct Recorder {
    let entry: (check: Check, pipeline: PipelineID)
    let at: Date
    let clock: ContinuousClock
    let started: ContinuousClock.Instant
    var sql: [String] = []

    init(
        entry: (check: Check, pipeline: PipelineID),
        at: Date,
        clock: ContinuousClock,
        started: ContinuousClock.Instant
    ) {
        self.entry = entry
        self.at = at
        self.clock = clock
        self.started = started
    }

    /// Runs `statement` on `connection`, keeping it.
    mutating func run(
        _ statement: String,
        on connection: (any SourceConnection)?,
        timeout: Duration
    )
        async throws(ProbeError) -> QueryRows
    {
        guard let connection else { throw .misconfigured("the check has no data source to query") }
        sql.append(statement)
        return try await connection.rows(statement, timeout: timeout)
    }

    /// The check's result: the judge's verdict, or `error` with the reason it could not measure.
    func result(_ judge: CheckJudge, _ measured: Measured, history: CheckHistory) -> CheckResult {
        let verdict: CheckVerdict =
            switch measured {
            case .measured(let measurement): judge.verdict(of: entry.check, measurement, history: history, at: at)
            case .failed(let error): CheckVerdict(.error, message: "\(error)")
            }
        return CheckResult(
            check: entry.check.id,
            pipeline: entry.pipeline,
            state: verdict.state,
            value: verdict.value,
            threshold: verdict.threshold,
            message: verdict.message,
            examples: verdict.examples,
            sql: sql,
            observations: verdict.observations,
            startedAt: at,
            duration: clock.now - started,
            columns: verdict.columns
        )
    }
}
