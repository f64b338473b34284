import Foundation

/// Quoted-printable (RFC 2045 §6.7) for UTF-8 text: lines end in CRLF and are at most 76
/// characters, with soft breaks (`=` at the end) where a line is longer; `=`, every non-ASCII
/// byte and a space or tab before a line end are written as `=XX`.
enum QuotedPrintable {
    /// Encodes `text`, whose lines are separated by `\n` or `\r\n`.
    static func encode(_ text: String) -> String {
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(
            separator: "\n",
            omittingEmptySubsequences: false
        )
        return lines.map { encodeLine(String($0)) }.joined(separator: "\r\n")
    }

    private static func encodeLine(_ line: String) -> String {
        let bytes = Array(line.utf8)
        var tokens: [String] = []
        for (index, byte) in bytes.enumerated() {
            let isLast = index == bytes.count - 1
            let isPrintable = (33...126).contains(byte) && byte != UInt8(ascii: "=")
            let isSpace = byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
            if isPrintable || (isSpace && !isLast) {
                tokens.append(String(UnicodeScalar(byte)))
            } else {
                tokens.append("=" + hex(byte))
            }
        }
        var output: [String] = []
        var current = ""
        for token in tokens {
            if current.count + token.count > 75 {
                output.append(current + "=")
                current = ""
            }
            current += token
        }
        output.append(current)
        return output.joined(separator: "\r\n")
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }
}
