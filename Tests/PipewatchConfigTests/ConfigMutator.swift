/// Seeded mutations of a config's bytes: the edits a hurried person, a bad merge or a broken
/// disk make. The same seed always gives the same mutations, so a failing case can be replayed.
struct ConfigMutator {
    enum Mutation: String, CaseIterable, Sendable {
        case deleteLine, duplicateLine, swapLines, reindent, hugeNumber, emptyValue, wrongType
        case randomBytes, truncate, unicode, longString, yamlSyntax
    }

    /// Values that overflow every integer type, leave the range of `Double` or are as long as
    /// a `Duration` can hold.
    static let hugeNumbers = [
        "99999999999999999999", "1e400", "-1e300", "9223372036854775807h", "-9223372036854775808",
        "9223372036854775808 weeks", "1e308 GB", ".inf", "-.nan", "0x7FFFFFFFFFFFFFFF", "99999999999999 days",
        "18446744073709551616 s",
    ]
    static let wrongTypes = ["[a, b]", "{ x: 1 }", "[]", "{}", "null", "~", "true", "[[[]]]", "{ : }", "- x"]
    static let unicode = [
        "é", "日本語", "🦄", "\u{202E}rtl", "a\u{0301}", "\u{200B}", "\u{FEFF}", "\u{2028}", "\u{0085}", "\u{FFFD}",
        "𝔘𝔫𝔦", "\u{E000}",
    ]
    static let yamlSyntax = [
        "&a ", "*a", "*undefined", "!!binary ", "!!python/object:os.system ", "<<: *a", "? ", "---", "...",
        "%YAML 1.1", "|", ">-", "\"unterminated", "'", "{", "}", "[", "]", "#", ": ", "- ", "!", "@", "`", "\\",
        ",", "!<tag:yaml.org,2002:str> ",
    ]

    private var random: SplitMix64

    init(seed: UInt64) {
        random = SplitMix64(seed: seed)
    }

    /// `text` changed by one to three mutations, and the mutations applied in order.
    mutating func mutate(_ text: [UInt8]) -> (bytes: [UInt8], applied: [Mutation]) {
        var bytes = text
        var applied: [Mutation] = []
        for _ in 0..<Int.random(in: 1...3, using: &random) {
            let mutation = Mutation.allCases.randomElement(using: &random) ?? .deleteLine
            bytes = apply(mutation, to: bytes)
            applied.append(mutation)
        }
        return (bytes, applied)
    }

    private mutating func apply(_ mutation: Mutation, to bytes: [UInt8]) -> [UInt8] {
        var lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map(Array.init)
        let line = Int.random(in: 0..<lines.count, using: &random)
        switch mutation {
        case .deleteLine:
            lines.remove(at: line)
        case .duplicateLine:
            lines.insert(lines[line], at: line)
        case .swapLines:
            lines.swapAt(line, Int.random(in: 0..<lines.count, using: &random))
        case .reindent:
            let indent = lines[line].prefix { $0 == UInt8(ascii: " ") }.count
            let width = max(0, indent + Int.random(in: -4...4, using: &random))
            let fill: [UInt8] = Bool.random(using: &random) ? [UInt8(ascii: " ")] : [UInt8(ascii: "\t")]
            lines[line] = Array(repeating: fill[0], count: width) + lines[line].dropFirst(indent)
        case .hugeNumber:
            lines[line] = replaceValue(in: lines[line], with: pick(Self.hugeNumbers))
        case .emptyValue:
            lines[line] = replaceValue(in: lines[line], with: pick(["\"\"", "''", "", " "]))
        case .wrongType:
            lines[line] = replaceValue(in: lines[line], with: pick(Self.wrongTypes))
        case .longString:
            let unit = pick(["a", "9", "é", "[", "- ", "{a: ", "🦄"])
            lines[line] = replaceValue(
                in: lines[line],
                with: String(repeating: unit, count: Int.random(in: 1_000...20_000, using: &random))
            )
        case .unicode:
            lines[line] = insert(Array(pick(Self.unicode).utf8), into: lines[line])
        case .yamlSyntax:
            lines[line] = insert(Array(pick(Self.yamlSyntax).utf8), into: lines[line])
        case .randomBytes:
            let count = Int.random(in: 1...16, using: &random)
            var noise: [UInt8] = []
            for _ in 0..<count {
                // NUL, other control bytes and bytes that are never valid UTF-8 more often than chance.
                let any = UInt8.random(in: 0...255, using: &random)
                noise.append(pick([0x00, 0xFF, 0xC0, 0x80, 0x1B, 0x0D, any]))
            }
            return insert(noise, into: bytes)
        case .truncate:
            return Array(bytes.prefix(Int.random(in: 0...bytes.count, using: &random)))
        }
        return Array(lines.joined(separator: [UInt8(ascii: "\n")]))
    }

    private mutating func pick<T>(_ choices: [T]) -> T {
        choices[Int.random(in: 0..<choices.count, using: &random)]
    }

    private mutating func insert(_ piece: [UInt8], into bytes: [UInt8]) -> [UInt8] {
        var bytes = bytes
        bytes.insert(contentsOf: piece, at: Int.random(in: 0...bytes.count, using: &random))
        return bytes
    }

    /// The line with one of its values (the text after a `key: `, up to `,`, `}` or the line's
    /// end) replaced; with `replacement` appended when the line has no value.
    private mutating func replaceValue(in line: [UInt8], with replacement: String) -> [UInt8] {
        var values: [Range<Int>] = []
        var index = 0
        while index + 1 < line.count {
            if line[index] == UInt8(ascii: ":"), line[index + 1] == UInt8(ascii: " ") {
                let start = index + 2
                let end = line[start...].firstIndex { ",}#".utf8.contains($0) } ?? line.count
                if start < end { values.append(start..<end) }
            }
            index += 1
        }
        guard !values.isEmpty else { return line + Array(" \(replacement)".utf8) }
        var line = line
        line.replaceSubrange(pick(values), with: Array(replacement.utf8))
        return line
    }
}
