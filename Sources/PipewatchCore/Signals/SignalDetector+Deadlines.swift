import Foundation

extension SignalDetector {
    /// The deadline that passed most recently, when no run of the pipeline completed since the one
    /// before it, including when none has ever reported. Pipelines that declare no jobs are not
    /// judged: Pipewatch has no way to see them deliver. Nor is a deadline that passed before
    /// `watchedSince`: Pipewatch was not there to see a delivery (no false alarm at install).
    func missedDeadline(_ pipeline: Pipeline, runs: [Run], watchedSince: Date?, at now: Date) -> [Signal] {
        guard let deadline = pipeline.deliverBy, !pipeline.jobs.isEmpty else { return [] }
        let today = LocalDate(now, in: deadline.timeZone)
        var due = today.instant(at: deadline.time, in: deadline.timeZone)
        var day = today
        if due > now {
            day = today.adding(days: -1)
            due = day.instant(at: deadline.time, in: deadline.timeZone)
        }
        let previous = day.adding(days: -1).instant(at: deadline.time, in: deadline.timeZone)
        if let watchedSince, watchedSince >= due { return [] }
        let delivered = runs.contains { run in
            guard run.state == .completed, let ended = run.endedAt else { return false }
            return ended > previous
        }
        guard !delivered else { return [] }
        let zone = deadline.timeZone
        return [
            Signal(
                kind: .missedDeadline,
                pipeline: pipeline.id,
                subject: "deadline:\(day)",
                openedAt: due,
                summary:
                    "'\(pipeline.name)' was due by \(deadline.time) \(zone.identifier) on \(day) and no run has completed",
                evidence: [
                    "due": ISO8601Text.format(due, in: zone), "period_start": ISO8601Text.format(previous, in: zone),
                    "last_completed": runs.filter { $0.state == .completed }.compactMap(\.endedAt).max()
                        .map { ISO8601Text.format($0, in: zone) } ?? "never",
                ]
            )
        ]
    }

    /// Inputs whose last update is older than their `max_age`. An input never seen written is
    /// not judged: Pipewatch cannot tell a dataset it is not told about from a late one.
    func lateInputs(_ pipeline: Pipeline, updates: [DatasetUpdate], at now: Date) -> [Signal] {
        pipeline.inputs.compactMap { input in
            let matching = updates.filter { input.matches(DatasetObservation(namespace: $0.namespace, name: $0.name)) }
            guard let last = matching.map(\.at).max() else { return nil }
            let allowed = TimeInterval(input.maxAge.components.seconds)
            let age = now.timeIntervalSince(last)
            guard age > allowed else { return nil }
            return Signal(
                kind: .lateInput,
                pipeline: pipeline.id,
                subject: "dataset:\(input.name)",
                openedAt: last.addingTimeInterval(allowed),
                summary:
                    "input \(input.name) was last updated \(Self.minutes(age)) ago, more than \(DurationText.format(input.maxAge))",
                evidence: [
                    "dataset": input.name, "last_update": ISO8601Text.format(last, in: .gmt),
                    "age_s": Self.seconds(age), "max_age_s": Self.seconds(allowed),
                ]
            )
        }
    }

    /// dbt sources whose freshness check warned or failed.
    func lateSources(_ pipeline: Pipeline, freshness: [SourceFreshness]) -> [Signal] {
        freshness.filter { $0.status == .warn || $0.status == .error }.map { source in
            var evidence = ["source": source.uniqueID, "status": source.status.rawValue]
            evidence["age_s"] = source.ageSeconds.map(Self.seconds)
            evidence["max_loaded_at"] = source.maxLoadedAt.map { ISO8601Text.format($0, in: .gmt) }
            let age = source.ageSeconds.map { " (last loaded \(Self.minutes($0)) ago)" } ?? ""
            return Signal(
                kind: .lateInput,
                pipeline: pipeline.id,
                subject: "source:\(source.uniqueID)",
                openedAt: source.snapshottedAt,
                summary: "dbt source \(source.uniqueID) freshness is \(source.status.rawValue)\(age)",
                evidence: evidence
            )
        }
    }
}
