import Foundation

extension ReviewReport {
    /// A section of the report: a heading and a table (or a line saying there is nothing), as
    /// the table, the Markdown and the dashboard's review page show it.
    public struct Section: Sendable, Equatable {
        public var title: String
        public var header: [String]
        public var rows: [[String]]
        /// What is said when there are no rows.
        public var empty: String
    }

    /// The report as Markdown: what the review schedule sends, and `--format markdown`.
    public var markdown: String {
        var lines = [
            "# Review \(periodText)", "",
            "Times in \(timeZone.identifier); median and p90 by nearest rank.", "",
        ]
        for section in sections {
            lines += ["## \(section.title)", ""]
            guard !section.rows.isEmpty else {
                lines += [section.empty, ""]
                continue
            }
            let escape = { (cell: String) in cell.replacingOccurrences(of: "|", with: "\\|") }
            lines.append("| " + section.header.map(escape).joined(separator: " | ") + " |")
            lines.append("|" + section.header.map { _ in " --- |" }.joined())
            for row in section.rows { lines.append("| " + row.map(escape).joined(separator: " | ") + " |") }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }

    /// The report as aligned text tables, for people at a terminal.
    public var table: String {
        var lines = ["Review \(periodText) (\(timeZone.identifier); median and p90 by nearest rank)"]
        for section in sections {
            lines += ["", section.title.uppercased()]
            guard !section.rows.isEmpty else {
                lines.append("  \(section.empty)")
                continue
            }
            let all = [section.header] + section.rows
            let widths = section.header.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
            for row in all {
                let cells = row.enumerated().map { index, cell in
                    index == row.count - 1 ? cell : cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
                }
                let line = "  " + cells.joined(separator: "  ")
                lines.append(String(line.reversed().drop { $0 == " " }.reversed()))
            }
        }
        return lines.joined(separator: "\n")
    }

    /// `2026-01-05T00:00:00+00:00 to 2026-01-19T00:00:00+00:00`, in the team's zone.
    public var periodText: String {
        "\(ISO8601Text.format(from, in: timeZone)) to \(ISO8601Text.format(to, in: timeZone))"
    }

    /// The sections, in the order every form of the report shows them; times in the team's zone.
    public var sections: [Section] {
        let time = { (seconds: Double?) in seconds.map { Self.duration($0) } ?? "-" }
        let hours = { (value: Double) in String(format: "%.1f", value) }
        let summary = { (name: String, s: DurationSummary) in [name, "\(s.count)", time(s.median), time(s.p90)] }
        return [
            Section(
                title: "Response",
                header: ["measure", "incidents", "median", "p90"],
                rows: [
                    ["opened", "\(incidentCount)", "", ""],
                    summary("time to acknowledge", timeToAcknowledge),
                    summary("time to resolve", timeToResolve),
                ],
                empty: ""
            ),
            Section(
                title: "Incidents per pipeline",
                header: ["pipeline", "incidents", "ack median", "ack p90", "resolve median", "resolve p90"],
                rows: pipelines.map {
                    [
                        $0.pipeline.rawValue, "\($0.incidents)", time($0.timeToAcknowledge.median),
                        time($0.timeToAcknowledge.p90), time($0.timeToResolve.median), time($0.timeToResolve.p90),
                    ]
                },
                empty: "No incidents."
            ),
            Section(
                title: "Incidents per cause",
                header: ["cause", "incidents", "suggested (no review yet)"],
                rows: causes.map { [$0.cause.rawValue, "\($0.incidents)", "\($0.suggested)"] },
                empty: "No incidents."
            ),
            Section(
                title: "Recurring incidents (\(ReviewCalculator.recurringThreshold) or more times)",
                header: ["key", "pipeline", "times"],
                rows: recurring.map { [$0.key, $0.pipeline.rawValue, "\($0.occurrences)"] },
                empty: "None recurred."
            ),
            Section(
                title: "Noisiest checks",
                header: ["check", "pipeline", "opened", "cleared"],
                rows: noisyChecks.map { [$0.name, $0.pipeline.rawValue, "\($0.opened)", "\($0.cleared)"] },
                empty: "No check opened or cleared."
            ),
            Section(
                title: "Noisiest signals",
                header: ["signal", "pipeline", "opened", "cleared"],
                rows: noisySignals.map { [$0.name, $0.pipeline.rawValue, "\($0.opened)", "\($0.cleared)"] },
                empty: "No signal opened or cleared."
            ),
            Section(
                title: "On-call load",
                header: ["engineer", "pages", "at night", "on-call h", "weekend h", "holiday h covered"],
                rows: oncall.map {
                    [
                        $0.engineer.rawValue, "\($0.pages)", "\($0.nightPages)", hours($0.onCallHours),
                        hours($0.weekendHours), hours($0.holidayHoursCovered),
                    ]
                },
                empty: "No rotation and no pages."
            ),
            Section(
                title: "Deadlines missed",
                header: ["pipeline", "missed"],
                rows: missedDeadlines.map { [$0.name, "\($0.count)"] },
                empty: "No deadline missed."
            ),
            Section(
                title: "Stakeholder notices sent",
                header: ["stakeholder", "notices"],
                rows: stakeholderNotices.map { [$0.name, "\($0.count)"] },
                empty: "No notices."
            ),
            Section(
                title: "Post-incident reviews missing",
                header: ["incident", "pipeline", "resolved", "title"],
                rows: missingReviews.map {
                    [
                        "INC-\($0.incidentID)", $0.pipeline.rawValue, ISO8601Text.format($0.resolvedAt, in: timeZone),
                        $0.title,
                    ]
                },
                empty: "Every resolved incident has a review."
            ),
            Section(
                title: "Action items by owner",
                header: ["owner", "open", "overdue", "done", "oldest due"],
                rows: actionItems.map {
                    [
                        $0.owner.rawValue, "\($0.open)", "\($0.overdue)", "\($0.done)",
                        $0.items.first.map { "\($0.due)" } ?? "-",
                    ]
                },
                empty: "No action items."
            ),
            Section(
                title: "Run book familiarity (investor run books)",
                header: ["pipeline", "version", "not read by"],
                rows: familiarity.map {
                    [
                        $0.pipeline.rawValue, $0.version,
                        $0.unread.isEmpty ? "everyone has read it" : $0.unread.map(\.rawValue).joined(separator: ", "),
                    ]
                },
                empty: "No investor run books."
            ),
        ]
    }

    /// `4m`, `1h30m`, `2d3h`: to the minute, seconds only under a minute.
    static func duration(_ seconds: Double) -> String {
        let whole = Int64(seconds.rounded())
        guard whole >= 60 else { return "\(whole)s" }
        return DurationText.format(.seconds(whole - whole % 60))
    }
}
