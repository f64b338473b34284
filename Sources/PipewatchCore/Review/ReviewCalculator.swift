public import Foundation

/// Computes a ``ReviewReport`` from the facts of a period. Pure: the period, the facts and the
/// schedule come in, nothing is read.
///
/// The rules, in the order the report lists them:
/// 1. Incidents count when opened in the period (by ``Incident/openedAt``).
/// 2. Time to acknowledge is acknowledged-at minus the instant Pipewatch opened the incident
///    (its page); time to resolve is resolved-at minus the same instant. Incidents not yet
///    acknowledged or resolved are left out of that figure. Median and 90th percentile are
///    nearest-rank (``Percentile``).
/// 3. A cause comes from the incident's review, else from its kind (counted as suggested).
/// 4. A key recurs when its incidents were opened or reopened three or more times in the period.
/// 5. Noise counts `opened` and `cleared` signal transitions; a check is a signal whose subject is `check:ID`.
/// 6. On-call hours, weekend hours and holiday hours covered come from the schedule of the
///    period (the same ``Schedule`` the fairness report sums); pages from fired escalation
///    steps; a night page falls between 22:00 and 07:00 in the engineer's own zone.
/// 7. A missed deadline is an opened `missed_deadline` signal; notices are stakeholder notices.
/// 8. A review is missing for an incident of the period that is resolved and has none.
/// 9. An action item of any review is open until marked done; one marked done after the period
///    counts as open in it. An open item is overdue when due before the period's last day in the
///    team's zone.
public struct ReviewCalculator: Sendable {
    /// How many noisy signals and checks the report lists.
    public static let noisyLimit = 10
    /// How many occurrences make a key recurring.
    public static let recurringThreshold = 3
    /// Night in an engineer's own zone: from 22:00 to 07:00.
    public static let nightStartsAt = 22 * 3600
    public static let nightEndsAt = 7 * 3600

    public let catalog: Catalog

    /// Creates a calculator for the team in `catalog`.
    public init(catalog: Catalog) {
        self.catalog = catalog
    }

    /// The report of the period `from..<to`.
    ///
    /// - Parameters:
    ///   - from: The first instant of the period.
    ///   - to: The instant after its end.
    ///   - facts: What the store holds of the period.
    ///   - schedule: Who was on call in the period, when the team has a rotation.
    ///   - members: The rotation's members, in rotation order.
    ///   - familiarity: Investor run books and who has not read them.
    /// - Returns: The report.
    public func report(
        from: Date,
        to: Date,
        facts: ReviewFacts,
        schedule: Schedule?,
        members: [Engineer],
        familiarity: [ReviewReport.Familiarity]
    ) -> ReviewReport {
        let zone = catalog.team.timeZone
        let inPeriod = facts.incidents.filter { $0.incident.openedAt >= from && $0.incident.openedAt < to }
        let acknowledged = { (list: [ReviewFacts.OpenedIncident]) in
            list.compactMap { entry in
                entry.incident.acknowledgedAt.map { max(0, $0.timeIntervalSince(entry.noticedAt)) }
            }
        }
        let resolved = { (list: [ReviewFacts.OpenedIncident]) in
            list.compactMap { entry in
                entry.incident.resolvedAt.map { max(0, $0.timeIntervalSince(entry.noticedAt)) }
            }
        }
        let byPipeline = Dictionary(grouping: inPeriod, by: \.incident.pipeline)
        let pipelines = byPipeline.map { pipeline, list in
            ReviewReport.PipelineLine(
                pipeline: pipeline,
                incidents: list.count,
                timeToAcknowledge: .init(acknowledged(list)),
                timeToResolve: .init(resolved(list))
            )
        }.sorted { ($0.incidents, $1.pipeline.rawValue) > ($1.incidents, $0.pipeline.rawValue) }
        return ReviewReport(
            from: from,
            to: to,
            timeZone: zone,
            incidentCount: inPeriod.count,
            timeToAcknowledge: .init(acknowledged(inPeriod)),
            timeToResolve: .init(resolved(inPeriod)),
            pipelines: pipelines,
            causes: causes(inPeriod, reviews: facts.reviews),
            recurring: recurring(inPeriod, reopenings: facts.reopenings, from: from, to: to),
            noisySignals: noisy(facts.transitions, from: from, to: to, checks: false),
            noisyChecks: noisy(facts.transitions, from: from, to: to, checks: true),
            oncall: oncall(facts.pages, schedule: schedule, members: members, from: from, to: to),
            missedDeadlines: counted(
                facts.transitions.filter {
                    $0.kind == SignalKind.missedDeadline.rawValue && $0.change == "opened" && $0.at >= from
                        && $0.at < to
                }.map(\.pipeline.rawValue)
            ),
            stakeholderNotices: counted(
                facts.notices.filter { $0.at >= from && $0.at < to }.map {
                    $0.recipient.hasPrefix("stakeholder:") ? String($0.recipient.dropFirst(12)) : $0.recipient
                }
            ),
            missingReviews: inPeriod.compactMap { entry in
                guard let resolvedAt = entry.incident.resolvedAt, entry.incident.state == .resolved,
                    facts.reviews[entry.incident.id] == nil
                else { return nil }
                return ReviewReport.MissingReview(
                    incidentID: entry.incident.id,
                    pipeline: entry.incident.pipeline,
                    title: entry.incident.title,
                    resolvedAt: resolvedAt
                )
            }.sorted { ($0.resolvedAt, $0.incidentID) < ($1.resolvedAt, $1.incidentID) },
            actionItems: actionItems(facts.reviews, lastDay: LocalDate(to.addingTimeInterval(-1), in: zone), end: to),
            familiarity: familiarity
        )
    }

    private func causes(
        _ incidents: [ReviewFacts.OpenedIncident],
        reviews: [Int64: IncidentReview]
    )
        -> [ReviewReport.CauseLine]
    {
        var lines: [IncidentCause: ReviewReport.CauseLine] = [:]
        for entry in incidents {
            let review = reviews[entry.incident.id]
            let cause = review?.cause ?? IncidentCause(suggestedFor: suggestedKind(of: entry.incident))
            lines[cause, default: .init(cause: cause, incidents: 0, suggested: 0)].incidents += 1
            if review == nil { lines[cause]?.suggested += 1 }
        }
        let order = IncidentCause.allCases
        return lines.values.sorted {
            ($0.incidents, order.firstIndex(of: $1.cause) ?? 0) > ($1.incidents, order.firstIndex(of: $0.cause) ?? 0)
        }
    }

    /// A check's kind for a check's incident (its key ends in `check:ID`), else the signal kind.
    private func suggestedKind(of incident: Incident) -> String {
        guard let range = incident.key.range(of: "|check:"),
            let check = catalog.pipeline(incident.pipeline)?.check(CheckID(String(incident.key[range.upperBound...])))
        else { return incident.kind }
        return check.kind.name
    }

    private func recurring(
        _ incidents: [ReviewFacts.OpenedIncident],
        reopenings: [ReviewFacts.Reopening],
        from: Date,
        to: Date
    ) -> [ReviewReport.Recurring] {
        var counts: [String: (PipelineID, Int)] = [:]
        for entry in incidents { counts[entry.incident.key, default: (entry.incident.pipeline, 0)].1 += 1 }
        for reopening in reopenings where reopening.at >= from && reopening.at < to {
            counts[reopening.key, default: (reopening.pipeline, 0)].1 += 1
        }
        return counts.filter { $0.value.1 >= Self.recurringThreshold }
            .map { ReviewReport.Recurring(key: $0.key, pipeline: $0.value.0, occurrences: $0.value.1) }
            .sorted { ($0.occurrences, $1.key) > ($1.occurrences, $0.key) }
    }

    private func noisy(
        _ transitions: [ReviewFacts.Transition],
        from: Date,
        to: Date,
        checks: Bool
    )
        -> [ReviewReport.Noisy]
    {
        var lines: [String: ReviewReport.Noisy] = [:]
        for transition in transitions where transition.at >= from && transition.at < to {
            let check = transition.key.range(of: "|check:").map { String(transition.key[$0.upperBound...]) }
            guard (check != nil) == checks, transition.change == "opened" || transition.change == "cleared" else {
                continue
            }
            let name = check ?? transition.key
            var line = lines[name] ?? .init(name: name, pipeline: transition.pipeline, opened: 0, cleared: 0)
            if transition.change == "opened" { line.opened += 1 } else { line.cleared += 1 }
            lines[name] = line
        }
        return Array(
            lines.values.sorted { ($0.opened + $0.cleared, $1.name) > ($1.opened + $1.cleared, $0.name) }
                .prefix(Self.noisyLimit)
        )
    }

    private func oncall(
        _ pages: [ReviewFacts.Page],
        schedule: Schedule?,
        members: [Engineer],
        from: Date,
        to: Date
    ) -> [ReviewReport.OncallLine] {
        var order = members.map(\.id)
        for page in pages where !order.contains(page.engineer) { order.append(page.engineer) }
        return order.map { id in
            let zone = catalog.engineer(id)?.timeZone ?? catalog.team.timeZone
            let theirs = pages.filter { $0.engineer == id && $0.at >= from && $0.at < to }
            var line = ReviewReport.OncallLine(
                engineer: id,
                pages: theirs.count,
                nightPages: theirs.filter { Self.isNight($0.at, in: zone) }.count,
                onCallHours: 0,
                weekendHours: 0,
                holidayHoursCovered: 0
            )
            for shift in schedule?.shifts(of: id) ?? [] {
                let start = max(shift.start, from)
                let end = min(shift.end, to)
                guard start < end else { continue }
                line.onCallHours += end.timeIntervalSince(start) / 3600
                line.weekendHours += Self.weekendSeconds(from: start, to: end, in: zone) / 3600
                guard shift.reason == .substitute, let covering = shift.covering else { continue }
                for absence in schedule?.absences ?? [] where absence.engineer == covering {
                    switch absence.reason {
                    case .publicHoliday, .companyDay:
                        let overlap = min(end, absence.end).timeIntervalSince(max(start, absence.start))
                        if overlap > 0 { line.holidayHoursCovered += overlap / 3600 }
                    case .timeOff: break
                    }
                }
            }
            return line
        }
    }

    /// Whether `instant` is between 22:00 and 07:00 on the wall clock of `zone`.
    public static func isNight(_ instant: Date, in zone: TimeZone) -> Bool {
        let wall = WallTime.seconds(of: instant, in: zone)
        let second = ((wall % 86_400) + 86_400) % 86_400
        return second >= nightStartsAt || second < nightEndsAt
    }

    /// The seconds of `from..<to` that fall on a Saturday or Sunday in `zone`.
    static func weekendSeconds(from: Date, to: Date, in zone: TimeZone) -> Double {
        var total = 0.0
        var date = LocalDate(from, in: zone)
        var dayStart = date.instant(in: zone)
        while dayStart < to {
            let next = date.adding(days: 1)
            let dayEnd = next.instant(in: zone)
            if date.weekday.isWeekend {
                let overlap = min(dayEnd, to).timeIntervalSince(max(dayStart, from))
                if overlap > 0 { total += overlap }
            }
            date = next
            dayStart = dayEnd
        }
        return total
    }

    private func counted(_ names: [String]) -> [ReviewReport.Count] {
        Dictionary(grouping: names, by: { $0 }).map { ReviewReport.Count(name: $0.key, count: $0.value.count) }
            .sorted { ($0.count, $1.name) > ($1.count, $0.name) }
    }

    private func actionItems(
        _ reviews: [Int64: IncidentReview],
        lastDay: LocalDate,
        end: Date
    ) -> [ReviewReport.OwnerItems] {
        var open: [EngineerID: [ReviewReport.Item]] = [:]
        var done: [EngineerID: Int] = [:]
        for (incidentID, review) in reviews {
            for item in review.actionItems {
                if let completion = item.done, completion.at <= end {
                    done[item.owner, default: 0] += 1
                    continue
                }
                open[item.owner, default: []].append(
                    .init(incidentID: incidentID, text: item.text, due: item.due, overdue: item.due < lastDay)
                )
            }
        }
        return Set(open.keys).union(done.keys).map { owner in
            let items = (open[owner] ?? []).sorted {
                ($0.due, $0.incidentID, $0.text) < ($1.due, $1.incidentID, $1.text)
            }
            return ReviewReport.OwnerItems(
                owner: owner,
                open: items.count,
                overdue: items.filter(\.overdue).count,
                done: done[owner] ?? 0,
                items: items
            )
        }.sorted { ($0.overdue, $0.open, $1.owner.rawValue) > ($1.overdue, $1.open, $0.owner.rawValue) }
    }
}
