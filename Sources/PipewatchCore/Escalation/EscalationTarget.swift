/// Someone a page or a run book step escalates to, resolved per pipeline and instant.
public enum EscalationTarget: Sendable, Hashable, CustomStringConvertible {
    case oncall
    case primaryOwner
    case secondaryOwner
    case engineer(EngineerID)

    /// The words the config accepts for the role targets; anything else names an engineer.
    public static let roleWords: [String: EscalationTarget] = [
        "oncall": .oncall,
        "primary": .primaryOwner,
        "primary_owner": .primaryOwner,
        "secondary": .secondaryOwner,
        "secondary_owner": .secondaryOwner,
    ]

    public var description: String {
        switch self {
        case .oncall: "the on-call engineer"
        case .primaryOwner: "the primary owner"
        case .secondaryOwner: "the secondary owner"
        case .engineer(let id): "engineer '\(id)'"
        }
    }
}
