import Foundation
import PipewatchCore
import PipewatchServer

/// A run book with its references resolved to people and checks, as text and as JSON.
struct RunbookView {
    struct Summary: Encodable {
        let pipeline: String
        let name: String
        let audience: String
        let steps: Int
    }

    struct Document: Encodable {
        let pipeline: String
        let name: String
        let steps: [Step]
    }

    struct Step: Encodable {
        let number: Int
        let text: String
        let checks: [CheckRef]
        let showRuns: Bool
        let escalate: Person?
        let notify: [Person]
        let action: String?

        enum CodingKeys: String, CodingKey {
            case number, text, checks, escalate, notify, action
            case showRuns = "show_runs"
        }
    }

    struct CheckRef: Encodable {
        let id: String
        let kind: String
        let summary: String
        /// The check's latest result, when it has run.
        let latest: CheckResultDocument?
    }

    /// Someone a step reaches, with the role that led to them.
    struct Person: Encodable {
        let role: String
        let id: String?
        let name: String
        let email: String?
    }

    let catalog: Catalog
    /// The latest result of each check, for the steps that name checks.
    var results: [CheckID: CheckResult] = [:]

    var summaries: [Summary] {
        catalog.pipelines.map {
            Summary(
                pipeline: $0.id.rawValue,
                name: $0.name,
                audience: $0.audience.rawValue,
                steps: $0.runbook.steps.count
            )
        }
    }

    var summaryTable: String {
        var table = TextTable("pipeline", "name", "audience", "steps")
        for summary in summaries {
            table.append(
                summary.pipeline,
                summary.name,
                summary.audience,
                summary.steps == 0 ? "-" : String(summary.steps)
            )
        }
        return table.rendered
    }

    func document(_ pipeline: Pipeline) -> Document {
        let steps = pipeline.runbook.steps.enumerated().map { index, step in
            Step(
                number: index + 1,
                text: step.text,
                checks: step.checks.map { id in
                    let check = pipeline.check(id)
                    return CheckRef(
                        id: id.rawValue,
                        kind: check?.kind.name ?? "unknown",
                        summary: check?.kind.summary ?? "",
                        latest: results[id].map(CheckResultDocument.init)
                    )
                },
                showRuns: step.showsRuns,
                escalate: step.escalation.map { escalationPerson($0, pipeline) },
                notify: step.notifications.flatMap { notified($0, pipeline) },
                action: step.action?.rawValue
            )
        }
        return Document(pipeline: pipeline.id.rawValue, name: pipeline.name, steps: steps)
    }

    func text(_ pipeline: Pipeline) -> String {
        var lines = ["\(pipeline.name) (\(pipeline.id))"]
        var facts = ["primary owner: \(name(pipeline.owners.primary))"]
        if let secondary = pipeline.owners.secondary { facts.append("secondary owner: \(name(secondary))") }
        if let deadline = pipeline.deliverBy {
            facts.append("deliver by \(deadline.time) \(deadline.timeZone.identifier)")
        }
        lines.append(facts.joined(separator: " · "))
        for step in document(pipeline).steps {
            lines.append("")
            lines.append("\(step.number). \(step.text)")
            for check in step.checks {
                lines.append("   checks: \(check.id): \(check.summary)")
                lines.append("      latest: \(check.latest.map(CheckResultTable.line) ?? "not run yet")")
            }
            if step.showRuns { lines.append("   shows: the pipeline's recent runs") }
            if let person = step.escalate { lines.append("   escalates to \(person.role): \(describe(person))") }
            for (role, people) in grouped(step.notify) {
                lines.append("   notifies \(role): \(people.map(describe).joined(separator: ", "))")
            }
            if let action = step.action { lines.append("   action: \(action)") }
        }
        return lines.joined(separator: "\n")
    }

    /// People in order, grouped by the role that reached them.
    private func grouped(_ people: [Person]) -> [(String, [Person])] {
        var groups: [(String, [Person])] = []
        for person in people {
            if let index = groups.firstIndex(where: { $0.0 == person.role }) {
                groups[index].1.append(person)
            } else {
                groups.append((person.role, [person]))
            }
        }
        return groups
    }

    private func describe(_ person: Person) -> String {
        person.email.map { "\(person.name) <\($0)>" } ?? person.name
    }

    private func name(_ id: EngineerID) -> String {
        catalog.engineer(id).map { "\($0.name) (\($0.id))" } ?? id.rawValue
    }

    private func escalationPerson(_ target: EscalationTarget, _ pipeline: Pipeline) -> Person {
        let engineerID: EngineerID? =
            switch target {
            case .oncall: nil
            case .primaryOwner: pipeline.owners.primary
            case .secondaryOwner: pipeline.owners.secondary
            case .engineer(let id): id
            }
        guard let engineerID, let engineer = catalog.engineer(engineerID) else {
            return Person(role: target.description, id: nil, name: "whoever is on call at the time", email: nil)
        }
        return Person(role: target.description, id: engineer.id.rawValue, name: engineer.name, email: engineer.email)
    }

    private func notified(_ target: NotificationTarget, _ pipeline: Pipeline) -> [Person] {
        let role = target.description
        let engineers: [EngineerID]
        switch target {
        case .stakeholders:
            let ids = pipeline.stakeholders + (pipeline.metricOwner.map { [$0] } ?? [])
            return unique(ids).compactMap(catalog.stakeholder).map {
                Person(role: role, id: $0.id.rawValue, name: $0.name, email: $0.email)
            }
        case .stakeholder(let id):
            return catalog.stakeholder(id).map { [Person(role: role, id: id.rawValue, name: $0.name, email: $0.email)] }
                ?? []
        case .owners:
            engineers = [pipeline.owners.primary] + (pipeline.owners.secondary.map { [$0] } ?? [])
        case .team:
            engineers = catalog.engineers.map(\.id)
        case .oncall:
            return [escalationPerson(.oncall, pipeline)]
        }
        return engineers.compactMap(catalog.engineer).map {
            Person(role: role, id: $0.id.rawValue, name: $0.name, email: $0.email)
        }
    }

    private func unique<T: Hashable>(_ items: [T]) -> [T] {
        var seen: Set<T> = []
        return items.filter { seen.insert($0).inserted }
    }
}
