public import Foundation
public import PipewatchCore

/// What the engine may read and write inside one transaction of ``IncidentStore``: a change of
/// state and the work it causes (timeline, escalation steps, outbox) commit together or not at all.
public protocol IncidentTransaction: Sendable {
    /// The stored states of the given pipelines' signals (open and cleared).
    func signalStates(of pipelines: [PipelineID]) async throws -> [SignalState]

    /// Inserts or replaces a signal's state, and records the transition that led to it (none for a
    /// change of evidence alone).
    func saveSignalState(_ state: SignalState, transition: SignalTransition?, at now: Date) async throws

    /// The newest incident with `key`, open or not (locked for this transaction on PostgreSQL).
    func latestIncident(key: String) async throws -> Incident?

    /// The incident with `id` (locked for this transaction on PostgreSQL), or `nil`.
    func incident(id: Int64) async throws -> Incident?

    /// The incident with `id` locked for this transaction, or `nil` when another instance holds
    /// it (PostgreSQL's `SKIP LOCKED`); see the default in `IncidentTransaction+Claims.swift`.
    func claimIncident(id: Int64) async throws -> Incident?

    /// The stored evidence of an incident (the facts of its latest occurrence).
    func incidentEvidence(id: Int64) async throws -> [String: String]

    /// Stores a new incident; its `id` is ignored and assigned.
    func insertIncident(_ incident: Incident, evidence: [String: String]) async throws -> Incident

    /// Writes every field of a stored incident; `evidence` replaces the stored evidence when given.
    func updateIncident(_ incident: Incident, evidence: [String: String]?) async throws

    /// Appends to an incident's timeline.
    func appendTimeline(incidentID: Int64, at: Date, actor: String, kind: TimelineKind, detail: String) async throws

    /// Schedules an escalation step; one already stored for the same incident, generation and step is kept.
    func scheduleStep(_ step: EscalationStep) async throws

    /// Records what a pending step did (found by incident, generation and step); `false` when it
    /// was no longer pending (someone else fired it).
    func completeStep(_ step: EscalationStep) async throws -> Bool

    /// Cancels an incident's pending steps; returns how many.
    func cancelPendingSteps(incidentID: Int64, at now: Date) async throws -> Int

    /// The latest escalation generation of an incident (0 when it never escalated).
    func latestGeneration(incidentID: Int64) async throws -> Int

    /// The engineers paged in one round of one escalation.
    func pagedEngineers(incidentID: Int64, generation: Int, round: Int) async throws -> Set<EngineerID>

    /// Records a run book step as done or skipped (a later mark of the same step replaces it).
    func markStep(incidentID: Int64, _ mark: RunbookStepMark) async throws

    /// An incident's post-incident review, held until the transaction ends (PostgreSQL: `FOR UPDATE`).
    func review(incidentID: Int64) async throws -> IncidentReview?

    /// Stores an incident's post-incident review, replacing an earlier one.
    func saveReview(incidentID: Int64, _ review: IncidentReview) async throws

    /// Queues a message; `false` (and nothing stored) when its idempotency key is already in the outbox.
    func enqueue(_ message: OutboxMessage) async throws -> Bool

    /// The contacts (as stored, JSON) that messages about an incident went to on `channel`, each once.
    func outboxContacts(incidentID: Int64, channel: String) async throws -> [String]
}
