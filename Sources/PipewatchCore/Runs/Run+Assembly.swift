extension Run {
    /// Assembles the run the events report, whatever order they arrived in; repeated events
    /// change nothing. `nil` when there are no events.
    ///
    /// The run ends with its latest terminal event (on a tie FAIL wins over ABORT over COMPLETE);
    /// it started at its START event; when START never arrived, at the start an orchestrator
    /// reported in a facet (``LineageEvent/reportedStart``) or its earliest event, whichever is
    /// earlier. See
    /// ``RunAssembly``, which keeps what the events said so that new ones merge in.
    public init?(assembling events: [LineageEvent]) {
        guard let assembly = RunAssembly(events) else { return nil }
        self = assembly.run
    }
}
