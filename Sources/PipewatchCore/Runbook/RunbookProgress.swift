public import Foundation

/// What was done with one run book step during an incident.
public struct RunbookStepMark: Sendable, Hashable {
    public enum State: String, Sendable, Hashable, Codable, CaseIterable {
        case done
        case skipped
    }

    /// The step's position, from 1.
    public var step: Int
    public var state: State
    public var actor: String
    public var at: Date
    public var note: String?

    /// Creates a mark.
    public init(step: Int, state: State, actor: String, at: Date, note: String?) {
        self.step = step
        self.state = state
        self.actor = actor
        self.at = at
        self.note = note
    }
}

/// One run of a configured action from an incident's run book.
public struct ActionRun: Sendable, Hashable {
    public enum State: String, Sendable, Hashable, Codable, CaseIterable {
        case running
        case succeeded
        case failed
    }

    public var id: Int64
    /// The caller's key: asking again with it returns this run instead of running the action twice.
    public var requestKey: String
    public var incidentID: Int64
    /// The step's position, from 1.
    public var step: Int
    public var action: ActionID
    public var actor: String
    public var state: State
    public var exitStatus: Int?
    public var httpStatus: Int?
    /// The start of what the action printed or answered.
    public var output: String?
    public var duration: TimeInterval?
    public var startedAt: Date

    /// Creates a run.
    public init(
        id: Int64 = 0,
        requestKey: String,
        incidentID: Int64,
        step: Int,
        action: ActionID,
        actor: String,
        state: State = .running,
        exitStatus: Int? = nil,
        httpStatus: Int? = nil,
        output: String? = nil,
        duration: TimeInterval? = nil,
        startedAt: Date
    ) {
        self.id = id
        self.requestKey = requestKey
        self.incidentID = incidentID
        self.step = step
        self.action = action
        self.actor = actor
        self.state = state
        self.exitStatus = exitStatus
        self.httpStatus = httpStatus
        self.output = output
        self.duration = duration
        self.startedAt = startedAt
    }
}
