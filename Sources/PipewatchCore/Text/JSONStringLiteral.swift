/// A string as a JSON string literal, written by hand where documents are assembled as text
/// (a schedule export, a check result's lists) instead of through an encoder per value.
public enum JSONStringLiteral {
    /// `value` quoted, with quotes, backslashes and control characters escaped.
    public static func quote(_ value: String) -> String {
        var text = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case let control where control.value < 0x20:
                let hex = String(control.value, radix: 16)
                text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: text.unicodeScalars.append(scalar)
            }
        }
        return text + "\""
    }
}
