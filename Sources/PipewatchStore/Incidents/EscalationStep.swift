public import Foundation
public import PipewatchCore

/// A step of an incident's escalation, stored with its due time so a restart loses none.
public struct EscalationStep: Sendable, Hashable, Identifiable {
    public var id: Int64
    public var incidentID: Int64
    /// Which escalation of the incident: 1 when opened, one more per reopening.
    public var generation: Int
    /// The step number in ``EscalationPlanner``'s numbering.
    public var step: Int
    public var round: Int
    /// Who was on call when this escalation started.
    public var oncall: EngineerID?
    public var dueAt: Date
    public var state: State
    /// Who was paged, when it paged someone.
    public var target: EngineerID?
    /// Why it was skipped, or why this person was paged.
    public var detail: String?
    public var firedAt: Date?

    /// What became of a step.
    public enum State: String, Sendable, Hashable, Codable, CaseIterable {
        case pending, paged, skipped, cancelled
    }

    /// Creates a step as stored.
    public init(
        id: Int64 = 0,
        incidentID: Int64,
        generation: Int,
        step: Int,
        round: Int,
        oncall: EngineerID?,
        dueAt: Date,
        state: State = .pending,
        target: EngineerID? = nil,
        detail: String? = nil,
        firedAt: Date? = nil
    ) {
        self.id = id
        self.incidentID = incidentID
        self.generation = generation
        self.step = step
        self.round = round
        self.oncall = oncall
        self.dueAt = dueAt
        self.state = state
        self.target = target
        self.detail = detail
        self.firedAt = firedAt
    }
}
