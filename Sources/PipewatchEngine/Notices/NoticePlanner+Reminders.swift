public import Foundation
import PipewatchCore
import PipewatchStore

extension NoticePlanner {
    /// Reminds each engineer whose on-call shift starts within a day to read the investor run
    /// books they have not read in their current version; once per shift.
    ///
    /// - Returns: How many messages were queued.
    public func runbookReminders(at now: Date) async throws -> Int {
        let familiarity = RunbookFamiliarity(plan: plan, store: store)
        let unread = try await familiarity.unread().filter { !$0.missing.isEmpty }
        guard !unread.isEmpty, plan.oncall != nil, let calculator = try? await schedule.calculator() else { return 0 }
        let upcoming = (try? calculator.schedule(from: now, to: now.addingTimeInterval(86_400)).shifts) ?? []
        var queued = 0
        for shift in upcoming where shift.start > now {
            guard let engineer = plan.catalog.engineer(shift.engineer) else { continue }
            let books = unread.filter { $0.missing.contains(engineer.id) }.map(\.pipeline)
            guard !books.isEmpty else { continue }
            let start = ISO8601Text.format(shift.start, in: engineer.timeZone)
            let lines =
                ["Your on-call shift starts \(start) (your time). Please read these run books before it:"]
                + books.map {
                    "  - \($0.name): pipewatch runbook show \($0.id), then pipewatch runbook ack \($0.id) --as \(engineer.id)"
                }
            let message = NotificationMessage(
                kind: "reminder",
                title: "Before your on-call shift: \(books.count) run book\(books.count == 1 ? "" : "s") to read",
                text: lines.joined(separator: "\n"),
                fields: ["shift_start": ISO8601Text.format(shift.start, in: .gmt)]
            )
            let key = "runbook-reminder/\(engineer.id)/\(Int64(shift.start.timeIntervalSince1970))"
            queued += try await enqueue(
                message,
                to: "engineer:\(engineer.id)",
                contacts: engineer.contacts,
                key: key,
                at: now
            )
        }
        return queued
    }
}
