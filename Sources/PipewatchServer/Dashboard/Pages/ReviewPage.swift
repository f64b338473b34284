import Foundation
import PipewatchCore

/// `/review`: the periodic review's sections as tables, the same rows `pipewatch review` prints,
/// with links to other periods.
struct ReviewPage: Sendable {
    struct Section: Sendable {
        let title: String
        let header: [String]
        let rows: [Row]
        let hasRows: Bool
        let empty: String
    }

    struct Row: Sendable {
        let cells: [String]
    }

    struct Period: Sendable {
        let label: String
        let href: String
        let current: Bool
    }

    let chrome: DashboardChrome
    let period: String
    let sections: [Section]
    let periods: [Period]
    let markdownHref: String

    /// The page of `report`; `since` is the period link that is current (`nil` for a from/to period).
    init(chrome: DashboardChrome, report: ReviewReport, since: String?, query: String) {
        self.chrome = chrome
        period = report.periodText
        sections = report.sections.map { section in
            Section(
                title: section.title,
                header: section.header,
                rows: section.rows.map { Row(cells: $0) },
                hasRows: !section.rows.isEmpty,
                empty: section.empty
            )
        }
        periods = ["7d", "30d", "90d", "365d"].map {
            Period(label: $0, href: "/review?since=\($0)", current: $0 == since)
        }
        markdownHref = "/api/v1/review?format=markdown" + (query.isEmpty ? "" : "&\(query)")
    }
}
