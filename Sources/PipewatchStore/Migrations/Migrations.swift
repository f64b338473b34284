/// The schema's migrations, in the order they are applied.
enum Migrations {
    /// Every migration that has shipped; new ones go at the end. The order here, not the
    /// ids, decides the order of application, so branches that add migrations merge by
    /// appending.
    static let all: [Migration] = [
        scheduleState,
        runSignals,
        incidents,
        checks,
        runAssembly,
        runParents,
        pipelineChanges,
        dashboardSessions,
        calendarFeeds,
        leases,
        runsByPipelineJob,
    ]
}
