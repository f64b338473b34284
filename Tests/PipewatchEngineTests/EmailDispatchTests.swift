import Foundation
import PipewatchCore
import PipewatchEngine
import PipewatchStore
import PipewatchTestSupport
import Testing

/// The email channel through the dispatcher: what the outbox holds, and how a failed attempt is
/// recorded. Delivery to a real SMTP server is the interop test's (Tests/interop/test_smtp.py).
@Suite("email dispatch")
struct EmailDispatchTests {
    /// The dispatcher tests' plan with engineers reached by email through `smtp`.
    static func plan(smtp: SMTPSettings) -> TeamPlan {
        var plan = DispatcherTests.plan(base: "http://127.0.0.1:9", attempts: 2)
        for index in plan.catalog.engineers.indices {
            plan.catalog.engineers[index].contacts = [
                .email(address: "\(plan.catalog.engineers[index].id)@example.com")
            ]
        }
        plan.smtp = smtp
        return plan
    }

    /// A loopback port nothing listens on.
    static func closedPort() throws -> Int {
        let (socket, port) = try boundSocket()
        close(socket)
        return port
    }

    /// A loopback socket bound to a free port, and the port.
    static func boundSocket() throws -> (Int32, Int) {
        let socket = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        try #require(socket >= 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, length) }
        }
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &length) }
        }
        return (socket, Int(UInt16(bigEndian: address.sin_port)))
    }

    @Test("a server that accepts the connection but never greets is given up after smtp.timeout")
    func timeout() async throws {
        // Given a socket that listens (the kernel completes the connection) but never answers
        let (socket, port) = try Self.boundSocket()
        defer { close(socket) }
        try #require(listen(socket, 4) == 0)
        let delivery = SMTPDelivery(
            settings: SMTPSettings(host: "127.0.0.1", port: port, startTLS: .none, timeout: .milliseconds(500))
        )

        // When a message is sent
        let error = await #expect(throws: SMTPDelivery.Failure.self) {
            try await delivery.send(
                "Subject: x\r\n\r\nx\r\n",
                from: "a@example.com",
                to: "b@example.com",
                credentials: nil
            )
        }

        // Then it fails, saying so: only the session's timer sets that message (no wall-time bound
        // here, which a busy machine running every suite at once would make flaky)
        #expect(error?.description == "SMTP server 127.0.0.1:\(port) did not finish within 0.5 seconds")
    }

    @Test(
        "a page is queued as a complete email without secrets; an unset password and an unreachable server are the last error"
    )
    func queuedAndFailed() async throws {
        let port = try Self.closedPort()
        let smtp = SMTPSettings(
            host: "127.0.0.1",
            port: port,
            startTLS: .none,
            usernameEnv: "SMTP_USER",
            passwordEnv: "SMTP_PASSWORD",
            from: "pipewatch@example.com",
            timeout: .seconds(5)
        )
        try await withTestStore(.sqlite) { store in
            // Given a password that is not set
            let clock = TestClock(iso: "2026-03-25T12:00:00Z")
            let unset = Engine(
                plan: Self.plan(smtp: smtp),
                store: store,
                clock: clock,
                wallClock: clock.wall,
                environment: ["SMTP_USER": "pipewatch"],
                logger: .discarding
            )

            // When the page is queued and sent
            try await DispatcherTests.openIncident(unset, store, at: clock.wall.now)
            #expect(try await unset.dispatcher.deliverDue(at: clock.wall.now) == 0)

            // Then the outbox holds the whole message, and the error names the variable
            var message = try #require(try await store.messages(incidentID: nil, state: nil, limit: 1).first)
            #expect(message.channel == "email")
            let engineer = message.recipient.replacingOccurrences(of: "engineer:", with: "")
            #expect(
                message.body.hasPrefix("From: Pipewatch <pipewatch@example.com>\r\nTo: <\(engineer)@example.com>\r\n")
            )
            #expect(message.body.contains("Content-Type: text/html; charset=utf-8"))
            #expect(!message.contact.contains("SMTP_PASSWORD") && !message.body.contains("SMTP_PASSWORD"))
            #expect(message.lastError == "the SMTP password 'SMTP_PASSWORD' is not set in the environment")

            // And with the password set but no server listening, the last attempt is a dead letter
            let unreachable = Engine(
                plan: Self.plan(smtp: smtp),
                store: store,
                clock: clock,
                wallClock: clock.wall,
                environment: ["SMTP_USER": "pipewatch", "SMTP_PASSWORD": "hunter2"],
                logger: .discarding
            )
            clock.advance(by: .seconds(3600))
            #expect(try await unreachable.dispatcher.deliverDue(at: clock.wall.now) == 0)
            message = try #require(try await store.messages(incidentID: nil, state: .dead, limit: 1).first)
            #expect(message.lastError?.hasPrefix("cannot reach SMTP server 127.0.0.1:\(port): ") == true)
            #expect(message.lastError?.contains("hunter2") == false)
        }
    }
}
