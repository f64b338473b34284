import Foundation
import NIOCore
import NIOSSL
import PipewatchCore

/// One SMTP conversation, command by command, on a connected channel (``SMTPDelivery`` opens
/// and closes it). Each step checks the reply code RFC 5321 gives for success and otherwise
/// fails with the reply and the command it answered.
struct SMTPSession {
    let settings: SMTPSettings
    let channel: any Channel
    var replies: SMTPReplyReader
    let outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>

    mutating func run(message: String, from: String, to: String, credentials: SMTPDelivery.Credentials?) async throws {
        try await expect(220, after: "the greeting")
        var extensions = try await hello()
        if settings.startTLS == .required {
            guard extensions.contains("STARTTLS") else {
                throw SMTPDelivery.Failure(
                    description: "the SMTP server \(settings.host) does not offer STARTTLS, which 'smtp.starttls: "
                        + "required' needs (use 'none' only for a relay on this host)"
                )
            }
            try await command("STARTTLS", expecting: 220)
            // Anything sent after the 220 came before encryption and must not be read as if
            // it came after (the STARTTLS command injection of CVE-2011-0411 and its kin).
            guard !replies.hasUnreadBytes else {
                throw SMTPDelivery.Failure(
                    description: "the SMTP server \(settings.host) sent data after its STARTTLS reply; not continuing"
                )
            }
            try await startTLS()
            extensions = try await hello()
        }
        if let credentials { try await authenticate(credentials, extensions: extensions) }
        try await command("MAIL FROM:<\(from)>", expecting: 250)
        try await command("RCPT TO:<\(to)>", expecting: 250, 251)
        try await command("DATA", expecting: 354)
        try await write(SMTPDelivery.dataPayload(message))
        try await expect(250, after: "the message")
        try await write("QUIT\r\n")
        _ = try? await replies.next()
    }

    /// `EHLO`; the extensions the server offers, upper-cased (`STARTTLS`, `AUTH PLAIN LOGIN`).
    ///
    /// The name given is this end's address as a literal (`[192.0.2.1]`, RFC 5321 §4.1.3), which
    /// needs no DNS lookup: `ProcessInfo.hostName` resolves the host name and can block.
    private mutating func hello() async throws -> [String] {
        let name = channel.localAddress?.ipAddress.map { $0.contains(":") ? "[IPv6:\($0)]" : "[\($0)]" }
        let reply = try await command("EHLO \(name ?? "localhost")", expecting: 250, shown: "EHLO")
        return reply.lines.dropFirst().map { $0.uppercased() }
    }

    private mutating func authenticate(_ credentials: SMTPDelivery.Credentials, extensions: [String]) async throws {
        let mechanisms = Set(
            extensions.filter { $0.hasPrefix("AUTH ") || $0.hasPrefix("AUTH=") }
                .flatMap { $0.dropFirst(5).split(separator: " ").map(String.init) }
        )
        let encode = { (text: String) in Data(text.utf8).base64EncodedString() }
        if mechanisms.contains("PLAIN") {
            let token = encode("\0\(credentials.username)\0\(credentials.password)")
            try await command("AUTH PLAIN \(token)", expecting: 235, shown: "AUTH PLAIN")
        } else if mechanisms.contains("LOGIN") {
            try await command("AUTH LOGIN", expecting: 334)
            try await command(encode(credentials.username), expecting: 334, shown: "the AUTH LOGIN user name")
            try await command(encode(credentials.password), expecting: 235, shown: "AUTH LOGIN")
        } else {
            throw SMTPDelivery.Failure(
                description: "the SMTP server \(settings.host) offers no AUTH PLAIN or LOGIN"
                    + (mechanisms.isEmpty ? "" : " (only \(mechanisms.sorted().joined(separator: ", ")))")
                    + (settings.startTLS == .none ? "; servers often offer AUTH only after STARTTLS" : "")
            )
        }
    }

    /// Puts TLS under the session: the handler goes first in the pipeline, so the reader and
    /// writer above it go on unchanged, now over TLS.
    private func startTLS() async throws {
        let delivery = SMTPDelivery(settings: settings)
        let context = try NIOSSLContext(configuration: delivery.tlsConfiguration())
        let isAddress = settings.host.allSatisfy { $0.isNumber || $0 == "." } || settings.host.contains(":")
        let hostname = isAddress ? nil : settings.host
        let channel = self.channel
        let handshake = channel.eventLoop.makePromise(of: Void.self)
        try await channel.eventLoop.submit {
            let handler = try NIOSSLClientHandler(context: context, serverHostname: hostname)
            try channel.pipeline.syncOperations.addHandler(handler, position: .first)
            try channel.pipeline.syncOperations.addHandler(
                TLSHandshakeWatcher(promise: handshake),
                position: .after(handler)
            )
        }.get()
        do {
            try await handshake.futureResult.get()
        } catch {
            throw SMTPDelivery.Failure(
                description: "the TLS handshake with \(settings.host) after STARTTLS failed: \(error)"
                    + (settings.caFile == nil ? "; for a server with a private CA, name the CA in 'smtp.ca_file'" : "")
            )
        }
    }

    /// Sends `line` and checks the reply; `shown` replaces the line in errors (it may hold a secret).
    @discardableResult
    private mutating func command(
        _ line: String,
        expecting codes: Int...,
        shown: String? = nil
    ) async throws -> SMTPReplyReader.Reply {
        try await write(line + "\r\n")
        let label = shown ?? (line.split(separator: ":").first.map(String.init) ?? line)
        return try await expect(codes, after: label)
    }

    @discardableResult
    private mutating func expect(_ codes: Int..., after what: String) async throws -> SMTPReplyReader.Reply {
        try await expect(codes, after: what)
    }

    private mutating func expect(_ codes: [Int], after what: String) async throws -> SMTPReplyReader.Reply {
        let reply = try await replies.next()
        guard codes.contains(reply.code) else {
            throw SMTPDelivery.Failure(description: "SMTP \(reply), in reply to \(what)")
        }
        return reply
    }

    private func write(_ text: String) async throws {
        try await outbound.write(ByteBuffer(string: text))
    }
}
