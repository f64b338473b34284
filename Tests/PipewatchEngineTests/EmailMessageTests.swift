import Foundation
import PipewatchCore
import Testing

@testable import PipewatchEngine

/// The email an outbox row holds: headers, both MIME parts, escaping and SMTP's dot-stuffing.
@Suite("email message")
struct EmailMessageTests {
    static let now = Date(timeIntervalSince1970: 1_796_317_622)  // 2026-12-03T17:07:02Z
    static let page = NotificationMessage(
        kind: "page",
        title: "[high] INC-7 profit: airflow/profit_daily failed",
        text: """
            HIGH INC-7 on Profit (profit)
            What broke: <script>alert('x')</script> & more
            Evidence:
              error: division by zero
            .a line that starts with a dot
            Acknowledge: pipewatch incident ack 7 --as a, or POST https://pw.example.com/api/v1/incidents/7/ack
            """,
        incidentID: 7
    )

    /// The message as the outbox keeps it for `page`.
    static func rendered(_ message: NotificationMessage = page) -> String {
        ChannelFormatter.email(
            message,
            from: "pipewatch@example.com",
            to: "a@example.com",
            key: "page:7:1/engineer:a/0",
            at: now
        )
    }

    /// The header block, unfolded.
    static func headers(_ text: String) -> [String: String] {
        let head = text.components(separatedBy: "\r\n\r\n")[0].replacingOccurrences(of: "\r\n ", with: " ")
        var result: [String: String] = [:]
        for line in head.components(separatedBy: "\r\n") {
            let pair = line.split(separator: ":", maxSplits: 1).map(String.init)
            result[pair[0]] = pair[1].trimmingCharacters(in: .whitespaces)
        }
        return result
    }

    @Test("headers: From, To, Subject, Date, a Message-ID from the idempotency key, MIME")
    func headersOfPage() {
        // When
        let text = Self.rendered()
        let headers = Self.headers(text)

        // Then
        #expect(headers["From"] == "Pipewatch <pipewatch@example.com>")
        #expect(headers["To"] == "<a@example.com>")
        #expect(headers["Subject"] == "[high] INC-7 profit: airflow/profit_daily failed")
        #expect(headers["Date"] == "Thu, 03 Dec 2026 17:07:02 +0000")
        #expect(headers["MIME-Version"] == "1.0")
        let id = try? #require(headers["Message-ID"])
        #expect(id?.hasPrefix("<page.7.1/engineer.a/0.") == true && id?.hasSuffix("@example.com>") == true)
        #expect(Self.rendered() == text, "the same row renders the same message (a resend is the same message)")
        #expect(headers["Content-Type"]?.hasPrefix("multipart/alternative; boundary=\"=_pipewatch_") == true)
        #expect(!text.contains("\n") || !text.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "CRLF only")
    }

    @Test("two parts: text/plain and text/html, quoted-printable UTF-8, the HTML escaped with a link")
    func mimeParts() throws {
        let text = Self.rendered()
        let boundary = try #require(
            Self.headers(text)["Content-Type"]?.components(separatedBy: "boundary=\"").last?.dropLast()
        )
        let parts = text.components(separatedBy: "--\(boundary)")
        #expect(parts.count == 4)  // preamble, two parts, and the closing "--"
        #expect(parts[3] == "--\r\n")
        #expect(
            parts[1].contains("Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable")
        )
        #expect(
            parts[2].contains("Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable")
        )
        let plain = Self.decodeQuotedPrintable(parts[1].components(separatedBy: "\r\n\r\n")[1])
        #expect(plain.contains("What broke: <script>alert('x')</script> & more"))
        let html = Self.decodeQuotedPrintable(parts[2].components(separatedBy: "\r\n\r\n")[1])
        #expect(!html.contains("<script>"))
        #expect(html.contains("<b>What broke:</b> &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; more"))
        #expect(html.contains("<li><b>error:</b> division by zero</li>"))
        #expect(
            html.contains(
                "<a href=\"https://pw.example.com/api/v1/incidents/7/ack\">https://pw.example.com/api/v1/incidents/7/ack</a>"
            )
        )
        #expect(text.split(separator: "\r\n").allSatisfy { $0.utf8.count <= 78 }, "every line is short")
        #expect(text.utf8.allSatisfy { $0 < 128 }, "7-bit on the wire")
    }

    @Test("a title that is not ASCII is an RFC 2047 encoded word; line breaks cannot start a header")
    func encodedSubject() {
        var message = Self.page
        message.title = "'Umsätze' verspätet\r\nBcc: x@example.com"
        let headers = Self.headers(Self.rendered(message))
        let subject = headers["Subject"] ?? ""
        #expect(subject.hasPrefix("=?utf-8?B?"))
        #expect(headers["Bcc"] == nil)
        let words = subject.split(separator: " ").map { String($0.dropFirst(10).dropLast(2)) }
        let decoded = words.compactMap { Data(base64Encoded: $0) }.map { String(decoding: $0, as: UTF8.self) }.joined()
        #expect(decoded == "'Umsätze' verspätet Bcc: x@example.com")
    }

    @Test("quoted-printable: '=', non-ASCII and trailing spaces encoded, long lines broken softly")
    func quotedPrintable() {
        #expect(QuotedPrintable.encode("a=b ü \nend") == "a=3Db =C3=BC=20\r\nend")
        let long = String(repeating: "x", count: 200)
        let encoded = QuotedPrintable.encode(long)
        #expect(encoded.components(separatedBy: "\r\n").allSatisfy { $0.count <= 76 })
        #expect(Self.decodeQuotedPrintable(encoded) == long)
    }

    @Test("DATA doubles a leading dot, ends lines in CRLF and closes with a lone dot")
    func dotStuffing() {
        #expect(SMTPDelivery.dataPayload(".one\n..two\nthree.\n.\n") == "..one\r\n...two\r\nthree.\r\n..\r\n.\r\n")
        #expect(SMTPDelivery.dataPayload("a\r\n.b") == "a\r\n..b\r\n.\r\n")
        let wire = SMTPDelivery.dataPayload(Self.rendered())
        #expect(wire.contains("\r\n..a line that starts with a dot"))
        #expect(wire.hasSuffix("\r\n.\r\n"))
    }

    /// Decodes quoted-printable text, as a mail reader does.
    static func decodeQuotedPrintable(_ text: String) -> String {
        let joined = text.replacingOccurrences(of: "=\r\n", with: "")
        var bytes: [UInt8] = []
        let utf8 = Array(joined.utf8)
        var i = 0
        while i < utf8.count {
            if utf8[i] == UInt8(ascii: "="), i + 2 < utf8.count,
                let byte = UInt8(String(decoding: utf8[(i + 1)...(i + 2)], as: UTF8.self), radix: 16)
            {
                bytes.append(byte)
                i += 3
            } else {
                bytes.append(utf8[i])
                i += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
    }
}
