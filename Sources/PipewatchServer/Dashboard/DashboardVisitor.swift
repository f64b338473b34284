import PipewatchCore
import PipewatchStore

/// Who asks for a page: a signed-in ``DashboardUser`` with their session, or an anonymous reader.
struct DashboardVisitor: Sendable {
    /// The person signed in, with their role from the config served now; `nil` when anonymous.
    let user: DashboardUser?
    let session: DashboardSession?
    /// The token forms must send back: the session's, or for an anonymous visitor the one in the
    /// sign-in cookie (the login form's double-submit token).
    let csrfToken: String

    /// Whether this visitor may do what `role` may.
    func allows(_ role: DashboardUser.Role) -> Bool { user?.role.allows(role) ?? false }

    /// Who the visitor is in an incident's timeline.
    var actor: String { user?.actor ?? "anonymous" }
}
