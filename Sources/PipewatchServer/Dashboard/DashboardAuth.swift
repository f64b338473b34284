import Foundation
import HTTPTypes
import Hummingbird
import PipewatchCore
import PipewatchStore

/// Sign-in for the dashboard: sessions in the store (they survive a restart and are shared by
/// every instance on one database), found by the SHA-256 of the random id in an HttpOnly,
/// SameSite=Strict cookie (Secure when the server or its public URL uses TLS). The role is read
/// from `api.users` of the config served now, so a reload that removes a user or changes a role
/// takes effect on their next request.
struct DashboardAuth: Sendable {
    static let sessionCookie = "pipewatch_session"
    /// Before sign-in, the login form's double-submit CSRF token.
    static let loginCookie = "pipewatch_login"
    static let sessionLifetime: TimeInterval = 12 * 3600

    let config: LiveConfig
    let store: any DashboardStore
    let clock: any WallClock
    /// Whether cookies get `Secure`: the server speaks TLS, or is reached over https.
    let secure: Bool

    /// Who asks: the signed-in user of a live session, or anonymous.
    func visitor(_ request: Request) async throws -> DashboardVisitor {
        let cookies = request.cookies
        if let id = cookies[Self.sessionCookie]?.value, !id.isEmpty,
            let session = try await store.session(idSHA256: TokenHash.sha256(id), at: clock.now),
            let user = config.current.plan.api.user(named: session.userName)
        {
            return DashboardVisitor(user: user, session: session, csrfToken: session.csrfToken)
        }
        let login = cookies[Self.loginCookie]?.value ?? ""
        return DashboardVisitor(user: nil, session: nil, csrfToken: login)
    }

    /// The visitor, when they may read pages: signed in, or anyone when `read_access: open`.
    func reader(_ request: Request) async throws -> DashboardVisitor {
        let visitor = try await visitor(request)
        if visitor.user == nil, config.current.plan.api.readAccess != .open {
            throw DashboardError.signInRequired(next: request.uri.path)
        }
        return visitor
    }

    /// Refuses (403) a visitor whose role does not allow `role`'s actions; `what` says what.
    func require(_ role: DashboardUser.Role, _ visitor: DashboardVisitor, to what: String) throws {
        guard let user = visitor.user else {
            throw DashboardError.forbidden("sign in to \(what)")
        }
        guard user.role.allows(role) else {
            throw DashboardError.forbidden(
                "\(user.name) is a \(user.role.rawValue); only \(role == .admin ? "admins" : "engineers and admins") may \(what)"
            )
        }
    }

    /// Signs in with a token: the user it belongs to and the cookie of their new session.
    func signIn(token: String) async throws -> (DashboardUser, Cookie)? {
        guard let user = config.current.plan.api.user(hashed: TokenHash.sha256(token)) else { return nil }
        let now = clock.now
        _ = try await store.deleteExpiredSessions(at: now)
        let id = TokenHash.newToken()
        try await store.createSession(
            DashboardSession(
                idSHA256: TokenHash.sha256(id),
                userName: user.name,
                csrfToken: TokenHash.newToken(),
                createdAt: now,
                expiresAt: now.addingTimeInterval(Self.sessionLifetime)
            )
        )
        return (user, cookie(Self.sessionCookie, id, maxAge: Int(Self.sessionLifetime)))
    }

    /// Ends the visitor's session; the cookie that clears it.
    func signOut(_ visitor: DashboardVisitor) async throws -> Cookie {
        if let session = visitor.session { try await store.deleteSession(idSHA256: session.idSHA256) }
        return cookie(Self.sessionCookie, "", maxAge: 0)
    }

    /// A cookie with the dashboard's flags: HttpOnly, SameSite=Strict, path `/`, Secure under TLS.
    func cookie(_ name: String, _ value: String, maxAge: Int) -> Cookie {
        Cookie(name: name, value: value, maxAge: maxAge, path: "/", secure: secure, httpOnly: true, sameSite: .strict)
    }
}
