import PipewatchCore

/// What the layout around every page shows: the title, the navigation, who is signed in (with
/// the sign-out form) or a sign-in link, the messages of the last action, and the CSRF token that
/// every form on the page sends (the `csrf` partial writes it).
struct DashboardChrome: Sendable {
    struct NavItem: Sendable {
        let label: String
        let href: String
        let current: Bool
    }

    let title: String
    let nav: [NavItem]
    /// The signed-in person's name and role, when someone is signed in.
    let userName: String?
    let role: String?
    /// `/login?next=…` back to this page, for the sign-in link.
    let signInHref: String
    let csrf: String
    /// What the last action did (after a redirect), or why it was refused.
    let notice: String?
    let error: String?

    /// The navigation; pages added by other features add their entry here.
    static let sections: [(label: String, href: String)] = [
        ("Overview", "/"),
        ("Schedule", "/schedule"),
        ("Fairness", "/fairness"),
        ("Incidents", "/incidents"),
        ("Review", "/review"),
    ]

    init(
        title: String,
        path: String,
        visitor: DashboardVisitor,
        notice: String? = nil,
        error: String? = nil
    ) {
        self.title = title
        nav = Self.sections.map { section in
            let current =
                section.href == "/" ? path == "/" : path == section.href || path.hasPrefix(section.href + "/")
            return NavItem(label: section.label, href: section.href, current: current)
        }
        userName = visitor.user?.name
        role = visitor.user?.role.rawValue
        signInHref = "/login?next=" + DashboardForm.percentEncode(path)
        csrf = visitor.csrfToken
        self.notice = notice
        self.error = error
    }
}
