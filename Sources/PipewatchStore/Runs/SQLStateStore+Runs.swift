public import Foundation
public import PipewatchCore
import SQLKit

extension SQLStateStore: RunStore {
    public func ping() async throws(StoreError) {
        try await perform("the database does not answer") {
            try await executor.read { database in try await database.raw("SELECT 1").run() }
        }
    }

    public func record(_ events: [IncomingEvent], receivedAt: Date) async throws(StoreError) -> [Bool] {
        guard !events.isEmpty else { return [] }
        let received = EpochMilliseconds(receivedAt).value
        let engine = executor.engine
        return try await perform("cannot store \(events.count) lineage event\(events.count == 1 ? "" : "s")") {
            try await executor.transaction { database in
                // Instances that ingest events of one run at once would each merge its kept
                // assembly without the other's event: the runs are locked until this commits.
                try await AdvisoryLock.take(AdvisoryLock.runs, events.map(\.event.runID), in: database, engine: engine)
                // One statement for the whole batch: the unique key drops repeats, RETURNING names the new rows.
                let values = events.map { incoming -> SQLQueryString in
                    let event = incoming.event
                    let row: [any Encodable & Sendable] = [
                        event.runID, event.eventType.rawValue, EventKey(event).eventTimeMs, event.job.namespace,
                        event.job.name, incoming.body, received,
                    ]
                    return "(\(binds: row))"
                }
                let new = try await database.raw(
                    """
                    INSERT INTO lineage_events
                        (run_id, event_type, event_time_ms, job_namespace, job_name, body, received_at_ms)
                    VALUES \(values.joined(separator: ", "))
                    ON CONFLICT (run_id, event_type, event_time_ms) DO NOTHING
                    RETURNING run_id, event_type, event_time_ms
                    """
                ).all(decoding: EventKey.self, keyDecodingStrategy: .convertFromSnakeCase)
                var unclaimed = Set(new)
                let inserted = events.map { unclaimed.remove(EventKey($0.event)) != nil }
                let touched = events.indices.filter { inserted[$0] }.map { events[$0] }
                if !touched.isEmpty { try await Self.reassemble(touched, in: database) }
                return inserted
            }
        }
    }

    /// Merges the new events into their runs' kept assemblies: each event costs the same however
    /// long its run is. A run without a kept assembly (stored before `0005_run_assembly`) is
    /// assembled once from every event stored for it; events of this batch are used as decoded.
    private static func reassemble(_ fresh: [IncomingEvent], in database: any SQLDatabase) async throws {
        var pipelines: [String: PipelineID] = [:]
        for incoming in fresh where pipelines[incoming.event.runID] == nil {
            pipelines[incoming.event.runID] = incoming.pipeline
        }
        let runIDs = Array(Set(fresh.map(\.event.runID))).sorted()
        let kept = try await database.raw(
            "SELECT run_id, assembly FROM runs WHERE run_id IN (\(binds: runIDs as [any Encodable & Sendable]))"
        ).all(decoding: KeptAssembly.self, keyDecodingStrategy: .convertFromSnakeCase)
        var assemblies: [String: RunAssembly] = [:]
        for row in kept {
            guard let text = row.assembly else { continue }
            assemblies[row.runId] = try? JSONDecoder().decode(RunAssembly.self, from: Data(text.utf8))
        }
        let unassembled = runIDs.filter { assemblies[$0] == nil }
        if !unassembled.isEmpty {
            let known = Dictionary(
                fresh.map { (EventKey($0.event), $0.event) },
                uniquingKeysWith: { first, _ in first }
            )
            let stored = try await database.raw(
                """
                SELECT run_id, event_type, event_time_ms, body FROM lineage_events
                WHERE run_id IN (\(binds: unassembled as [any Encodable & Sendable]))
                """
            ).all(decoding: StoredEvent.self, keyDecodingStrategy: .convertFromSnakeCase)
            for row in stored {
                let key = EventKey(runId: row.runId, eventType: row.eventType, eventTimeMs: row.eventTimeMs)
                guard let event = known[key] ?? (try? LineageEventDecoder.decode(Data(row.body.utf8))) else { continue }
                assemblies.merge([row.runId: RunAssembly(event)]) { $0.merging($1) }
            }
        }
        // Merging is idempotent, so the events just read back above may be merged again.
        for incoming in fresh {
            assemblies.merge([incoming.event.runID: RunAssembly(incoming.event)]) { $0.merging($1) }
        }
        var runs: [RunRow] = []
        var updates: [DatasetIdentity: Int64] = [:]
        var texts: [String: String] = [:]
        for runID in runIDs {
            guard let assembly = assemblies[runID] else { continue }
            let run = assembly.run
            runs.append(try RunRow(run: run, source: "openlineage", pipeline: pipelines[runID]))
            texts[runID] = String(decoding: try JSONEncoder().encode(assembly), as: UTF8.self)
            guard run.state == .completed, let ended = run.endedAt else { continue }
            for output in run.outputs {
                let at = EpochMilliseconds(ended).value
                if at > updates[output.identity] ?? .min { updates[output.identity] = at }
            }
        }
        try await upsert(runs, assemblies: texts, into: database)
        guard !updates.isEmpty else { return }
        let values = updates.keys.sorted().map { identity -> SQLQueryString in
            "(\(binds: [identity.namespace, identity.name, updates[identity] ?? 0] as [any Encodable & Sendable]))"
        }
        try await database.raw(
            """
            INSERT INTO dataset_updates (namespace, name, updated_at_ms) VALUES \(values.joined(separator: ", "))
            ON CONFLICT (namespace, name) DO UPDATE SET updated_at_ms = CASE
                WHEN excluded.updated_at_ms > dataset_updates.updated_at_ms THEN excluded.updated_at_ms
                ELSE dataset_updates.updated_at_ms END
            """
        ).run()
    }

    /// Inserts or replaces runs, each once, in one statement, with their kept assemblies (by run id).
    private static func upsert(
        _ rows: [RunRow],
        assemblies: [String: String] = [:],
        into database: any SQLDatabase
    ) async throws {
        guard !rows.isEmpty else { return }
        let values = rows.map { row -> SQLQueryString in
            let columns: [any Encodable & Sendable] = [
                row.runId, row.source, row.jobNamespace, row.jobName, row.pipeline, row.state, row.dbtStatus,
                row.startedAtMs, row.endedAtMs, row.lastEventMs, row.errorMessage, row.parentRunId, row.datasets,
                assemblies[row.runId],
            ]
            return "(\(binds: columns))"
        }
        try await database.raw(
            """
            INSERT INTO runs (run_id, source, job_namespace, job_name, pipeline, state, dbt_status, started_at_ms,
                ended_at_ms, last_event_ms, error_message, parent_run_id, datasets, assembly)
            VALUES \(values.joined(separator: ", "))
            ON CONFLICT (run_id) DO UPDATE SET
                source = excluded.source, job_namespace = excluded.job_namespace, job_name = excluded.job_name,
                pipeline = COALESCE(excluded.pipeline, runs.pipeline), state = excluded.state,
                dbt_status = excluded.dbt_status, started_at_ms = excluded.started_at_ms,
                ended_at_ms = excluded.ended_at_ms, last_event_ms = excluded.last_event_ms,
                error_message = excluded.error_message, parent_run_id = excluded.parent_run_id,
                datasets = excluded.datasets, assembly = excluded.assembly
            """
        ).run()
    }

    public func record(_ artifacts: DbtArtifacts) async throws(StoreError) -> (runs: Int, freshness: Int) {
        // A node listed twice keeps its last result (PostgreSQL refuses to upsert a row twice in one statement).
        let latest = Dictionary(artifacts.nodeRuns.map { ($0.run.id, $0) }, uniquingKeysWith: { _, last in last })
        let nodes = artifacts.nodeRuns.filter { latest[$0.run.id] == $0 }
        let rows = try nodes.map { node throws(StoreError) in
            do {
                return try RunRow(run: node.run, source: "dbt", pipeline: node.pipeline, dbtStatus: node.status)
            } catch {
                throw StoreError.invalidValue("cannot store dbt node '\(node.run.job.name)'")
            }
        }
        return try await perform("cannot store the dbt invocation '\(artifacts.invocationID)'") {
            try await executor.transaction { database in
                for chunk in stride(from: 0, to: rows.count, by: 500) {
                    try await Self.upsert(Array(rows[chunk..<min(chunk + 500, rows.count)]), into: database)
                }
                for entry in artifacts.freshness {
                    let source = entry.result
                    try await database.raw(
                        """
                        INSERT INTO source_freshness (unique_id, pipeline, status, max_loaded_at_ms, snapshotted_at_ms, age_s)
                        VALUES (\(bind: source.uniqueID), \(bind: entry.pipeline?.rawValue), \(bind: source.status.rawValue),
                            \(bind: source.maxLoadedAt.map { EpochMilliseconds($0).value }),
                            \(bind: EpochMilliseconds(source.snapshottedAt).value), \(bind: source.ageSeconds))
                        ON CONFLICT (unique_id) DO UPDATE SET pipeline = COALESCE(excluded.pipeline, source_freshness.pipeline), status = excluded.status,
                            max_loaded_at_ms = excluded.max_loaded_at_ms, snapshotted_at_ms = excluded.snapshotted_at_ms,
                            age_s = excluded.age_s
                        """
                    ).run()
                }
                return (rows.count, artifacts.freshness.count)
            }
        }
    }

    /// Forgets every run's kept assembly, as a store written before `0005_run_assembly` has none;
    /// for tests of that path.
    package func forgetRunAssembliesForTesting() async throws(StoreError) {
        try await perform("cannot forget run assemblies") {
            try await executor.transaction { database in try await database.raw("UPDATE runs SET assembly = NULL").run()
            }
        }
    }

    public func runs(of pipeline: PipelineID, limit: Int) async throws(StoreError) -> [Run] {
        let rows = try await perform("cannot list the runs of '\(pipeline)'") {
            try await executor.read { database in
                try await database.raw(
                    """
                    SELECT * FROM runs WHERE pipeline = \(bind: pipeline.rawValue)
                    ORDER BY started_at_ms DESC, run_id DESC LIMIT \(bind: limit)
                    """
                ).all(decoding: RunRow.self, keyDecodingStrategy: .convertFromSnakeCase)
            }
        }
        return try rows.map { row throws(StoreError) in try row.run() }
    }

    public func evidence(
        for pipeline: PipelineID,
        inputs: [String],
        perJob: Int
    ) async throws(StoreError)
        -> SignalDetector.Evidence
    {
        let (rows, updates, freshness) = try await perform("cannot read the evidence of '\(pipeline)'") {
            try await executor.read { database in
                let rows = try await Self.newestRunsPerJob(of: pipeline, limit: perJob, in: database)
                let updates =
                    inputs.isEmpty
                    ? []
                    : try await database.raw(
                        """
                        SELECT namespace, name, updated_at_ms FROM dataset_updates
                        WHERE name IN (\(binds: inputs as [any Encodable & Sendable]))
                        """
                    ).all(decoding: DatasetUpdateRow.self, keyDecodingStrategy: .convertFromSnakeCase)
                let freshness = try await database.raw(
                    "SELECT * FROM source_freshness WHERE pipeline = \(bind: pipeline.rawValue) ORDER BY unique_id"
                ).all(decoding: FreshnessRow.self, keyDecodingStrategy: .convertFromSnakeCase)
                return (rows, updates, freshness)
            }
        }
        return SignalDetector.Evidence(
            runs: try rows.map { row throws(StoreError) in try row.run() },
            datasetUpdates: updates.map {
                DatasetUpdate(namespace: $0.namespace, name: $0.name, at: EpochMilliseconds($0.updatedAtMs).date)
            },
            sourceFreshness: freshness.map(\.result)
        )
    }

    /// The newest `limit` runs of each job of `pipeline`, read job by job through
    /// `runs_by_pipeline_job`: the next job after the last one read, then that job's newest runs.
    /// A window over all the pipeline's runs did the same in one statement, but it ranked every
    /// run ever stored, and ingest slowed down as the history grew.
    private static func newestRunsPerJob(
        of pipeline: PipelineID,
        limit: Int,
        in database: any SQLDatabase
    ) async throws -> [RunRow] {
        struct Job: Decodable {
            var jobNamespace: String
            var jobName: String
        }
        func first(_ condition: SQLQueryString) async throws -> Job? {
            try await database.raw(
                """
                SELECT job_namespace, job_name FROM runs WHERE pipeline = \(bind: pipeline.rawValue) \(condition)
                ORDER BY job_namespace, job_name LIMIT 1
                """
            ).first(decoding: Job.self, keyDecodingStrategy: .convertFromSnakeCase)
        }
        var rows: [RunRow] = []
        var next = try await first("")
        while let job = next {
            rows += try await database.raw(
                """
                SELECT * FROM runs WHERE pipeline = \(bind: pipeline.rawValue)
                AND job_namespace = \(bind: job.jobNamespace) AND job_name = \(bind: job.jobName)
                ORDER BY started_at_ms DESC, run_id DESC LIMIT \(bind: limit)
                """
            ).all(decoding: RunRow.self, keyDecodingStrategy: .convertFromSnakeCase)
            // The next job: in the same namespace, else in the next one. One condition with an OR
            // would read the same, but SQLite then scans every run of this job to find the next.
            next = try await first("AND job_namespace = \(bind: job.jobNamespace) AND job_name > \(bind: job.jobName)")
            if next == nil { next = try await first("AND job_namespace > \(bind: job.jobNamespace)") }
        }
        return rows
    }

    public func unmatchedJobs() async throws(StoreError) -> [UnmatchedJob] {
        struct Row: Decodable {
            var jobNamespace: String
            var jobName: String
            var runs: Int64
            var lastSeenMs: Int64
        }
        let rows = try await perform("cannot list unmatched jobs") {
            try await executor.read { database in
                try await database.raw(
                    """
                    SELECT job_namespace, job_name, COUNT(*) AS runs, MAX(last_event_ms) AS last_seen_ms FROM runs
                    WHERE pipeline IS NULL GROUP BY job_namespace, job_name ORDER BY job_namespace, job_name
                    """
                ).all(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase)
            }
        }
        return rows.map {
            UnmatchedJob(
                job: JobName(namespace: $0.jobNamespace, name: $0.jobName),
                runs: Int($0.runs),
                lastSeen: EpochMilliseconds($0.lastSeenMs).date
            )
        }
    }

    public func runCounts() async throws(StoreError) -> [RunState: Int] {
        struct Row: Decodable {
            var state: String
            var count: Int64
        }
        let rows = try await perform("cannot count runs") {
            try await executor.read { database in
                try await database.raw("SELECT state, COUNT(*) AS count FROM runs GROUP BY state").all(
                    decoding: Row.self
                )
            }
        }
        var counts: [RunState: Int] = [:]
        for row in rows { if let state = RunState(rawValue: row.state) { counts[state] = Int(row.count) } }
        return counts
    }

    public func pipelinesWithEvidence() async throws(StoreError) -> Set<PipelineID> {
        struct Row: Decodable { var pipeline: String }
        let rows = try await perform("cannot read which pipelines have runs") {
            try await executor.read { database in
                try await database.raw(
                    """
                    SELECT DISTINCT pipeline FROM runs WHERE pipeline IS NOT NULL
                    UNION SELECT DISTINCT pipeline FROM check_results
                    """
                ).all(decoding: Row.self)
            }
        }
        return Set(rows.map { PipelineID($0.pipeline) })
    }
}

/// A row of `dataset_updates`.
private struct DatasetUpdateRow: Decodable {
    var namespace: String
    var name: String
    var updatedAtMs: Int64
}

/// A row of `source_freshness`.
private struct FreshnessRow: Decodable {
    var uniqueId: String
    var status: String
    var maxLoadedAtMs: Int64?
    var snapshottedAtMs: Int64
    var ageS: Double?

    var result: SourceFreshness {
        SourceFreshness(
            uniqueID: uniqueId,
            status: SourceFreshness.Status(rawValue: status) ?? .unknown,
            maxLoadedAt: maxLoadedAtMs.map { EpochMilliseconds($0).date },
            snapshottedAt: EpochMilliseconds(snapshottedAtMs).date,
            ageSeconds: ageS
        )
    }
}

/// The identity of a stored event: its run, type and time.
private struct EventKey: Hashable, Decodable {
    var runId: String
    var eventType: String
    var eventTimeMs: Int64

    init(runId: String, eventType: String, eventTimeMs: Int64) {
        self.runId = runId
        self.eventType = eventType
        self.eventTimeMs = eventTimeMs
    }

    init(_ event: LineageEvent) {
        self.init(
            runId: event.runID,
            eventType: event.eventType.rawValue,
            eventTimeMs: EpochMilliseconds(event.eventTime).value
        )
    }
}

/// A run's kept assembly, as JSON; `nil` for runs stored before it was kept, and for dbt nodes.
private struct KeptAssembly: Decodable {
    var runId: String
    var assembly: String?
}

/// An event as stored, for re-assembly.
private struct StoredEvent: Decodable {
    var runId: String
    var eventType: String
    var eventTimeMs: Int64
    var body: String
}
