public import Foundation
public import PipewatchCore

/// Signal states, incidents, escalation steps and the outbox: the engine's durable state.
///
/// Changes go through ``transaction(_:)`` so that a state change and the work it causes are
/// stored together; reads and the dispatcher's bookkeeping have their own calls.
public protocol IncidentStore: ReviewStore {
    /// Runs `body` in one transaction: committed when it returns, rolled back when it throws.
    ///
    /// - Throws: ``StoreError`` when the database fails; what `body` throws, unchanged.
    func transaction<Result: Sendable>(
        _ body: @Sendable (any IncidentTransaction) async throws -> Result
    ) async throws -> Result

    /// Open signals, of one pipeline or all, ordered by pipeline, kind and subject.
    func openSignals(pipeline: PipelineID?) async throws(StoreError) -> [SignalState]

    /// Incidents, newest first.
    ///
    /// - Parameters:
    ///   - states: Only these states (all when empty).
    ///   - pipeline: Only this pipeline's, when given.
    ///   - limit: The most to return.
    func incidents(states: Set<IncidentState>, pipeline: PipelineID?, limit: Int) async throws(StoreError) -> [Incident]

    /// The newest open incident of each pipeline that has one.
    func newestOpenIncidents() async throws(StoreError) -> [Incident]

    /// One incident with its evidence.
    ///
    /// - Throws: ``StoreError/notFound(_:)`` when no incident has this id.
    func incident(id: Int64) async throws(StoreError) -> (Incident, evidence: [String: String])

    /// An incident's timeline, oldest first.
    func timeline(incidentID: Int64) async throws(StoreError) -> [TimelineEntry]

    /// An incident's escalation steps, in order.
    func escalationSteps(incidentID: Int64) async throws(StoreError) -> [EscalationStep]

    /// Open incidents whose signals have all been clear since before `instant`.
    func incidentsCleared(before instant: Date) async throws(StoreError) -> [Incident]

    /// Pending escalation steps due at or before `instant`, earliest first.
    func dueSteps(at instant: Date, limit: Int) async throws(StoreError) -> [EscalationStep]

    /// Claims pending messages due at `instant` for `lease` (so no other dispatcher takes them), earliest first.
    func claimDueMessages(at instant: Date, lease: Duration, limit: Int) async throws(StoreError) -> [OutboxMessage]

    /// Records a delivery.
    func markDelivered(messageID: Int64, at instant: Date) async throws(StoreError)

    /// Records a failed attempt: retried at `retryAt`, or dead when `retryAt` is `nil`.
    func markFailed(messageID: Int64, error: String, retryAt: Date?) async throws(StoreError)

    /// Messages, newest first: of one incident, or in one state, or all.
    func messages(
        incidentID: Int64?,
        state: OutboxMessage.State?,
        limit: Int
    ) async throws(StoreError) -> [OutboxMessage]

    /// Puts a dead (or pending) message back in the queue, due at `instant`, with its attempts reset.
    ///
    /// - Throws: ``StoreError/notFound(_:)``; ``StoreError/conflict(_:)`` when it was delivered.
    func retryMessage(id: Int64, at instant: Date) async throws(StoreError) -> OutboxMessage

    /// The run book steps marked during an incident, by step.
    func runbookMarks(incidentID: Int64) async throws(StoreError) -> [RunbookStepMark]

    /// The actions run during an incident, oldest first.
    func actionRuns(incidentID: Int64) async throws(StoreError) -> [ActionRun]

    /// Records the start of an action run, unless one with the same request key exists.
    ///
    /// - Returns: The stored run (the earlier one for a repeated key) and whether it is new.
    func startAction(_ run: ActionRun) async throws(StoreError) -> (run: ActionRun, isNew: Bool)

    /// Records how an action run ended.
    func finishAction(_ run: ActionRun) async throws(StoreError)

    /// An incident's post-incident review, if written.
    func review(incidentID: Int64) async throws(StoreError) -> IncidentReview?

    /// Counts for `/metrics`: open incidents by severity, messages by state, steps by state.
    func engineCounts() async throws(StoreError) -> EngineCounts
}

/// What `/metrics` reports of the engine.
public struct EngineCounts: Sendable, Hashable {
    public var openIncidents: [Severity: Int]
    public var messages: [OutboxMessage.State: Int]
    public var steps: [EscalationStep.State: Int]
    public var openSignals: [String: Int]

    /// Creates counts.
    public init(
        openIncidents: [Severity: Int],
        messages: [OutboxMessage.State: Int],
        steps: [EscalationStep.State: Int],
        openSignals: [String: Int]
    ) {
        self.openIncidents = openIncidents
        self.messages = messages
        self.steps = steps
        self.openSignals = openSignals
    }
}
