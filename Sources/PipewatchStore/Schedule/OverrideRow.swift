import PipewatchCore

/// A row of `overrides`.
struct OverrideRow: Codable, Sendable {
    var id: Int64
    var engineer: String
    var startMs: Int64
    var endMs: Int64
    var reason: String
    var createdAtMs: Int64

    /// The override this row holds.
    var override: Override {
        Override(
            id: id,
            engineer: EngineerID(engineer),
            start: EpochMilliseconds(startMs).date,
            end: EpochMilliseconds(endMs).date,
            reason: reason,
            createdAt: EpochMilliseconds(createdAtMs).date
        )
    }
}
