/// Someone who signs in to the web dashboard (`api.users` in the config): a token, stored as its
/// SHA-256 like the API's tokens, gives a role, and the engineer the person acts as.
public struct DashboardUser: Sendable, Equatable {
    /// What a signed-in person may do in the dashboard; each role may do what the ones before it may.
    public enum Role: String, Sendable, Hashable, CaseIterable, Comparable {
        /// Reads every page.
        case viewer
        /// Also acknowledges incidents, marks run book steps, adds notes, requests swaps and adds
        /// their own time off.
        case engineer
        /// Also resolves and escalates incidents, runs actions and acts for anyone.
        case admin

        private var rank: Int {
            switch self {
            case .viewer: 0
            case .engineer: 1
            case .admin: 2
            }
        }

        public static func < (lhs: Role, rhs: Role) -> Bool { lhs.rank < rhs.rank }

        /// Whether this role may do what `needed` may.
        public func allows(_ needed: Role) -> Bool { self >= needed }
    }

    /// The name shown in the page header and recorded in the session (unique in the config).
    public var name: String
    /// The engineer this person acts as: incident timelines name them.
    public var engineer: EngineerID?
    public var role: Role
    /// The lower-case hex SHA-256 of the sign-in token.
    public var sha256: String

    public init(name: String, engineer: EngineerID? = nil, role: Role, sha256: String) {
        self.name = name
        self.engineer = engineer
        self.role = role
        self.sha256 = sha256
    }

    /// Who this person is in a timeline: their engineer id, or `dashboard:<name>`.
    public var actor: String { engineer?.rawValue ?? "dashboard:\(name)" }
}
