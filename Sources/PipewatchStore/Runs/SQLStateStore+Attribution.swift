public import PipewatchCore
import SQLKit

extension SQLStateStore {
    public func reattribute(catalog: Catalog) async throws(StoreError) -> Reattribution {
        try await perform("cannot attribute the stored runs to the configured pipelines") {
            try await executor.transaction { database in
                var result = try await Self.reattributeRuns(catalog, in: database)
                let freshness = try await Self.attributeFreshness(catalog, in: database)
                result.runs += freshness.runs
                result.pipelines.formUnion(freshness.pipelines)
                return result
            }
        }
    }

    /// Runs grouped by what decides their pipeline (source, job, parent run's job, current
    /// pipeline): a handful of groups however many runs there are, each moved by one UPDATE.
    private static func reattributeRuns(_ catalog: Catalog, in database: any SQLDatabase) async throws -> Reattribution
    {
        let groups = try await database.raw(
            """
            SELECT r.source, r.job_namespace, r.job_name, r.pipeline, p.job_namespace AS parent_namespace,
                p.job_name AS parent_name, COUNT(*) AS runs
            FROM runs r LEFT JOIN runs p ON p.run_id = r.parent_run_id
            GROUP BY r.source, r.job_namespace, r.job_name, r.pipeline, p.job_namespace, p.job_name
            """
        ).all(decoding: AttributionGroup.self, keyDecodingStrategy: .convertFromSnakeCase)
        var result = Reattribution()
        for group in groups {
            let job = JobName(namespace: group.jobNamespace, name: group.jobName)
            let parent = group.parentName.map { JobName(namespace: group.parentNamespace ?? "", name: $0) }
            let wanted = catalog.pipeline(forJob: job, parent: parent)?.rawValue
            guard wanted != group.pipeline else { continue }
            // dbt artifacts may have been attributed by the manifest's meta, which is not stored:
            // a pipeline they got that way stays.
            if group.source == "dbt" && (group.pipeline != nil || wanted == nil) { continue }
            let current: SQLQueryString =
                group.pipeline.map { "pipeline = \(bind: $0)" } ?? "pipeline IS NULL"
            let parentCondition: SQLQueryString =
                if let parent {
                    """
                    parent_run_id IN (SELECT p.run_id FROM runs p
                        WHERE p.job_namespace = \(bind: parent.namespace) AND p.job_name = \(bind: parent.name))
                    """
                } else {
                    "NOT EXISTS (SELECT 1 FROM runs p WHERE p.run_id = runs.parent_run_id)"
                }
            try await database.raw(
                """
                UPDATE runs SET pipeline = \(bind: wanted)
                WHERE source = \(bind: group.source) AND job_namespace = \(bind: group.jobNamespace)
                    AND job_name = \(bind: group.jobName) AND \(current) AND \(parentCondition)
                """
            ).run()
            result.runs += Int(group.runs)
            for id in [wanted, group.pipeline].compactMap({ $0 }) { result.pipelines.insert(PipelineID(id)) }
        }
        return result
    }

    /// dbt source freshness results that no pipeline claimed, claimed by one naming the source.
    private static func attributeFreshness(
        _ catalog: Catalog,
        in database: any SQLDatabase
    ) async throws
        -> Reattribution
    {
        let unclaimed = try await database.raw("SELECT unique_id FROM source_freshness WHERE pipeline IS NULL")
            .all(decodingColumn: "unique_id", as: String.self)
        var result = Reattribution()
        for uniqueID in unclaimed {
            guard let wanted = catalog.pipeline(forJob: JobName(namespace: "dbt", name: uniqueID)) else { continue }
            try await database.raw(
                """
                UPDATE source_freshness SET pipeline = \(bind: wanted.rawValue)
                WHERE unique_id = \(bind: uniqueID) AND pipeline IS NULL
                """
            ).run()
            result.runs += 1
            result.pipelines.insert(wanted)
        }
        return result
    }

    public func unmatchedFailures() async throws(StoreError) -> [Run] {
        let rows = try await perform("cannot list the failures of unmatched jobs") {
            try await executor.read { database in
                try await database.raw(
                    """
                    SELECT * FROM (
                        SELECT runs.*, ROW_NUMBER() OVER (
                            PARTITION BY job_namespace, job_name ORDER BY started_at_ms DESC, run_id DESC) AS position
                        FROM runs WHERE pipeline IS NULL
                    ) ranked
                    WHERE position = 1 AND state IN ('failed', 'aborted')
                        AND NOT EXISTS (
                            SELECT 1 FROM runs child WHERE child.parent_run_id = ranked.run_id AND child.pipeline IS NOT NULL)
                    ORDER BY last_event_ms DESC, run_id
                    """
                ).all(decoding: RunRow.self, keyDecodingStrategy: .convertFromSnakeCase)
            }
        }
        return try rows.map { row throws(StoreError) in try row.run() }
    }
}

/// Runs that share what decides their pipeline.
private struct AttributionGroup: Decodable {
    var source: String
    var jobNamespace: String
    var jobName: String
    var pipeline: String?
    var parentNamespace: String?
    var parentName: String?
    var runs: Int64
}
