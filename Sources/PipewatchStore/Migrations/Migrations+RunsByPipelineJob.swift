extension Migrations {
    /// Runs by pipeline and job, newest last: a signal evaluation reads the newest runs of
    /// each job of a pipeline, and it walks this index job by job (a loose index scan) instead
    /// of ranking every run the pipeline ever had, so ingest costs the same per event after a
    /// year of runs as on the first day.
    static let runsByPipelineJob = Migration(id: "0011_runs_by_pipeline_job") { _ in
        ["CREATE INDEX runs_by_pipeline_job ON runs (pipeline, job_namespace, job_name, started_at_ms, run_id)"]
    }
}
