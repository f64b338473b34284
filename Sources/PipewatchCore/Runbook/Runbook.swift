/// The ordered steps an engineer follows when a pipeline breaks.
public struct Runbook: Sendable, Equatable {
    public var steps: [RunbookStep]

    /// Creates a run book.
    public init(steps: [RunbookStep]) {
        self.steps = steps
    }

    /// Whether the run book has no steps; investor-facing pipelines may not have an empty one.
    public var isEmpty: Bool { steps.isEmpty }
}
