public import Foundation
public import PipewatchCore

/// What the web dashboard keeps and reads beyond the other stores: its sessions, and the latest
/// run of every pipeline in one query (the overview's health board).
public protocol DashboardStore: Sendable {
    /// Stores a new session.
    func createSession(_ session: DashboardSession) async throws(StoreError)

    /// The session whose id has this SHA-256, when it has not expired by `now`.
    func session(idSHA256: String, at now: Date) async throws(StoreError) -> DashboardSession?

    /// Ends a session (sign out); ending one that does not exist is no error.
    func deleteSession(idSHA256: String) async throws(StoreError)

    /// Removes the sessions that expired before `now`; returns how many.
    func deleteExpiredSessions(at now: Date) async throws(StoreError) -> Int

    /// The newest run (by start) of each pipeline that has one.
    func latestRuns() async throws(StoreError) -> [PipelineID: Run]
}
