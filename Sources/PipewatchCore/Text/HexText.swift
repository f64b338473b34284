/// Bytes as lowercase hexadecimal text, two digits a byte: digests, signatures and token
/// hashes. `String(format: "%02x")` per byte does the same through Foundation's formatter,
/// about a microsecond a byte on Linux, and the token hash runs on every authenticated request.
public enum HexText {
    private static let digits = Array("0123456789abcdef".utf8)

    /// `bytes` in lowercase hexadecimal.
    public static func encode(_ bytes: some Sequence<UInt8>) -> String {
        var text: [UInt8] = []
        text.reserveCapacity(bytes.underestimatedCount * 2)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
