public import Foundation
public import PipewatchCore

extension IncidentTransaction {
    /// The incident with `id`, locked for this transaction, or `nil` when it does not exist or
    /// another instance holds it now (PostgreSQL's `FOR UPDATE SKIP LOCKED`): the escalator then
    /// moves on to the next due step, and comes back to this one at its next tick if it is still
    /// pending. Stores that run one process only read it.
    public func claimIncident(id: Int64) async throws -> Incident? {
        try await incident(id: id)
    }
}
