import Foundation
import HTTPTypes
import HummingbirdTesting
import PipewatchCore
import PipewatchServer
import PipewatchStore
import PipewatchTestSupport
import Testing

/// The dashboard's review page, on the live server, after a failure opened INC-1.
@Suite("web dashboard: review page")
struct DashboardReviewTests {
    @Test("the review page shows the report's sections as tables and refuses a bad period with its reason")
    func reviewPage() async throws {
        let failure = try sampleEvent(
            "openlineage-runevent-fail",
            ["job": ["namespace": "airflow", "name": "profit_daily"]]
        )
        try await withTestServer(
            plan: dashboardPlan(readAccess: .open),
            settings: ServerSettings(port: 0),
            testing: .live
        ) {
            client,
            _ in
            let (status, _) = try await sendJSON(client, .post, "/api/v1/lineage", failure, token: writeToken)
            #expect(status.code < 300)
            let browser = DashboardClient(client)
            let page = try await browser.get("/review?since=30d")
            #expect(page.status == .ok)
            #expect(page.body.contains("<h2>Incidents per pipeline</h2>"))
            #expect(page.body.contains("<tr><td>profit</td><td>1</td>"))
            #expect(page.body.contains(#"<a href="/review?since=30d" aria-current="true">last 30d</a>"#))
            #expect(page.body.contains(#"href="/api/v1/review?format=markdown&amp;since=30d""#))
            #expect(page.body.contains(#"<li><a href="/review" aria-current="page">Review</a></li>"#))
            let bad = try await browser.get("/review?since=soon")
            #expect(bad.status == .badRequest)
            #expect(
                bad.body.contains("since: &#39;soon&#39; is not a duration")
                    || bad.body.contains("since: 'soon' is not a duration")
            )
        }
    }
}
