import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import PipewatchCore
import PipewatchServer
import PipewatchStore
import Testing

/// The schedule and fairness pages through a real loopback server. The server's clock is
/// 2026-11-29T10:13Z (a Sunday); the rotation is a, b weekly from Monday 09:00 UTC, so a holds
/// the week of 7 December and b the week of 30 November.
@Suite("web dashboard: schedule and fairness")
struct ScheduleDashboardTests {
    private func withDashboard(
        plan: TeamPlan = dashboardPlan(),
        _ body: @Sendable (DashboardClient, SQLStateStore) async throws -> Void
    ) async throws {
        try await withTestServer(plan: plan, settings: ServerSettings(port: 0), testing: .live) { client, store in
            try await body(DashboardClient(client), store)
        }
    }

    @Test("the schedule shows a month of shifts and named holidays; fairness draws an SVG chart")
    func pagesRender() async throws {
        try await withDashboard { browser, _ in
            try await browser.signIn(viewerToken)
            let month = try await browser.get("/schedule?engineer=a&month=2026-12")
            #expect(month.status == .ok)
            #expect(month.body.contains("A: December 2026"))
            #expect(
                month.body.contains("Public holiday &#39;Christmas Day&#39;")
                    || month.body.contains("Public holiday 'Christmas Day'")
            )
            #expect(month.body.contains("On call 09:00–24:00"))
            #expect(month.body.contains(#"<time datetime="2026-12-31">31</time>"#))
            // A viewer reads, and is offered no form that changes the schedule.
            #expect(!month.body.contains(#"action="/schedule/swaps""#))
            #expect(!month.body.contains(#"action="/schedule/timeoff""#))
            let fairness = try await browser.get("/fairness?year=2026")
            #expect(fairness.status == .ok)
            #expect(fairness.body.contains("<svg"))
            #expect(fairness.body.contains("On-call hours per engineer in 2026"))
            #expect(
                fairness.body.contains(#"<th scope="row">A</th>"#) && fairness.body.contains(#"<th scope="row">B</th>"#)
            )
        }
    }

    @Test("a swap with too short a notice is refused with the CLI's message; a good one is requested and accepted")
    func swaps() async throws {
        try await withDashboard { browser, store in
            try await browser.signIn(engineerToken)
            let form = try await browser.get("/schedule?month=2026-11")
            let csrf = try #require(form.csrf)
            // When a asks b to take tomorrow morning: notice is a week
            let late = try await browser.post(
                "/schedule/swaps",
                ["csrf": csrf, "to": "b", "start": "2026-11-29T12:00", "end": "2026-11-30T09:00"]
            )
            // Then the page says why, as 'pipewatch swap request' does, and nothing is stored
            #expect(late.status == .badRequest)
            #expect(
                late.body.contains(
                    #"<p class="error" role="alert">swap request is too late: it starts 2026-11-29T12:00:00+00:00 "#
                        + "and needed filing by 2026-11-22T12:00:00+00:00 (swap notice 7 days)</p>"
                )
            )
            // When b is away on a day of a's week, a cannot hand that day to b: the page says why
            _ = try await store.addTimeOff(
                TimeOff(
                    engineer: "b",
                    from: LocalDate(iso: "2026-12-10")!,
                    to: LocalDate(iso: "2026-12-10")!,
                    reason: "exam"
                ),
                at: .now
            ) { _ in AuditDraft(at: .now, actor: "b", action: "timeoff.add", detail: "test") }
            let away = try await browser.post(
                "/schedule/swaps",
                ["csrf": csrf, "to": "b", "start": "2026-12-10T09:00", "end": "2026-12-10T18:00"]
            )
            #expect(away.status == .badRequest)
            #expect(
                away.body.contains(
                    "swap request cannot go to &#39;b&#39;: &#39;b&#39; is unavailable on 2026-12-10, time off (&#39;exam&#39;)"
                )
            )
            #expect(try await store.swapRequests(status: nil).isEmpty)

            // When a asks b to take a day of a's week of 7 December
            let good = try await browser.post(
                "/schedule/swaps",
                ["csrf": csrf, "to": "b", "start": "2026-12-08T09:00", "end": "2026-12-09T09:00", "reason": "dentist"]
            )
            #expect(good.status == .seeOther)
            #expect(good.headers[.location] == "/schedule?engineer=a&month=2026-12&done=swap-requested")
            let pending = try await browser.get("/schedule?engineer=a&month=2026-12")
            #expect(pending.body.contains("Swap #1 pending: A → B"))
            // a is not the taker: no accept button for a, and accepting is refused
            #expect(!pending.body.contains(#"action="/schedule/swaps/1/accept""#))
            let refused = try await browser.post("/schedule/swaps/1/accept", ["csrf": csrf])
            #expect(
                refused.body.contains("only &#39;b&#39;, the taker, may accept swap request #1")
                    || refused.body.contains("only 'b', the taker, may accept swap request #1")
            )

            // When an admin accepts it for b
            let admin = DashboardClient(browser.client)
            try await admin.signIn(dashboardAdminToken)
            let adminPage = try await admin.get("/schedule?engineer=b&month=2026-12")
            #expect(adminPage.body.contains(#"action="/schedule/swaps/1/accept""#))
            let accepted = try await admin.post("/schedule/swaps/1/accept", ["csrf": try #require(adminPage.csrf)])
            #expect(accepted.status == .seeOther)
            // Then b's calendar shows the swapped day
            #expect(accepted.headers[.location] == "/schedule?engineer=b&month=2026-12&done=swap-accepted")
            let after = try await admin.get(try #require(accepted.headers[.location]))
            #expect(after.body.contains("Swap accepted"))
            #expect(after.body.contains(#"class="entry swap""#))
            #expect(try await store.swapRequests(status: .accepted).count == 1)
        }
    }

    @Test("an engineer adds their own time off and sees it; not someone else's; a viewer may not")
    func timeOff() async throws {
        try await withDashboard { browser, store in
            try await browser.signIn(engineerToken)
            let csrf = try #require(try await browser.get("/schedule").csrf)
            let added = try await browser.post(
                "/schedule/timeoff",
                ["csrf": csrf, "from": "2026-12-09", "to": "2026-12-10", "reason": "moving house"]
            )
            #expect(added.status == .seeOther)
            let page = try await browser.get(try #require(added.headers[.location]))
            #expect(page.body.contains("Time off added"))
            #expect(
                page.body.contains("Time off (&#39;moving house&#39;)")
                    || page.body.contains("Time off ('moving house')")
            )
            #expect(page.body.contains(#"class="entry timeoff""#))
            let others = try await browser.post(
                "/schedule/timeoff",
                ["csrf": csrf, "engineer": "b", "from": "2026-12-20", "to": "2026-12-20"]
            )
            #expect(others.status == .badRequest)
            #expect(others.body.contains("engineers act only for themselves"))
            #expect(try await store.allTimeOff().count == 1)

            let viewer = DashboardClient(browser.client)
            try await viewer.signIn(viewerToken)
            let token = try #require(try await viewer.get("/schedule").csrf)
            let forbidden = try await viewer.post(
                "/schedule/timeoff",
                ["csrf": token, "from": "2026-12-20", "to": "2026-12-20"]
            )
            #expect(forbidden.status == .forbidden)
            #expect(try await store.allTimeOff().count == 1)
        }
    }

    @Test("an engineer makes their calendar feed from the page; its address is shown once and serves")
    func feed() async throws {
        try await withDashboard { browser, store in
            try await browser.signIn(engineerToken)
            let csrf = try #require(try await browser.get("/schedule").csrf)
            let made = try await browser.post("/schedule/feeds", ["csrf": csrf, "engineer": "a"])
            #expect(made.status == .ok)
            let match = try #require(made.body.firstMatch(of: /\/feeds\/[0-9a-f]{64}\.ics/))
            let feed = try await browser.get(String(made.body[match.range]))
            #expect(feed.status == .ok && feed.body.contains("X-WR-CALNAME:Data on call: A"))
            #expect(try await store.calendarFeeds().count == 1)
            let forB = try await browser.post("/schedule/feeds", ["csrf": csrf, "engineer": "b"])
            #expect(forB.status == .badRequest)
        }
    }

    @Test("hostile names and reasons stay text on the schedule and fairness pages")
    func escaping() async throws {
        var plan = dashboardPlan()
        plan.catalog.engineers[1].name = #""><img src=x onerror=alert(1)>"#
        let hostile = plan
        try await withDashboard(plan: hostile) { browser, _ in
            try await browser.signIn(engineerToken)
            let csrf = try #require(try await browser.get("/schedule").csrf)
            _ = try await browser.post(
                "/schedule/timeoff",
                ["csrf": csrf, "from": "2026-12-09", "to": "2026-12-09", "reason": "<script>alert(1)</script>"]
            )
            for path in [
                "/schedule?engineer=a&month=2026-12", "/schedule?engineer=b&month=2026-12", "/fairness?year=2026",
            ] {
                let page = try await browser.get(path)
                #expect(page.status == .ok, "\(path)")
                #expect(!page.body.contains("<img src=x"), "\(path)")
                #expect(!page.body.contains("<script>alert(1)"), "\(path)")
            }
            let b = try await browser.get("/schedule?engineer=b&month=2026-12")
            #expect(b.body.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"))
            let a = try await browser.get("/schedule?engineer=a&month=2026-12")
            #expect(a.body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        }
    }
}
