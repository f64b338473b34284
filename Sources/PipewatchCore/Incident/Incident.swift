public import Foundation

/// A problem on a pipeline that people must answer for: opened by a signal (or a failing
/// check), deduplicated by ``key``, escalated until acknowledged, resolved by hand or by itself.
///
/// The fields are what the store keeps; transitions go through ``IncidentStateMachine`` only.
public struct Incident: Sendable, Hashable, Identifiable {
    public var id: Int64
    /// The deduplication key: pipeline, kind and subject (`investor-profit|processing_failure|job:airflow/x`).
    public var key: String
    public var pipeline: PipelineID
    /// The kind of trouble: a ``SignalKind`` raw value, or a check's kind.
    public var kind: String
    /// One line saying what broke, from the signal that opened it (or the latest repeat).
    public var title: String
    public var severity: Severity
    public var state: IncidentState
    /// How many times the problem was seen: 1 when opened, one more per repeat.
    public var count: Int
    public var openedAt: Date
    /// When the latest occurrence was seen.
    public var lastSeenAt: Date
    public var acknowledgedAt: Date?
    public var acknowledgedBy: String?
    public var resolvedAt: Date?
    public var resolvedBy: String?
    /// The engineer the incident is assigned to: on call when it opened, then whoever acknowledged.
    public var assignee: EngineerID?
    /// Since when every signal of the incident has been clear; `nil` while one is open.
    public var clearedAt: Date?
    /// Whether it resolves itself once ``clearedAt`` is older than the hold time.
    public var autoResolve: Bool

    /// Creates an incident as stored.
    public init(
        id: Int64,
        key: String,
        pipeline: PipelineID,
        kind: String,
        title: String,
        severity: Severity,
        state: IncidentState = .triggered,
        count: Int = 1,
        openedAt: Date,
        lastSeenAt: Date? = nil,
        acknowledgedAt: Date? = nil,
        acknowledgedBy: String? = nil,
        resolvedAt: Date? = nil,
        resolvedBy: String? = nil,
        assignee: EngineerID? = nil,
        clearedAt: Date? = nil,
        autoResolve: Bool = true
    ) {
        self.id = id
        self.key = key
        self.pipeline = pipeline
        self.kind = kind
        self.title = title
        self.severity = severity
        self.state = state
        self.count = count
        self.openedAt = openedAt
        self.lastSeenAt = lastSeenAt ?? openedAt
        self.acknowledgedAt = acknowledgedAt
        self.acknowledgedBy = acknowledgedBy
        self.resolvedAt = resolvedAt
        self.resolvedBy = resolvedBy
        self.assignee = assignee
        self.clearedAt = clearedAt
        self.autoResolve = autoResolve
    }

    /// The reference people use: `INC-42`.
    public var reference: String { "INC-\(id)" }
}
