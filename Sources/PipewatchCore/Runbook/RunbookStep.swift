/// One step of a run book: what to do, and what Pipewatch can do or show for it.
public struct RunbookStep: Sendable, Equatable {
    /// The instruction, as the team wrote it.
    public var text: String
    /// Checks whose live results belong to this step.
    public var checks: [CheckID]
    /// Whether the step shows the pipeline's recent run history.
    public var showsRuns: Bool
    /// Who this step escalates to, if it is an escalation step.
    public var escalation: EscalationTarget?
    /// Who this step tells, if it is a notification step.
    public var notifications: [NotificationTarget]
    /// An action (from `actions:`) the step runs, such as a backfill.
    public var action: ActionID?

    /// Creates a run book step.
    public init(
        text: String,
        checks: [CheckID] = [],
        showsRuns: Bool = false,
        escalation: EscalationTarget? = nil,
        notifications: [NotificationTarget] = [],
        action: ActionID? = nil
    ) {
        self.text = text
        self.checks = checks
        self.showsRuns = showsRuns
        self.escalation = escalation
        self.notifications = notifications
        self.action = action
    }
}
