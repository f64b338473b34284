/// Finds an alias used as a mapping key, which the reader refuses before YAML composes the file.
///
/// Yams compares the keys of a mapping while it composes, hashing each key's whole value: an
/// alias key that expands to a billion nodes (`? *laughs`) would hang the reader before any of
/// Pipewatch's checks ran. No config needs an alias as a key, so none is allowed.
enum AliasKeys {
    /// Where the first alias key starts (1-based line and column), or `nil` when there is none.
    static func first(in text: String) -> (line: Int, column: Int)? {
        guard text.contains("*") else { return nil }
        for (index, line) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            if let column = aliasKey(in: Array(line.unicodeScalars)) { return (index + 1, column) }
        }
        return nil
    }

    /// The column of an alias in key position on one line: after the indentation, a `- `, a `? `,
    /// or in flow style after `{`, `[` or `,`, and either after `? ` or followed by `:`.
    private static func aliasKey(in line: [Unicode.Scalar]) -> Int? {
        var quote: Unicode.Scalar?
        var keyPosition = true
        var explicitKey = false
        var index = 0
        while index < line.count {
            let scalar = line[index]
            if let open = quote {
                if scalar == open { quote = nil }
            } else if scalar == "\"" || scalar == "'" {
                quote = scalar
                keyPosition = false
            } else if scalar == "#", index == 0 || line[index - 1] == " " {
                return nil
            } else if scalar == " " || scalar == "\t" {
                // Spaces keep the position as it was.
            } else if scalar == "-" || scalar == "?", index + 1 == line.count || line[index + 1] == " " {
                explicitKey = scalar == "?"
                keyPosition = true
            } else if scalar == "{" || scalar == "[" || scalar == "," {
                keyPosition = true
                explicitKey = false
            } else if scalar == "*", keyPosition {
                var end = index + 1
                while end < line.count, !" ,:]}".unicodeScalars.contains(line[end]) { end += 1 }
                var after = end
                while after < line.count, line[after] == " " { after += 1 }
                let colon =
                    after < line.count && line[after] == ":" && (after + 1 == line.count || line[after + 1] == " ")
                if explicitKey || colon { return index + 1 }
                keyPosition = false
            } else {
                keyPosition = false
                explicitKey = false
            }
            index += 1
        }
        return nil
    }
}
