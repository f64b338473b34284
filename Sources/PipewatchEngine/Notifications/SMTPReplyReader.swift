import NIOCore

/// Reads SMTP replies from a connection: CRLF-terminated lines, gathered into one reply while
/// they read `250-…` (more to come) until the last one, `250 …`.
struct SMTPReplyReader {
    /// One reply: its code and its lines' text without the code.
    struct Reply: Sendable, CustomStringConvertible {
        var code: Int
        var lines: [String]

        /// `535 5.7.8 Authentication credentials invalid` (the last line, as servers put the reason there).
        var description: String { "\(code)" + (lines.last.map { $0.isEmpty ? "" : " \($0)" } ?? "") }
    }

    private var iterator: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator
    private var buffer = ByteBuffer()

    init(_ iterator: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator) {
        self.iterator = iterator
    }

    /// Whether bytes after the last reply were received and not read yet.
    var hasUnreadBytes: Bool { buffer.readableBytes > 0 }

    /// The next reply.
    ///
    /// - Throws: ``SMTPDelivery/Failure`` when the server closes the connection or does not speak SMTP.
    mutating func next() async throws -> Reply {
        var reply = Reply(code: 0, lines: [])
        while true {
            let line = try await nextLine()
            let bytes = Array(line.utf8)
            guard bytes.count >= 3, let code = Int(String(decoding: bytes[0..<3], as: UTF8.self)),
                bytes.count == 3 || bytes[3] == UInt8(ascii: " ") || bytes[3] == UInt8(ascii: "-")
            else {
                throw SMTPDelivery.Failure(description: "the SMTP server sent '\(line.prefix(80))', not a reply")
            }
            reply.code = code
            reply.lines.append(bytes.count > 4 ? String(decoding: bytes[4...], as: UTF8.self) : "")
            if bytes.count == 3 || bytes[3] == UInt8(ascii: " ") { return reply }
        }
    }

    private mutating func nextLine() async throws -> String {
        while true {
            let view = buffer.readableBytesView
            if let newline = view.firstIndex(of: UInt8(ascii: "\n")) {
                let length = newline - view.startIndex
                var line = buffer.readString(length: length) ?? ""
                buffer.moveReaderIndex(forwardBy: 1)
                if line.hasSuffix("\r") { line.removeLast() }
                return line
            }
            guard buffer.readableBytes < 64 * 1024 else {
                throw SMTPDelivery.Failure(description: "the SMTP server sent a line longer than 64 KiB")
            }
            guard var chunk = try await iterator.next() else {
                throw SMTPDelivery.Failure(description: "the SMTP server closed the connection")
            }
            buffer.writeBuffer(&chunk)
        }
    }
}
