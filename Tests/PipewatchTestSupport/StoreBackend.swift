import Foundation
public import Logging
public import PipewatchStore

/// A database the contract tests run on.
public enum StoreBackend: String, Sendable, CustomStringConvertible, CaseIterable {
    case sqlite
    case postgres

    /// The PostgreSQL server to test against, from `PIPEWATCH_TEST_POSTGRES_URL`
    /// (`eval "$(scripts/ci/postgres.sh start)"` sets it).
    public static var postgresURL: String? {
        ProcessInfo.processInfo.environment["PIPEWATCH_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// In-memory SQLite always; PostgreSQL when a server is configured.
    public static var available: [StoreBackend] {
        postgresURL == nil ? [.sqlite] : [.sqlite, .postgres]
    }

    public var description: String { rawValue }

    /// A fresh, empty database: in-memory SQLite, or a new schema on the PostgreSQL server.
    public func makeLocation() throws -> StoreLocation {
        switch self {
        case .sqlite:
            return .sqliteInMemory
        case .postgres:
            guard let url = Self.postgresURL else {
                throw StoreError.invalidLocation("PIPEWATCH_TEST_POSTGRES_URL is not set")
            }
            guard case .postgres(var location) = try StoreLocation(parsing: url) else {
                throw StoreError.invalidLocation("PIPEWATCH_TEST_POSTGRES_URL is not a postgres:// URL")
            }
            location.schema = "test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
            return .postgres(location)
        }
    }
}

extension Logger {
    /// A logger that drops everything: tests never bootstrap the logging system.
    public static let discarding = Logger(label: "pipewatch.store.tests") { _ in SwiftLogNoOpLogHandler() }
}

/// Runs `body` with a store on a fresh database of `backend`, closed (and its PostgreSQL
/// schema dropped) on every path.
public func withTestStore(
    _ backend: StoreBackend,
    _ body: (SQLStateStore) async throws -> Void
) async throws {
    try await SQLStateStore.withStore(at: backend.makeLocation(), logger: .discarding) { store in
        do {
            try await body(store)
        } catch {
            try? await store.dropSchemaForTesting()
            throw error
        }
        try await store.dropSchemaForTesting()
    }
}
