import Foundation
import NIOCore
import NIOPosix
import NIOSSL
public import PipewatchCore
import Synchronization

/// Sends an outbox email over SMTP (RFC 5321) with SwiftNIO: the greeting, `EHLO`, `STARTTLS`
/// and `EHLO` again when `starttls: required`, `AUTH PLAIN` (or `LOGIN` when only that is
/// offered) when a user name is configured, `MAIL FROM`, `RCPT TO`, `DATA` with dot-stuffing,
/// and `QUIT`. A reply other than the one expected is a ``Failure`` that quotes it
/// (`SMTP 535 5.7.8 …, in reply to AUTH PLAIN`), which the outbox keeps as `last_error`.
///
/// TLS trusts the system's roots plus `ca_file`, and checks the server's name. The whole
/// session, connection included, is bounded by `smtp.timeout`: the channel is closed when it
/// runs out, which ends whatever the session waits for.
public struct SMTPDelivery: Sendable {
    /// The server and how to talk to it (`smtp:`).
    public let settings: SMTPSettings

    /// Creates the sender for one server.
    ///
    /// - Parameter settings: The config's `smtp:`.
    public init(settings: SMTPSettings) {
        self.settings = settings
    }

    /// What went wrong with one attempt.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public let description: String
    }

    /// The login, read from the environment when a message is sent.
    public struct Credentials: Sendable, CustomStringConvertible {
        /// The user name.
        public var username: String
        /// The password; never shown.
        public var password: String

        /// The user name only.
        public var description: String { "\(username) (password hidden)" }

        /// Creates credentials.
        public init(username: String, password: String) {
            self.username = username
            self.password = password
        }
    }

    /// Sends one message.
    ///
    /// - Parameters:
    ///   - message: The complete message (headers and body), as the outbox keeps it.
    ///   - from: The envelope sender.
    ///   - to: The envelope recipient.
    ///   - credentials: The login, when the server needs one.
    /// - Throws: ``Failure`` naming the SMTP reply or the connection problem.
    public func send(_ message: String, from: String, to: String, credentials: Credentials?) async throws(Failure) {
        let timeout = settings.timeout
        let timedOut = TimeoutFlag()
        let started = ContinuousClock.now
        let channel: NIOAsyncChannel<ByteBuffer, ByteBuffer>
        do {
            channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .connectTimeout(Self.timeAmount(timeout))
                .connect(host: settings.host, port: settings.port) { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                    }
                }
        } catch {
            throw Failure(description: "cannot reach SMTP server \(settings.host):\(settings.port): \(error)")
        }
        let remaining = max(timeout - (ContinuousClock.now - started), .zero)
        let timer = channel.channel.eventLoop.scheduleTask(in: Self.timeAmount(remaining)) {
            timedOut.set()
            channel.channel.close(promise: nil)
        }
        defer { timer.cancel() }
        do {
            try await channel.executeThenClose { inbound, outbound in
                var session = SMTPSession(
                    settings: settings,
                    channel: channel.channel,
                    replies: SMTPReplyReader(inbound.makeAsyncIterator()),
                    outbound: outbound
                )
                try await session.run(message: message, from: from, to: to, credentials: credentials)
            }
        } catch {
            if timedOut.isSet {
                throw Failure(
                    description: "SMTP server \(settings.host):\(settings.port) did not finish within \(timeout)"
                )
            }
            if let failure = error as? Failure { throw failure }
            throw Failure(description: "SMTP session with \(settings.host):\(settings.port) failed: \(error)")
        }
    }

    /// The TLS configuration: the system's roots, plus `ca_file`'s certificates when given.
    func tlsConfiguration() -> TLSConfiguration {
        var configuration = TLSConfiguration.makeClientConfiguration()
        if let caFile = settings.caFile {
            configuration.additionalTrustRoots = [.file(caFile)]
        }
        return configuration
    }

    static func timeAmount(_ duration: Duration) -> TimeAmount {
        let (seconds, attoseconds) = duration.components
        return .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }

    /// The message as sent after `DATA`: CRLF line endings, a `.` doubled at the start of a
    /// line (RFC 5321 §4.5.2), and the closing `.` line.
    static func dataPayload(_ message: String) -> String {
        var lines = message.replacingOccurrences(of: "\r\n", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasPrefix(".") ? "." + String($0) : String($0) }
        if lines.last == "" { lines.removeLast() }
        return lines.joined(separator: "\r\n") + "\r\n.\r\n"
    }
}

/// Whether the session's timer fired, so that the error the closed channel causes is reported as a timeout.
private final class TimeoutFlag: Sendable {
    private let value = Mutex(false)

    var isSet: Bool { value.withLock { $0 } }

    func set() { value.withLock { $0 = true } }
}
