import Foundation
import PipewatchStore
import PipewatchTestSupport
import Testing

@Suite("connection failures")
struct StoreConnectionErrorTests {
    @Test("a PostgreSQL server that is not there fails at once with a message, not a minute's wait")
    func refusedConnection() async throws {
        // Given: nothing listens on port 1
        let location = try StoreLocation(parsing: "postgres://pw:secret@127.0.0.1:1/pipewatch?sslmode=disable")
        // When
        let error = await #expect(throws: StoreError.self) {
            try await SQLStateStore.withStore(at: location, logger: .discarding) { _ in }
        }
        // Then
        #expect(
            error?.description
                == "cannot connect to the state store at 'postgres://pw:***@127.0.0.1:1/pipewatch?sslmode=disable': "
                + "cannot connect to the PostgreSQL database server; check that it runs and the URL's host and port"
        )
    }

    @Test(
        "a wrong password or database name is reported as such",
        .enabled(if: StoreBackend.postgresURL != nil, "needs PIPEWATCH_TEST_POSTGRES_URL"),
        arguments: [
            ("password", "PostgreSQL refused the login; check the user name and password in the URL"),
            ("database", "the PostgreSQL database named in the URL does not exist"),
        ]
    )
    func refusedLogin(part: String, reason: String) async throws {
        // Given
        guard case .postgres(var postgres) = try StoreBackend.postgres.makeLocation() else { return }
        if part == "password" { postgres.password = "wrong" } else { postgres.database = "no_such_database" }
        let location = StoreLocation.postgres(postgres)
        // When
        let error = await #expect(throws: StoreError.self) {
            try await SQLStateStore.withStore(at: location, logger: .discarding) { _ in }
        }
        // Then
        #expect(error?.description == "cannot connect to the state store at '\(location)': \(reason)")
        #expect(error?.description.contains("wrong") == false)
    }
}
