import Foundation
import PipewatchServer

/// An incident's detail as people read it in a terminal.
struct IncidentText {
    let session: IncidentSession

    func render(_ detail: IncidentDetail) -> String {
        let incident = detail.incident
        var lines = [
            "\(incident.reference) \(incident.severity.uppercased()) \(incident.state) on \(incident.pipeline)",
            "  \(incident.title)",
            "  opened \(incident.openedAt), seen \(incident.count) time\(incident.count == 1 ? "" : "s"), "
                + "assignee \(incident.assignee ?? "-")",
        ]
        if let by = incident.acknowledgedBy {
            lines.append("  acknowledged by \(by) at \(incident.acknowledgedAt ?? "-")")
        }
        if let by = incident.resolvedBy { lines.append("  resolved by \(by) at \(incident.resolvedAt ?? "-")") }
        if !detail.evidence.isEmpty {
            lines.append("\nEvidence")
            lines += detail.evidence.keys.sorted().map { "  \($0): \(detail.evidence[$0] ?? "")" }
        }
        if !detail.escalation.isEmpty {
            lines.append("\nEscalation")
            lines += detail.escalation.map { step in
                let who = step.target.map { " \($0)" } ?? ""
                return "  \(step.step). \(step.state)\(who) (due \(step.dueAt))\(step.detail.map { ": \($0)" } ?? "")"
            }
        }
        if !detail.runbook.isEmpty {
            lines.append("\nRun book")
            for step in detail.runbook {
                let box = step.state == "done" ? "[x]" : step.state == "skipped" ? "[-]" : "[ ]"
                let by = step.by.map { " (\(step.state) by \($0))" } ?? ""
                lines.append("  \(box) \(step.step). \(step.text)\(by)")
                if let note = step.note { lines.append("        note: \(note)") }
                for check in step.checks {
                    let result = step.checkResults.first { $0.check == check }
                    lines.append("        check \(check): \(result.map(CheckResultTable.line) ?? "not run yet")")
                }
                if step.showsRuns {
                    lines += detail.runs.map { run in
                        let error = run.errorMessage.map { ": \($0)" } ?? ""
                        return
                            "        run \(run.job.namespace)/\(run.job.name) \(run.state) \(run.startedAt ?? "-")\(error)"
                    }
                }
                if let target = step.escalate {
                    lines.append("        escalate: \(target)  (incident step ID \(step.step) run)")
                }
                if !step.notify.isEmpty {
                    lines.append(
                        "        notify: \(step.notify.joined(separator: ", "))  (incident step ID \(step.step) run)"
                    )
                }
                if let action = step.action {
                    lines.append("        action: \(action)  (incident action ID \(step.step))")
                }
            }
        }
        if !detail.actions.isEmpty {
            lines.append("\nActions")
            lines += detail.actions.map { run in
                let status = run.exitStatus.map { "exit \($0)" } ?? run.httpStatus.map { "HTTP \($0)" } ?? "-"
                return "  step \(run.step) \(run.action): \(run.state), \(status), by \(run.actor) at \(run.startedAt)"
            }
        }
        lines.append("\nTimeline")
        lines += detail.timeline.map { "  \($0.at)  \($0.actor): \($0.detail)" }
        if !detail.notifications.isEmpty {
            lines.append("\nNotifications")
            lines += detail.notifications.map { message in
                let error = message.lastError.map { " (\($0))" } ?? ""
                return
                    "  #\(message.id) \(message.kind) to \(message.recipient) via \(message.channel): \(message.state), "
                    + "\(message.attempts) attempt\(message.attempts == 1 ? "" : "s")\(error)"
            }
        }
        if let review = detail.review {
            lines.append("\nReview by \(review.author) at \(review.at)")
            lines.append("  cause: \(review.cause)")
            lines.append("  summary: \(review.summary)")
            if !review.lessons.isEmpty { lines.append("  lessons: \(review.lessons)") }
            lines += review.actionItems.enumerated().map { index, item in
                let state = item.doneBy.map { "done by \($0) at \(item.doneAt ?? "")" } ?? "open"
                return "  \(index + 1). [\(state)] \(item.text) (\(item.owner), due \(item.due))"
            }
        }
        return lines.joined(separator: "\n")
    }
}
