import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import PipewatchCore
import PipewatchEngine
import PipewatchStore

/// The web dashboard at `/`: pages rendered on the server from the templates, readable without
/// JavaScript, behind ``DashboardAuth``. Each GET page goes through ``page(_:_:)``, each form
/// through ``action(_:role:what:_:failed:)``; see docs/dashboard.md for adding a page.
struct DashboardController: Sendable {
    let config: LiveConfig
    let store: any RunStore & IncidentStore & CheckStore & DashboardStore
    let clock: any WallClock
    let bodies: BodyLimits
    let auth: DashboardAuth
    let logger: Logger

    var renderer: DashboardRenderer { .shared }

    func add(to router: Router<BasicRequestContext>) {
        router.get("dashboard.css") { _, _ in stylesheet() }
        router.get("login") { request, _ in await loginPage(request) }
        router.post("login") { request, _ in await login(request) }
        router.post("logout") { request, _ in await logout(request) }
        router.get("/") { request, _ in
            await page(request) { visitor in try await overview(request, visitor) }
        }
        addPipelinePages(to: router)
        addIncidentPages(to: router)
        addSchedulePages(to: router)
        addReviewPages(to: router)
    }

    /// A page any reader may see: the visitor is checked (anonymous ones go to `/login` unless
    /// `read_access: open`), then `body` renders; a failure becomes an HTML error page.
    func page(_ request: Request, _ body: (DashboardVisitor) async throws -> Response) async -> Response {
        var visitor: DashboardVisitor?
        do {
            let reader = try await auth.reader(request)
            visitor = reader
            return try await body(reader)
        } catch {
            return failure(error, request, visitor)
        }
    }

    /// A form submission: the visitor must have `role` (else 403), the CSRF token must match
    /// (else 403), then `body` acts and answers with a redirect (post/redirect/get). When the
    /// action is refused (a validation message, an incident in the wrong state), `failed` renders
    /// the page again with the message.
    func action(
        _ request: Request,
        role: DashboardUser.Role,
        what: String,
        _ body: (DashboardVisitor, DashboardForm) async throws -> Response,
        failed: (DashboardVisitor, String, HTTPResponse.Status) async throws -> Response
    ) async -> Response {
        var visitor: DashboardVisitor?
        do {
            let current = try await auth.visitor(request)
            visitor = current
            let form = try await DashboardForm.read(request, limits: bodies, visitor: current)
            try auth.require(role, current, to: what)
            do {
                return try await body(current, form)
            } catch let refusal {
                guard let (message, status) = Self.refusal(refusal) else { throw refusal }
                return try await failed(current, message, status)
            }
        } catch {
            return failure(error, request, visitor)
        }
    }

    /// The message and status of an error that means "not done, and why" rather than a fault.
    static func refusal(_ error: any Error) -> (String, HTTPResponse.Status)? {
        if case DashboardError.invalid(let message) = error { return (message, .badRequest) }
        if let error = error as? IncidentError { return (error.description, .conflict) }
        if let error = error as? EngineError { return (error.description, .badRequest) }
        if let error = error as? APIError, error.status.code < 500 { return (error.message, error.status) }
        if let error = error as? StoreError {
            switch error {
            case .conflict(let message), .invalidValue(let message): return (message, .conflict)
            default: return nil
            }
        }
        return nil
    }

    /// An HTML page from `template`.
    func html(_ template: String, _ context: Any, status: HTTPResponse.Status = .ok) throws -> Response {
        let text = try renderer.render(template, context)
        return Self.response(ByteBuffer(string: text), type: "text/html; charset=utf-8", status: status)
    }

    /// A 303 to `location` (a path on this server).
    static func redirect(_ location: String) -> Response {
        var response = response(ByteBuffer(), type: "text/plain; charset=utf-8", status: .seeOther)
        response.headers[.location] = location
        return response
    }

    /// A response with the dashboard's headers: never cached (pages show live state and carry
    /// CSRF tokens), a content security policy that allows only this server's stylesheet and no
    /// script, no framing.
    static func response(_ body: ByteBuffer, type: String, status: HTTPResponse.Status) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = type
        headers[.cacheControl] = "no-store"
        headers[.contentSecurityPolicy] =
            "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
        headers[.xContentTypeOptions] = "nosniff"
        headers[.init("Referrer-Policy")!] = "same-origin"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: body))
    }

    private func stylesheet() -> Response {
        var response = Self.response(
            ByteBuffer(string: renderer.stylesheet),
            type: "text/css; charset=utf-8",
            status: .ok
        )
        response.headers[.cacheControl] = "public, max-age=3600"
        return response
    }

    /// The HTML page of a failure (or the redirect to sign in).
    func failure(_ error: any Error, _ request: Request, _ visitor: DashboardVisitor?) -> Response {
        var status = HTTPResponse.Status.internalServerError
        var message = "the page could not be shown; the server's log says why"
        if let error = error as? DashboardError {
            if case .signInRequired(let next) = error {
                return Self.redirect("/login?next=" + DashboardForm.percentEncode(next))
            }
            (status, message) = (error.status, error.description)
        } else if let error = error as? StoreError, case .notFound(let text) = error {
            (status, message) = (.notFound, text)
        } else if let error = error as? APIError {
            (status, message) = (error.status, error.message)
        } else if let (text, code) = Self.refusal(error) {
            (status, message) = (code, text)
        } else {
            logger.error("a dashboard page failed", metadata: ["path": "\(request.uri.path)", "error": "\(error)"])
        }
        let anonymous = DashboardVisitor(user: nil, session: nil, csrfToken: "")
        let page = ErrorPage(
            chrome: DashboardChrome(
                title: "\(status.code) \(status.reasonPhrase)",
                path: request.uri.path,
                visitor: visitor ?? anonymous
            ),
            status: "\(status.code) \(status.reasonPhrase)",
            message: message
        )
        if let response = try? html("error", page, status: status) { return response }
        return Self.response(ByteBuffer(string: message), type: "text/plain; charset=utf-8", status: status)
    }

    struct ErrorPage: Sendable {
        let chrome: DashboardChrome
        let status: String
        let message: String
    }
}
