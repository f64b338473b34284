/// Who a notification step tells.
public enum NotificationTarget: Sendable, Hashable, CustomStringConvertible {
    /// The pipeline's stakeholders (and its metric owner).
    case stakeholders
    /// The pipeline's primary and secondary owners.
    case owners
    /// Every engineer on the team.
    case team
    /// The on-call engineer.
    case oncall
    /// One named stakeholder.
    case stakeholder(StakeholderID)

    /// The words the config accepts for group targets; anything else names a stakeholder.
    public static let groupWords: [String: NotificationTarget] = [
        "stakeholders": .stakeholders,
        "owners": .owners,
        "team": .team,
        "oncall": .oncall,
    ]

    public var description: String {
        switch self {
        case .stakeholders: "the pipeline's stakeholders"
        case .owners: "the pipeline's owners"
        case .team: "the team"
        case .oncall: "the on-call engineer"
        case .stakeholder(let id): "stakeholder '\(id)'"
        }
    }
}
