import Foundation
import PipewatchCore
import PipewatchStore

/// Values the contract tests store and expect back.
enum Fixtures {
    /// 2024-03-31T01:00:00.123Z, the instant Europe/Berlin switches to summer time, with milliseconds.
    static let now = Date(timeIntervalSince1970: 1_711_846_800.123)

    static func date(_ day: String) -> LocalDate {
        guard let date = LocalDate(iso: day) else { preconditionFailure("bad fixture date \(day)") }
        return date
    }

    /// `hours` after ``now``.
    static func at(hours: Double) -> Date { now.addingTimeInterval(hours * 3600) }

    static func audit(_ action: String, actor: String = "ops", at: Date = now) -> AuditDraft {
        AuditDraft(at: at, actor: actor, action: action, detail: action)
    }
}
