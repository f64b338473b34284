public import Foundation
public import PipewatchCore
import PipewatchStore

extension IncidentService {
    /// Tells the people a run book step's `notify:` names about an incident: stakeholders get a
    /// notice written for business readers, engineers the page, the team its channel.
    ///
    /// - Returns: Who was told, for the caller to show.
    public func tell(
        _ targets: [NotificationTarget],
        about incident: Incident,
        step: Int,
        by actor: String,
        at now: Date
    ) async throws -> [String] {
        guard let pipeline = plan.catalog.pipeline(incident.pipeline) else {
            throw EngineError.unknownPipeline(incident.pipeline)
        }
        let calculator = try? await schedule.calculator()
        let oncall = calculator.flatMap { schedule.engineerOnCall(at: now, in: $0) }
        var stakeholders: [Stakeholder] = []
        var engineers: [Engineer] = []
        var toTeam = false
        for target in targets {
            switch target {
            case .stakeholders:
                stakeholders += (pipeline.stakeholders + [pipeline.metricOwner].compactMap { $0 })
                    .compactMap { plan.catalog.stakeholder($0) }
            case .stakeholder(let id):
                stakeholders += [plan.catalog.stakeholder(id)].compactMap { $0 }
            case .owners:
                engineers += [pipeline.owners.primary, pipeline.owners.secondary].compactMap { $0 }
                    .compactMap { plan.catalog.engineer($0) }
            case .oncall:
                engineers += [oncall].compactMap { $0 }.compactMap { plan.catalog.engineer($0) }
            case .team:
                toTeam = true
            }
        }
        let key = "incident-\(incident.id)/step-\(step)/\(Int64(now.timeIntervalSince1970 * 1000))"
        let evidence = try await store.incident(id: incident.id).evidence
        let notice = Self.notice(for: pipeline, incident: incident, at: now)
        let composer = StakeholderNoticeComposer(plan: plan)
        let pages = PageComposer(plan: plan)
        let team = plan.catalog.team
        let working = (incident.acknowledgedBy.map { EngineerID($0) } ?? incident.assignee)
            .flatMap { plan.catalog.engineer($0)?.name }
        let uniqueStakeholders = stakeholders.reduce(into: [Stakeholder]()) { if !$0.contains($1) { $0.append($1) } }
        let uniqueEngineers = engineers.reduce(into: [Engineer]()) { if !$0.contains($1) { $0.append($1) } }
        let outbox = OutboxWriter(mailFrom: plan.smtp?.from)
        let includesTeam = toTeam
        let told = try await store.transaction { transaction -> [String] in
            var told: [String] = []
            for reader in uniqueStakeholders {
                var message = composer.notice(
                    notice,
                    pipeline: pipeline,
                    readerName: reader.name,
                    readerZone: reader.timeZone ?? team.timeZone,
                    workingOnIt: working
                )
                message.incidentID = incident.id
                try await outbox.enqueue(
                    message,
                    to: "stakeholder:\(reader.id)",
                    contacts: reader.contacts,
                    key: key,
                    in: transaction,
                    at: now,
                    preferences: reader.preferences,
                    timeZone: reader.timeZone ?? team.timeZone
                )
                told.append(reader.name)
            }
            for engineer in uniqueEngineers {
                let message = pages.page(
                    incident,
                    to: engineer,
                    why: "run book step \(step): keep informed",
                    evidence: evidence
                )
                try await outbox.enqueue(
                    message,
                    to: "engineer:\(engineer.id)",
                    contacts: engineer.contacts,
                    key: key,
                    in: transaction,
                    at: now,
                    preferences: engineer.preferences,
                    timeZone: engineer.timeZone
                )
                told.append(engineer.name)
            }
            if includesTeam {
                let message = pages.page(
                    incident,
                    timeZone: team.timeZone,
                    acknowledgeAs: nil,
                    why: "run book step \(step): the team is told",
                    evidence: evidence
                )
                try await outbox.enqueue(
                    message,
                    to: "team",
                    contacts: team.contacts,
                    key: key,
                    in: transaction,
                    at: now
                )
                if team.contacts.isEmpty {
                    for engineer in plan.catalog.engineers where !uniqueEngineers.contains(engineer) {
                        try await outbox.enqueue(
                            message,
                            to: "engineer:\(engineer.id)",
                            contacts: engineer.contacts,
                            key: key,
                            in: transaction,
                            at: now
                        )
                    }
                }
                told.append("the team")
            }
            try await transaction.appendTimeline(
                incidentID: incident.id,
                at: now,
                actor: actor,
                kind: .notified,
                detail: "step \(step): told \(told.joined(separator: ", "))"
            )
            return told
        }
        wake()
        return told
    }

    /// The notice stakeholders get from a run book step: the delivery at risk when the pipeline
    /// has a deadline, else that a problem affects it.
    static func notice(for pipeline: Pipeline, incident: Incident, at now: Date) -> DeliveryRisk.Notice {
        let reason = "the data team is working on a problem (\(incident.reference))"
        guard let deadline = pipeline.deliverBy else {
            return DeliveryRisk.Notice(
                kind: .atRisk,
                period: LocalDate(now, in: .gmt),
                due: now,
                expectedDelay: nil,
                reason: reason
            )
        }
        var day = LocalDate(now, in: deadline.timeZone)
        var due = day.instant(at: deadline.time, in: deadline.timeZone)
        if due <= now {
            day = day.adding(days: 1)
            due = day.instant(at: deadline.time, in: deadline.timeZone)
        }
        return DeliveryRisk.Notice(kind: .atRisk, period: day, due: due, expectedDelay: nil, reason: reason)
    }
}
