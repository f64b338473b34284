import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import PipewatchCore
import PipewatchServer
import Testing

/// Time cannot be used to silence alerts: an event dated far ahead (or before 2000) is refused,
/// so it can never stay the newest run of its job and hide a real failure after it.
@Suite("event times")
struct EventTimeTests {
    private let headers: HTTPFields = [.authorization: "Bearer \(writeToken)", .contentType: "application/json"]
    /// The fixture server's clock: 2026-11-28T21:06:40Z.
    private let now = Date(timeIntervalSince1970: 1_795_900_000)

    private func post(_ client: any TestClientProtocol, _ body: Data) async throws -> (HTTPResponse.Status, String) {
        try await client.execute(uri: "/api/v1/lineage", method: .post, headers: headers, body: ByteBuffer(bytes: body))
        {
            ($0.status, String(buffer: $0.body))
        }
    }

    @Test(
        "an event from the far future or before 2000 is a 400 naming eventTime",
        arguments: [
            ("9999-12-31T23:59:59Z", "eventTime: 9999-12-31T23:59:59+00:00 is "),
            (
                "2026-11-28T23:00:00Z",
                "eventTime: 2026-11-28T23:00:00+00:00 is 1h53m20s ahead of the server's clock; at most 1h is accepted"
            ),
            (
                "0001-01-01T00:00:00Z",
                "eventTime: 0001-01-01T00:00:00+00:00 is before 2000-01-01, the earliest accepted"
            ),
        ]
    )
    func refused(time: String, message: String) async throws {
        let event = try sampleEvent(
            "openlineage-runevent-fail",
            ["eventTime": time, "job": ["namespace": "airflow", "name": "profit_daily"]]
        )
        try await withTestServer(now: now) { client, _ in
            let (status, body) = try await post(client, event)
            #expect(status == .badRequest)
            #expect(body.contains(message), "\(body)")
        }
    }

    @Test("within the skew an event is accepted, and a later real failure still raises its signal")
    func acceptedAndNotMasked() async throws {
        let early = try sampleEvent(
            "openlineage-runevent",
            ["eventTime": "2026-11-28T21:30:00Z", "job": ["namespace": "airflow", "name": "profit_daily"]]
        )
        try await withTestServer(now: now) { client, _ in
            #expect(try await post(client, early).0 == .created)
            let future = try sampleEvent(
                "openlineage-runevent",
                [
                    "eventTime": "9999-12-31T23:59:59Z", "job": ["namespace": "airflow", "name": "profit_daily"],
                    "run": ["runId": "0191e0a2-0000-7000-8000-000000000001"],
                ]
            )
            #expect(try await post(client, future).0 == .badRequest)
            let failure = try sampleEvent(
                "openlineage-runevent-fail",
                ["eventTime": "2026-11-28T21:40:00Z", "job": ["namespace": "airflow", "name": "profit_daily"]]
            )
            #expect(try await post(client, failure).0 == .created)
            try await client.execute(uri: "/api/v1/signals?pipeline=profit", method: .get) { response in
                #expect(String(buffer: response.body).contains("processing_failure"))
            }
        }
    }
}
