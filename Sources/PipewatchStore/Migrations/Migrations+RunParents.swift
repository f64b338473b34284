extension Migrations {
    /// Runs by their parent run (issue 13): re-attributing runs when the config maps a job
    /// joins each run to its parent, and an unmatched job's failure is not reported on its own
    /// when a child of the run is attributed to a pipeline (dbt-ol's `dbt-run-<project>` over
    /// its models and tests); both look runs up by `parent_run_id`.
    static let runParents = Migration(id: "0006_run_parents") { _ in
        ["CREATE INDEX runs_by_parent ON runs (parent_run_id)"]
    }
}
