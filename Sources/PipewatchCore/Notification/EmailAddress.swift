/// A plain email address (`local@domain`), as SMTP's `MAIL FROM` and `RCPT TO` carry it: no
/// display name, no spaces, angle brackets or line breaks, one `@` with a dotted domain.
public enum EmailAddress {
    /// Whether `text` is an address Pipewatch can send to or from.
    ///
    /// - Parameter text: The address as written.
    /// - Returns: `true` for `a@example.com`; `false` for `a`, `a@b`, `A <a@example.com>`.
    public static func isValid(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, let local = parts.first, let domain = parts.last else { return false }
        guard !local.isEmpty, local.count <= 64, domain.count <= 253 else { return false }
        let forbidden: Set<Character> = ["<", ">", "(", ")", "[", "]", ",", ";", ":", "\\", "\"", " "]
        guard text.allSatisfy({ $0.isASCII && !$0.isWhitespace && !forbidden.contains($0) && $0 != "\u{7F}" })
        else { return false }
        guard !local.hasPrefix("."), !local.hasSuffix("."), !local.contains("..") else { return false }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        return labels.count >= 2
            && labels.allSatisfy { label in
                !label.isEmpty && !label.hasPrefix("-") && !label.hasSuffix("-")
                    && label.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" }
            }
    }
}
