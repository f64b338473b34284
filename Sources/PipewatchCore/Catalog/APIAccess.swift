/// Who may use the server's HTTP API: bearer tokens, stored as SHA-256 hashes, each with a scope.
public struct APIAccess: Sendable, Equatable {
    /// Whether reading needs a token.
    public enum ReadAccess: String, Sendable, Hashable, CaseIterable {
        /// Anyone who can reach the server may read.
        case open
        /// Reading needs a token of any scope.
        case token
    }

    /// What a token allows.
    public enum Scope: String, Sendable, Hashable, CaseIterable {
        /// `GET` endpoints only.
        case read
        /// Everything an orchestrator or a person needs: ingest and the incident actions.
        case write
        /// Everything, and running the server itself: `POST /-/reload`.
        case admin

        /// Whether a token of this scope may do what needs `needed`: each scope includes the ones
        /// before it (read, write, admin).
        ///
        /// - Parameter needed: The scope an endpoint asks for.
        /// - Returns: `true` when this scope is `needed` or a wider one.
        public func allows(_ needed: Scope) -> Bool {
            rank >= needed.rank
        }

        private var rank: Int {
            switch self {
            case .read: 0
            case .write: 1
            case .admin: 2
            }
        }
    }

    /// One declared token.
    public struct Token: Sendable, Equatable {
        /// A name for logs and the audit trail (`airflow`, `grafana`).
        public var name: String
        /// The lower-case hex SHA-256 of the token; the token itself is never stored.
        public var sha256: String
        public var scope: Scope

        /// Creates a token declaration.
        public init(name: String, sha256: String, scope: Scope) {
            self.name = name
            self.sha256 = sha256
            self.scope = scope
        }
    }

    public var readAccess: ReadAccess
    public var tokens: [Token]
    /// Who may sign in to the web dashboard, and with which role (`api.users`).
    public var users: [DashboardUser]

    /// Creates an access policy.
    public init(readAccess: ReadAccess = .open, tokens: [Token] = [], users: [DashboardUser] = []) {
        self.readAccess = readAccess
        self.tokens = tokens
        self.users = users
    }

    /// The dashboard user whose sign-in token has this SHA-256, if any.
    public func user(hashed sha256: String) -> DashboardUser? {
        users.first { $0.sha256 == sha256 }
    }

    /// The dashboard user named `name`, if any.
    public func user(named name: String) -> DashboardUser? {
        users.first { $0.name == name }
    }

    /// The token whose hash is `sha256`, if one is declared.
    /// Whether any token may write: without one, ingest refuses every event.
    public var acceptsIngest: Bool { tokens.contains { $0.scope.allows(.write) } }

    /// What `validate` and `serve` say when no token may write.
    public static let ingestDisabled = "ingest is disabled: no token with write scope"
    /// How to add one.
    public static let ingestHint =
        "run 'pipewatch token new --name airflow' and add its hash under 'api.tokens' with 'scope: write'"

    public func token(hashed sha256: String) -> Token? {
        tokens.first { $0.sha256 == sha256 }
    }
}
