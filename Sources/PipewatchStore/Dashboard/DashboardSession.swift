public import Foundation

/// A signed-in dashboard visitor, as stored: found by the SHA-256 of the id in their cookie.
public struct DashboardSession: Sendable, Equatable {
    /// The lower-case hex SHA-256 of the session id the cookie carries.
    public var idSHA256: String
    /// The `api.users` name signed in; their role is read from the config served now.
    public var userName: String
    /// The token every form of this session must send back.
    public var csrfToken: String
    public var createdAt: Date
    public var expiresAt: Date

    public init(idSHA256: String, userName: String, csrfToken: String, createdAt: Date, expiresAt: Date) {
        self.idSHA256 = idSHA256
        self.userName = userName
        self.csrfToken = csrfToken
        self.createdAt = createdAt
        self.expiresAt = expiresAt
    }
}
