import Crypto
import Foundation
import PipewatchCore

/// A notification as an RFC 5322 message, written once when it is queued: the headers (`From`,
/// `To`, `Subject`, `Date`, `Message-ID`, MIME) and a `multipart/alternative` body with the text
/// and a simple HTML rendering of the same lines. Lines end in CRLF; both parts are
/// quoted-printable UTF-8, so every line is short and 7-bit whatever the message says. SMTP's
/// dot-stuffing is the sender's (``SMTPDelivery``), not part of the stored message.
struct EmailMessage: Sendable {
    var message: NotificationMessage
    var from: String
    var to: String
    /// Unique and stable for the outbox row (its idempotency key), so a resend is the same message.
    var key: String
    var date: Date

    /// The message as sent after `DATA`.
    var rendered: String {
        let boundary = "=_pipewatch_" + String(Self.digest(key).prefix(24))
        let headers = [
            "From: Pipewatch <\(from)>",
            "To: <\(to)>",
            "Subject: \(Self.encodedHeader(Self.oneLine(message.title)))",
            "Date: \(Self.rfc5322Date(date))",
            "Message-ID: <\(Self.messageIDLeft(key))@\(from.split(separator: "@").last.map(String.init) ?? "pipewatch")>",
            "MIME-Version: 1.0",
            "Auto-Submitted: auto-generated",
            "Content-Type: multipart/alternative;\r\n boundary=\"\(boundary)\"",
        ]
        let parts = [
            part(type: "text/plain", body: message.text, boundary: boundary),
            part(type: "text/html", body: EmailHTML.document(for: message), boundary: boundary),
        ]
        return (headers + [""]).joined(separator: "\r\n") + "\r\n" + parts.joined() + "--\(boundary)--\r\n"
    }

    private func part(type: String, body: String, boundary: String) -> String {
        [
            "--\(boundary)",
            "Content-Type: \(type); charset=utf-8",
            "Content-Transfer-Encoding: quoted-printable",
            "",
            QuotedPrintable.encode(body),
            "",
        ].joined(separator: "\r\n")
    }

    /// A title without line breaks: a header cannot carry them, and a CR or LF would start a new one.
    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }

    /// The header value as written when ASCII (folded at spaces to keep lines short), else as
    /// RFC 2047 encoded words (`=?utf-8?B?…?=`), each at most 75 characters and never splitting a character.
    static func encodedHeader(_ text: String) -> String {
        guard text.allSatisfy({ $0.isASCII && !$0.isNewline }) else {
            var words: [String] = []
            var chunk = ""
            for character in text {
                if (chunk + String(character)).utf8.count > 39 {
                    words.append(chunk)
                    chunk = ""
                }
                chunk.append(character)
            }
            if !chunk.isEmpty { words.append(chunk) }
            return words.map { "=?utf-8?B?\(Data($0.utf8).base64EncodedString())?=" }.joined(separator: "\r\n ")
        }
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            if !line.isEmpty, line.count + word.count + 1 > 68 {
                lines.append(line)
                line = String(word)
            } else {
                line = line.isEmpty && lines.isEmpty ? String(word) : line + " " + String(word)
            }
        }
        lines.append(line)
        return lines.joined(separator: "\r\n ")
    }

    /// `Thu, 03 Dec 2026 17:07:02 +0000`.
    static func rfc5322Date(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        return formatter.string(from: date)
    }

    /// The key with every character a `Message-ID` may not hold replaced by `.`, then a short
    /// digest of the key, so two keys that differ only in such characters still differ.
    static func messageIDLeft(_ key: String) -> String {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-/=?^_`{|}~")
        let mapped = String(key.map { allowed.contains($0) ? $0 : "." })
        let trimmed = mapped.split(separator: ".").joined(separator: ".")
        return (trimmed.isEmpty ? "pipewatch" : trimmed) + "." + String(digest(key).prefix(8))
    }

    private static func digest(_ text: String) -> String {
        HexText.encode(SHA256.hash(data: Data(text.utf8)))
    }
}
