import PipewatchCore

/// A row of `audit_log`.
struct AuditRow: Codable, Sendable {
    var id: Int64
    var atMs: Int64
    var actor: String
    var action: String
    var detail: String

    /// The entry this row holds.
    var entry: AuditEntry {
        AuditEntry(id: id, at: EpochMilliseconds(atMs).date, actor: actor, action: action, detail: detail)
    }
}
