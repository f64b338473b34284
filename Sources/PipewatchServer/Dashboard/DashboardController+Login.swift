import Foundation
import HTTPTypes
import Hummingbird
import Logging
import PipewatchCore

extension DashboardController {
    struct LoginPage: Sendable {
        let chrome: DashboardChrome
        let next: String
        let readOpen: Bool
    }

    /// Where to go after signing in: a path on this server only (never `//host` or a URL).
    static func safeNext(_ next: String?) -> String {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.contains("\\") else { return "/" }
        return next
    }

    /// The sign-in form. It sets the login cookie whose value the form sends back (double-submit
    /// CSRF: another site can neither read the cookie nor make the browser send it cross-site).
    func loginPage(_ request: Request) async -> Response {
        do {
            let visitor = try await auth.visitor(request)
            let next = Self.safeNext(request.uri.queryParameters.get("next"))
            return try renderLogin(visitor, next: next, error: nil, status: .ok)
        } catch {
            return failure(error, request, nil)
        }
    }

    func renderLogin(
        _ visitor: DashboardVisitor,
        next: String,
        error: String?,
        status: HTTPResponse.Status
    ) throws
        -> Response
    {
        var token = visitor.csrfToken
        var setCookie = false
        if visitor.user == nil, token.isEmpty {
            token = TokenHash.newToken()
            setCookie = true
        }
        let shown = DashboardVisitor(user: visitor.user, session: visitor.session, csrfToken: token)
        let page = LoginPage(
            chrome: DashboardChrome(title: "Sign in", path: "/login", visitor: shown, error: error),
            next: next,
            readOpen: config.current.plan.api.readAccess == .open
        )
        var response = try html("login", page, status: status)
        if setCookie { response.setCookie(auth.cookie(DashboardAuth.loginCookie, token, maxAge: 3600)) }
        return response
    }

    /// Signs in with the token typed in; a wrong token shows the form again (401).
    func login(_ request: Request) async -> Response {
        do {
            let visitor = try await auth.visitor(request)
            let form = try await DashboardForm.read(request, limits: bodies, visitor: visitor)
            let next = Self.safeNext(form.text("next"))
            guard let token = form.text("token"), let (user, cookie) = try await auth.signIn(token: token) else {
                return try renderLogin(
                    visitor,
                    next: next,
                    error: "That token is not a dashboard user's. Ask an admin for yours (api.users in the config).",
                    status: .unauthorized
                )
            }
            logger.info(
                "signed in to the dashboard",
                metadata: ["user": "\(user.name)", "role": "\(user.role.rawValue)"]
            )
            var response = Self.redirect(next)
            response.setCookie(cookie)
            response.setCookie(auth.cookie(DashboardAuth.loginCookie, "", maxAge: 0))
            return response
        } catch {
            return failure(error, request, nil)
        }
    }

    /// Signs out (a form with the session's CSRF token, so another site cannot sign you out).
    func logout(_ request: Request) async -> Response {
        do {
            let visitor = try await auth.visitor(request)
            _ = try await DashboardForm.read(request, limits: bodies, visitor: visitor)
            var response = Self.redirect("/login")
            response.setCookie(try await auth.signOut(visitor))
            return response
        } catch {
            return failure(error, request, nil)
        }
    }
}
