import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import PipewatchCore
import PipewatchServer
import Synchronization

/// The sign-in tokens of the dashboard fixture's users.
let viewerToken = "viewer-sign-in-token"
let engineerToken = "engineer-sign-in-token"
let dashboardAdminToken = "admin-sign-in-token"

/// The fixture plan with dashboard users: a viewer, engineer `a` and an admin.
func dashboardPlan(readAccess: APIAccess.ReadAccess = .token) -> TeamPlan {
    var plan = fixturePlan(readAccess: readAccess)
    plan.api.users = [
        DashboardUser(name: "vera", role: .viewer, sha256: TokenHash.sha256(viewerToken)),
        DashboardUser(name: "alex", engineer: "a", role: .engineer, sha256: TokenHash.sha256(engineerToken)),
        DashboardUser(name: "ada", role: .admin, sha256: TokenHash.sha256(dashboardAdminToken)),
    ]
    plan.catalog.pipelines[0].runbook = Runbook(steps: [
        RunbookStep(text: "Look at the failed task's log in Airflow"),
        RunbookStep(text: "Rerun the DAG once the feed is back"),
    ])
    plan.catalog.pipelines[1].upstream = ["profit"]
    return plan
}

/// A browser's part of the dashboard: it keeps the cookies the server sets and sends them back,
/// and reads the CSRF token from the last page's forms.
final class DashboardClient: Sendable {
    struct Page: Sendable {
        let status: HTTPResponse.Status
        let headers: HTTPFields
        let body: String

        /// The value of the first hidden `csrf` field.
        var csrf: String? {
            guard let range = body.range(of: #"name="csrf" value=""#) else { return nil }
            return String(body[range.upperBound...].prefix { $0 != "\"" })
        }

        var setCookies: [String] { headers[values: .setCookie] }
    }

    let client: any TestClientProtocol
    private let cookies = Mutex<[String: String]>([:])

    init(_ client: any TestClientProtocol) { self.client = client }

    func get(_ path: String) async throws -> Page {
        try await send(.get, path, nil)
    }

    /// Posts a form; `csrf` is added unless given (pass `""` to send none).
    func post(_ path: String, _ fields: [String: String]) async throws -> Page {
        let body = fields.map { name, value in
            "\(Self.encode(name))=\(Self.encode(value))"
        }.joined(separator: "&")
        return try await send(.post, path, body)
    }

    /// Signs in with `token` through the login form; the page after the redirect's status.
    @discardableResult
    func signIn(_ token: String, next: String = "/") async throws -> Page {
        let form = try await get("/login?next=\(next)")
        return try await post("/login", ["token": token, "next": next, "csrf": form.csrf ?? ""])
    }

    private func send(_ method: HTTPRequest.Method, _ path: String, _ body: String?) async throws -> Page {
        var headers = HTTPFields()
        let cookie = cookies.withLock { $0.map { "\($0.key)=\($0.value)" }.joined(separator: "; ") }
        if !cookie.isEmpty { headers[.cookie] = cookie }
        if body != nil { headers[.contentType] = "application/x-www-form-urlencoded" }
        let page = try await client.execute(
            uri: path,
            method: method,
            headers: headers,
            body: body.map { ByteBuffer(string: $0) }
        ) { response in
            Page(status: response.status, headers: response.headers, body: String(buffer: response.body))
        }
        for line in page.setCookies {
            let pair = line.split(separator: ";", maxSplits: 1)[0].split(separator: "=", maxSplits: 1)
            guard pair.count == 2 || pair.count == 1 else { continue }
            let name = String(pair[0])
            let value = pair.count == 2 ? String(pair[1]) : ""
            let expired = line.contains("Max-Age=0")
            cookies.withLock { $0[name] = expired || value.isEmpty ? nil : value }
        }
        return page
    }

    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }
}
