extension Migrations {
    /// What each OpenLineage run's events have said so far (``RunAssembly`` as JSON), so that a
    /// new event merges into it instead of re-reading every earlier event of the run (issue 14).
    /// Runs stored before have none; their next event assembles them from their events once.
    static let runAssembly = Migration(id: "0005_run_assembly") { _ in
        ["ALTER TABLE runs ADD COLUMN assembly TEXT"]
    }
}
