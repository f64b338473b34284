import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import PipewatchCore
import PipewatchServer
import PipewatchStore
import PipewatchTestSupport
import Testing

@Suite("web dashboard: sign-in, roles, CSRF, escaping, pages")
struct DashboardTests {
    private let failure: Data

    init() throws {
        failure = try sampleEvent(
            "openlineage-runevent-fail",
            ["job": ["namespace": "airflow", "name": "profit_daily"]]
        )
    }

    /// A live server on loopback with the dashboard plan, where the profit pipeline's failure has
    /// opened INC-1.
    private func withDashboard(
        plan: TeamPlan = dashboardPlan(),
        incident: Bool = true,
        _ body: @Sendable (DashboardClient, SQLStateStore) async throws -> Void
    ) async throws {
        let event = failure
        try await withTestServer(plan: plan, settings: ServerSettings(port: 0), testing: .live) { client, store in
            if incident {
                let (status, _) = try await sendJSON(client, .post, "/api/v1/lineage", event, token: writeToken)
                #expect(status.code < 300, "the failing run was not stored: \(status)")
            }
            try await body(DashboardClient(client), store)
        }
    }

    @Test("an anonymous visitor is sent to /login when reads need a token, and reads when read_access is open")
    func anonymous() async throws {
        try await withDashboard { browser, _ in
            for path in ["/", "/incidents", "/incidents/1", "/pipelines/profit"] {
                let page = try await browser.get(path)
                #expect(page.status == .seeOther, "\(path)")
                #expect(page.headers[.location] == "/login?next=\(path)")
            }
            let login = try await browser.get("/login")
            #expect(login.status == .ok)
            #expect(login.body.contains("Your sign-in token"))
        }
        try await withDashboard(plan: dashboardPlan(readAccess: .open)) { browser, _ in
            let page = try await browser.get("/")
            #expect(page.status == .ok)
            #expect(page.body.contains("Profit"))
            #expect(page.body.contains("Sign in"))
        }
    }

    @Test("signing in with a user's token sets an HttpOnly, SameSite=Strict session cookie; a wrong one is 401")
    func signIn() async throws {
        try await withDashboard { browser, store in
            let wrong = try await browser.signIn("not-a-token")
            #expect(wrong.status == .unauthorized)
            #expect(wrong.body.contains("That token is not a dashboard user"))
            // An API token is not a sign-in token.
            #expect(try await browser.signIn(writeToken).status == .unauthorized)

            let page = try await browser.signIn(engineerToken, next: "/incidents")
            #expect(page.status == .seeOther)
            #expect(page.headers[.location] == "/incidents")
            let session = try #require(page.setCookies.first { $0.hasPrefix("pipewatch_session=") })
            #expect(session.contains("HttpOnly"))
            #expect(session.contains("SameSite=Strict"))
            #expect(session.contains("Path=/"))
            #expect(!session.contains("Secure"))  // plain HTTP on loopback

            let overview = try await browser.get("/")
            #expect(overview.status == .ok)
            #expect(overview.body.contains("alex"))
            #expect(overview.body.contains("(engineer)"))

            // The session is in the store, found by the hash of the cookie's value.
            let id = String(session.dropFirst("pipewatch_session=".count).prefix { $0 != ";" })
            let fixed = Date(timeIntervalSince1970: 1_795_900_000)
            let stored = try #require(try await store.session(idSHA256: TokenHash.sha256(id), at: fixed))
            #expect(stored.userName == "alex")
            #expect(stored.expiresAt == fixed.addingTimeInterval(12 * 3600))
            // The store keeps the hash, not the id the cookie carries.
            #expect(try await store.session(idSHA256: id, at: fixed) == nil)
        }
    }

    @Test("behind https (api.public_url), the session cookie is also Secure")
    func secureCookie() async throws {
        var plan = dashboardPlan()
        plan.incidents.publicURL = "https://pipewatch.example.com"
        let secured = plan
        try await withDashboard(plan: secured, incident: false) { browser, _ in
            let page = try await browser.signIn(viewerToken)
            let session = try #require(page.setCookies.first { $0.hasPrefix("pipewatch_session=") })
            #expect(session.contains("; Secure"))
            #expect(session.contains("HttpOnly"))
        }
    }

    @Test("a sign-in elsewhere than this server is refused: next must be a path")
    func openRedirect() async throws {
        try await withDashboard { browser, _ in
            let page = try await browser.signIn(engineerToken, next: "//evil.example/")
            #expect(page.headers[.location] == "/")
        }
    }

    @Test("a form without the session's CSRF token is refused with 403 and changes nothing")
    func csrf() async throws {
        try await withDashboard { browser, store in
            try await browser.signIn(engineerToken)
            let missing = try await browser.post("/incidents/1/ack", [:])
            #expect(missing.status == .forbidden)
            #expect(missing.body.contains("CSRF"))
            let wrong = try await browser.post("/incidents/1/ack", ["csrf": "0123"])
            #expect(wrong.status == .forbidden)
            #expect(try await store.incident(id: 1).0.state == .triggered)
            // The login form needs its token too.
            let login = try await browser.post("/login", ["token": engineerToken])
            #expect(login.status == .forbidden)
        }
    }

    @Test("a viewer cannot acknowledge (403); an engineer can, and the timeline names their engineer")
    func roles() async throws {
        try await withDashboard { browser, store in
            try await browser.signIn(viewerToken)
            let page = try await browser.get("/incidents/1")
            #expect(page.status == .ok)
            let refused = try await browser.post("/incidents/1/ack", ["csrf": page.csrf ?? ""])
            #expect(refused.status == .forbidden)
            #expect(refused.body.contains("vera is a viewer"))
            #expect(try await store.incident(id: 1).0.state == .triggered)

            let engineer = DashboardClient(browser.client)
            try await engineer.signIn(engineerToken)
            let form = try await engineer.get("/incidents/1")
            let done = try await engineer.post("/incidents/1/ack", ["csrf": form.csrf ?? ""])
            #expect(done.status == .seeOther)
            #expect(done.headers[.location]?.hasPrefix("/incidents/1") == true)
            let (incident, _) = try await store.incident(id: 1)
            #expect(incident.state == .acknowledged)
            #expect(incident.acknowledgedBy == "a")
            let after = try await engineer.get(done.headers[.location] ?? "/incidents/1")
            #expect(after.body.contains("Acknowledged"))
            // Resolving is for admins.
            let resolve = try await engineer.post("/incidents/1/resolve", ["csrf": after.csrf ?? ""])
            #expect(resolve.status == .forbidden)
            // A second acknowledgement is refused on the page, with the engine's reason.
            let again = try await engineer.post("/incidents/1/ack", ["csrf": after.csrf ?? ""])
            #expect(again.status == .conflict)
            #expect(again.body.contains("already acknowledged by &#39;a&#39;"))
        }
    }

    @Test("signing out ends the session in the store")
    func signOut() async throws {
        try await withDashboard { browser, _ in
            try await browser.signIn(dashboardAdminToken)
            let page = try await browser.get("/")
            let out = try await browser.post("/logout", ["csrf": page.csrf ?? ""])
            #expect(out.status == .seeOther)
            #expect(try await browser.get("/").status == .seeOther)
        }
    }

    @Test("every value is escaped: a pipeline and an engineer named as markup show as text")
    func escaping() async throws {
        var plan = dashboardPlan()
        plan.catalog.pipelines[0].name = "<script>alert(1)</script>"
        plan.catalog.engineers[0].name = #""><img src=x onerror=alert(1)>"#
        let hostile = plan
        try await withDashboard(plan: hostile) { browser, _ in
            try await browser.signIn(dashboardAdminToken)
            for path in ["/", "/incidents", "/incidents/1", "/pipelines/profit"] {
                let page = try await browser.get(path)
                #expect(page.status == .ok, "\(path)")
                #expect(!page.body.contains("<script>alert(1)</script>"), "\(path)")
                #expect(!page.body.contains("<img src=x"), "\(path)")
                #expect(!page.body.contains("<script"), "\(path)")
            }
            let overview = try await browser.get("/")
            #expect(overview.body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            #expect(overview.body.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"))
        }
    }

    @Test("the templates never write a value unescaped")
    func templatesEscape() throws {
        let folder = RepositoryFiles.root.appendingPathComponent("Sources/PipewatchServer/Dashboard/Templates")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter {
            $0.hasSuffix(".mustache")
        }
        #expect(files.count >= 5)
        for file in files {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            #expect(!text.contains("{{{"), "\(file) uses {{{ }}}")
            #expect(!text.contains("{{&"), "\(file) uses {{& }}")
            #expect(!text.contains("<script"), "\(file) has a script")
        }
    }

    @Test("pages send a content security policy with no script and are not cached; the CSS is served here")
    func headers() async throws {
        try await withDashboard(plan: dashboardPlan(readAccess: .open)) { browser, _ in
            let page = try await browser.get("/")
            #expect(page.headers[.contentType] == "text/html; charset=utf-8")
            #expect(page.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true)
            #expect(page.headers[.cacheControl] == "no-store")
            #expect(!page.body.contains("http://"))
            #expect(!page.body.contains("https://"))
            let css = try await browser.get("/dashboard.css")
            #expect(css.status == .ok)
            #expect(css.headers[.contentType] == "text/css; charset=utf-8")
            #expect(!css.body.contains("@import"))
            #expect(!css.body.contains("url("))
        }
    }

    @Test("the overview shows who is on call with their local time and why, open incidents, and each pipeline's health")
    func overview() async throws {
        try await withDashboard { browser, _ in
            try await browser.signIn(viewerToken)
            let page = try await browser.get("/")
            #expect(page.status == .ok)
            #expect(page.body.contains("On call now"))
            #expect(page.body.contains("Their time:"))
            #expect(page.body.contains("rotation"))
            #expect(page.body.contains("Next"))
            #expect(page.body.contains(#"<a href="/incidents/1">INC-1</a>"#))
            #expect(page.body.contains(#"<tr class="health-failing">"#))
            #expect(page.body.contains(#"<a href="/pipelines/profit">Profit</a>"#))
            #expect(page.body.contains("A, B"))  // owners by name
            // A viewer gets no buttons on the incident.
            let incident = try await browser.get("/incidents/1")
            #expect(!incident.body.contains("Acknowledge</button>"))
            #expect(incident.body.contains("Your role only reads."))
        }
    }

    @Test("the pipeline page shows owners, lineage both ways, the run book, the runs chart and the signals")
    func pipelinePage() async throws {
        try await withDashboard { browser, _ in
            try await browser.signIn(viewerToken)
            let page = try await browser.get("/pipelines/profit")
            #expect(page.status == .ok)
            #expect(page.body.contains("A (primary), B (secondary)"))
            #expect(page.body.contains(#"<a href="/pipelines/orders">Orders</a>"#))  // downstream
            #expect(page.body.contains("Look at the failed task"))
            #expect(page.body.contains("<svg class=\"chart\""))
            #expect(page.body.contains(#"<rect class="bar failed""#))
            #expect(page.body.contains("processing_failure"))
            let orders = try await browser.get("/pipelines/orders")
            #expect(orders.body.contains(#"<a href="/pipelines/profit">Profit</a>"#))  // upstream
            #expect(orders.body.contains("No runs yet"))
            #expect(try await browser.get("/pipelines/nope").status == .notFound)
        }
    }

    @Test("the incident page shows its review; an engineer marks an action item done and open again, a viewer cannot")
    func actionItems() async throws {
        try await withDashboard { browser, store in
            try await store.transaction { transaction in
                try await transaction.saveReview(
                    incidentID: 1,
                    IncidentReview(
                        cause: .processingFailure,
                        summary: "The task ran out of memory.",
                        lessons: "Size the workers for month end.",
                        actionItems: [
                            .init(text: "Raise the memory limit", owner: "b", due: ScheduleFixtures.date("2026-12-11"))
                        ],
                        author: "a",
                        at: ScheduleFixtures.instant("2026-11-27T15:00:00Z")
                    )
                )
            }
            try await browser.signIn(viewerToken)
            let read = try await browser.get("/incidents/1")
            #expect(read.body.contains("Post-incident review"))
            #expect(read.body.contains("Size the workers for month end."))
            #expect(read.body.contains("Raise the memory limit"))
            #expect(!read.body.contains(#"action="/incidents/1/review-item""#))
            #expect(
                try await browser.post(
                    "/incidents/1/review-item",
                    ["csrf": read.csrf ?? "", "item": "1", "state": "done"]
                ).status == .forbidden
            )

            try await browser.signIn(engineerToken)
            let page = try await browser.get("/incidents/1")
            #expect(page.body.contains(#"action="/incidents/1/review-item""#))
            let csrf = page.csrf ?? ""
            let done = try await browser.post("/incidents/1/review-item", ["csrf": csrf, "item": "1", "state": "done"])
            #expect(done.status == .seeOther)
            #expect(done.headers[.location] == "/incidents/1?done=item-done")
            #expect(try await store.review(incidentID: 1)?.actionItems.first?.done?.by == "a")
            let after = try await browser.get("/incidents/1?done=item-done")
            #expect(after.body.contains("Action item marked done."))
            #expect(after.body.contains("done by A at"))
            #expect(after.body.contains("Reopen"))
            let missing = try await browser.post(
                "/incidents/1/review-item",
                ["csrf": csrf, "item": "2", "state": "done"]
            )
            #expect(missing.status == .badRequest)
            #expect(missing.body.contains("action item 2 does not exist: the review of INC-1 has items 1 to 1"))
            let reopened = try await browser.post(
                "/incidents/1/review-item",
                ["csrf": csrf, "item": "1", "state": "open"]
            )
            #expect(reopened.status == .seeOther)
            #expect(try await store.review(incidentID: 1)?.actionItems.first?.done == nil)
        }
    }

    @Test("an engineer marks run book steps and adds notes; an empty note is refused on the page")
    func checklist() async throws {
        try await withDashboard { browser, store in
            try await browser.signIn(engineerToken)
            let page = try await browser.get("/incidents/1")
            #expect(page.body.contains(#"action="/incidents/1/steps/1""#))
            let csrf = page.csrf ?? ""
            let done = try await browser.post("/incidents/1/steps/1", ["csrf": csrf, "state": "done"])
            #expect(done.status == .seeOther)
            let skipped = try await browser.post("/incidents/1/steps/2", ["csrf": csrf, "state": "skipped"])
            #expect(skipped.status == .seeOther)
            let marks = try await store.runbookMarks(incidentID: 1)
            #expect(marks.map(\.state) == [.done, .skipped])
            #expect(marks.map(\.actor) == ["a", "a"])
            let empty = try await browser.post("/incidents/1/note", ["csrf": csrf, "text": "  "])
            #expect(empty.status == .badRequest)
            #expect(empty.body.contains("The note is required"))
            let noted = try await browser.post("/incidents/1/note", ["csrf": csrf, "text": "feed is back <b>now</b>"])
            #expect(noted.status == .seeOther)
            let after = try await browser.get("/incidents/1?done=noted")
            #expect(after.body.contains("Note added to the timeline."))
            #expect(after.body.contains("feed is back &lt;b&gt;now&lt;/b&gt;"))
            #expect(try await store.timeline(incidentID: 1).contains { $0.kind == .note && $0.actor == "a" })
        }
    }

    @Test("an admin resolves and escalates; the incidents list filters by state")
    func admin() async throws {
        try await withDashboard { browser, store in
            try await browser.signIn(dashboardAdminToken)
            let page = try await browser.get("/incidents/1")
            let csrf = page.csrf ?? ""
            let escalated = try await browser.post("/incidents/1/escalate", ["csrf": csrf, "to": "b"])
            // Engineer b has no contact, so the engine cannot page them: the page says so.
            #expect(escalated.status == .badRequest)
            #expect(escalated.body.contains(#"role="alert""#))
            #expect(escalated.body.contains("cannot page: &#39;b&#39; has no contact method in the config"))
            let resolved = try await browser.post("/incidents/1/resolve", ["csrf": csrf, "reason": "fixed upstream"])
            #expect(resolved.status == .seeOther)
            let (incident, _) = try await store.incident(id: 1)
            #expect(incident.state == .resolved)
            #expect(incident.resolvedBy == "dashboard:ada")
            #expect(!(try await browser.get("/incidents").body.contains("INC-1")))
            #expect(try await browser.get("/incidents?state=resolved").body.contains("INC-1"))
            #expect(try await browser.get("/incidents?state=bogus").status == .badRequest)
        }
    }
}
