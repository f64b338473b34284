import Foundation

/// Configs written to break a reader: deep nesting, alias bombs, binary bytes, odd encodings,
/// tags and keys that YAML allows and Pipewatch does not expect. File-system cases are in
/// `HostileConfigs+Includes.swift`.
enum HostileConfigs {
    static var all: [FuzzCase] { bytes + nesting + aliases + syntax + includes }

    /// A small valid config (the one the other config tests append to), so that a hostile part
    /// is read in a config that is otherwise fine.
    static let valid = baseConfig

    static let bytes: [FuzzCase] = [
        FuzzCase("an empty file", ""),
        FuzzCase("only newlines", String(repeating: "\n", count: 1_000)),
        FuzzCase("only NUL bytes", root: Array(repeating: 0, count: 4_096)),
        FuzzCase("a NUL byte in a value", root: Array("team: { name: \"a".utf8) + [0] + Array("b\" }\n".utf8)),
        FuzzCase("a NUL byte on line 15", root: Array(valid.utf8) + Array("# comment ".utf8) + [0, 10]),
        FuzzCase("bytes that are not UTF-8", root: [0xFF, 0xFE, 0xC0, 0x80, 0xED, 0xA0, 0x80, 0x0A]),
        FuzzCase("bytes that are not UTF-8 after valid lines", root: Array(valid.utf8) + [0xC3, 0x28, 0x0A]),
        FuzzCase("a control character after valid lines", valid + "# bell \u{07}\n"),
        FuzzCase("a byte-order mark", "\u{FEFF}"),
        FuzzCase("a byte-order mark before a valid config", "\u{FEFF}" + valid),
        FuzzCase("a byte-order mark in the middle", "team:\n\u{FEFF}  name: T\n"),
        FuzzCase(
            "UTF-16 with a byte-order mark",
            root: [0xFF, 0xFE] + Array(valid.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        ),
        FuzzCase("random bytes", root: randomBytes(count: 8_192, seed: 1)),
        FuzzCase("random bytes after a valid config", root: Array(valid.utf8) + randomBytes(count: 512, seed: 2)),
        FuzzCase("carriage returns only", valid.replacingOccurrences(of: "\n", with: "\r")),
        FuzzCase("carriage returns and line feeds", valid.replacingOccurrences(of: "\n", with: "\r\n")),
        FuzzCase(
            "form feeds and vertical tabs between lines",
            valid.replacingOccurrences(of: "\n", with: "\n\u{0C}\u{0B}")
        ),
        FuzzCase(
            "Unicode line and paragraph separators",
            valid.replacingOccurrences(of: "\n", with: "\u{2028}\u{2029}\u{85}\n")
        ),
        FuzzCase("a 1 MB value", "team: { name: \(String(repeating: "x", count: 1_000_000)), timezone: UTC }\n"),
        FuzzCase("a 1 MB key", "\(String(repeating: "k", count: 1_000_000)): 1\n"),
        FuzzCase(
            "a 20,000-character time zone",
            "team: { name: T, timezone: \(String(repeating: "z", count: 20_000)) }\n"
        ),
        FuzzCase(
            "a 20,000-character engineer reference",
            valid.replacingOccurrences(of: "primary: a", with: "primary: \(String(repeating: "a", count: 20_000))")
        ),
        FuzzCase("10,000 unknown keys", (0..<10_000).map { "key\($0): \($0)\n" }.joined()),
    ]

    static let nesting: [FuzzCase] = [
        FuzzCase("10,000 nested lists", String(repeating: "[", count: 10_000)),
        FuzzCase(
            "10,000 nested lists, closed",
            String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        ),
        FuzzCase("10,000 nested mappings", String(repeating: "{", count: 10_000)),
        FuzzCase(
            "10,000 nested mappings with keys",
            String(repeating: "{a: ", count: 10_000) + String(repeating: "}", count: 10_000)
        ),
        FuzzCase("10,000 closing brackets", String(repeating: "]", count: 10_000)),
        // libyaml stops at about 1,000 levels; the deepest file it reads must not exhaust the stack.
        FuzzCase(
            "1,000 nested lists in an HTTP body, about the deepest libyaml reads",
            valid + httpBody(String(repeating: "[", count: 1_000) + String(repeating: "]", count: 1_000))
        ),
        FuzzCase(
            "1,000 nested lists as a mapping key",
            "? \(String(repeating: "[", count: 1_000))\(String(repeating: "]", count: 1_000))\n: 1\n"
        ),
        FuzzCase("10,000 nested block lists on one line", String(repeating: "- ", count: 10_000) + "x\n"),
        FuzzCase(
            "2,000 levels of indentation",
            (0..<2_000).map { String(repeating: " ", count: $0) + "a:\n" }.joined()
                + String(repeating: " ", count: 2_000) + "b\n"
        ),
        FuzzCase(
            "10,000 nested lists as a team name",
            "team: { name: \(String(repeating: "[", count: 10_000))\(String(repeating: "]", count: 10_000)), timezone: UTC }\n"
        ),
        FuzzCase(
            "10,000 nested lists in an HTTP body, which is read to the bottom",
            valid + httpBody(String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000))
        ),
        FuzzCase(
            "10,000 nested lists as a mapping key",
            "? \(String(repeating: "[", count: 10_000))\(String(repeating: "]", count: 10_000))\n: 1\n"
        ),
    ]

    /// Nine levels of ten aliases each: a billion leaves if expanded.
    static let laughs =
        "l0: &l0 lol\n"
        + (1...9).map {
            "l\($0): &l\($0) [" + Array(repeating: "*l\($0 - 1)", count: 10).joined(separator: ", ") + "]\n"
        }.joined()

    /// The same as mappings with distinct keys, so that walking a mapping also expands it.
    static let mappingLaughs =
        "m0: &m0 { k: lol }\n"
        + (1...9).map { "m\($0): &m\($0) {" + (0..<10).map { "k\($0): *m\($0 - 1)" }.joined(separator: ", ") + "}\n" }
        .joined()

    static let aliases: [FuzzCase] = [
        FuzzCase("a billion laughs under unknown keys", laughs),
        FuzzCase("a billion laughs as mappings under unknown keys", mappingLaughs),
        FuzzCase(
            "a billion laughs in an HTTP body, which is read to the bottom",
            valid + httpBody("\n" + indented(laughs, by: 8))
        ),
        FuzzCase(
            "a billion laughs in an HTTP body, flow style",
            valid + httpBody("{ \(mappingLaughs.replacingOccurrences(of: "\n", with: ", ")) }")
        ),
        // Yams compares mapping keys while it composes, hashing an alias's whole value: an alias
        // key is refused before composing, or `? *l9` would hang inside Yams.
        FuzzCase("a billion laughs as a mapping key", laughs + "? *l9\n: 1\n"),
        FuzzCase("a billion laughs as an implicit mapping key", laughs + "*l9 : 1\n"),
        FuzzCase("a billion laughs as two equal flow mapping keys", laughs + "x: { ? *l9 : 1, ? *l9 : 2 }\n"),
        FuzzCase("a billion laughs as a flow mapping key", laughs + "x: {a: 1, *l9 : 2}\n"),
        FuzzCase(
            "a billion laughs as the engineers",
            mappingLaughs.replacingOccurrences(of: "m", with: "x") + "engineers: *x9\n"
        ),
        FuzzCase(
            "a billion laughs as a rotation",
            valid + laughs.replacingOccurrences(of: "l", with: "x").replacingOccurrences(of: "xox", with: "a")
                + "oncall: { rotation: *x9, starts: 2026-01-05 }\n"
        ),
        FuzzCase("a billion laughs as an include list", laughs + "include: *l9\n"),
        FuzzCase("an alias that is not defined", "team: *nowhere\n"),
        FuzzCase("an alias to the node that is being defined", "team: &t { name: *t }\n"),
        FuzzCase(
            "merge keys",
            valid + "base: &base { name: B }\nstakeholders:\n  x: { <<: *base, email: x@example.com }\n"
        ),
    ]

    static let syntax: [FuzzCase] = [
        FuzzCase("tabs for indentation", valid.replacingOccurrences(of: "  ", with: "\t")),
        FuzzCase("a tab after a key", "team:\t{ name: T, timezone: UTC }\n"),
        FuzzCase("a repeated top-level key", valid + "team: { name: T, timezone: UTC }\n"),
        FuzzCase("a key repeated in a flow mapping", "team: { name: T, name: U, timezone: UTC, timezone: UTC }\n"),
        FuzzCase(
            "a key repeated 300 times",
            valid + "pipelines:\n" + String(repeating: "  p: { name: P }\n", count: 300)
        ),
        FuzzCase("a repeated key spelt with an escape", "team: { \"name\": T, \"n\\x61me\": U }\n"),
        FuzzCase("a repeated key after a form feed", "team:\n  name: T\u{0C}\n  name: U\n"),
        FuzzCase(
            "binary and foreign tags",
            valid + "x: !!binary aGVsbG8=\ny: !!python/object:os.system [ls]\nz: !<tag:x> 1\n"
        ),
        FuzzCase(
            "tags on known keys",
            "team: !!binary { name: !!int T, timezone: !!float UTC }\nengineers: !!set { a }\n"
        ),
        FuzzCase("a YAML directive and several documents", "%YAML 1.1\n---\n" + valid + "---\nteam: {}\n...\n"),
        FuzzCase("a document end marker only", "...\n"),
        FuzzCase("a complex key", "? [team]\n: { name: T }\n"),
        FuzzCase("a null key", "~: 1\n: 2\n"),
        FuzzCase(
            "huge numbers everywhere",
            valid.replacingOccurrences(of: "Data", with: "99999999999999999999")
                + "oncall: { rotation: [a, b], starts: 2026-01-05, shift: 9223372036854775807h }\nincidents: { delivery_attempts: 1e400, reopen_within: -1e300 }\n"
        ),
        FuzzCase("an unterminated quote", "team: { name: \"T, timezone: UTC }\n"),
        FuzzCase("a block scalar as the whole file", "|\n  text\n"),
    ]

    /// An `actions:` section with one HTTP action whose body is `body`: the reader turns a body
    /// into JSON, so it walks all of it.
    static func httpBody(_ body: String) -> String {
        "actions:\n  x:\n    http:\n      method: POST\n      url_env: U\n      body: \(body)\n"
    }

    static func indented(_ text: String, by width: Int) -> String {
        text.split(separator: "\n").map { String(repeating: " ", count: width) + $0 }.joined(separator: "\n")
    }

    /// `count` bytes from a seeded generator.
    static func randomBytes(count: Int, seed: UInt64) -> [UInt8] {
        var random = SplitMix64(seed: seed)
        return (0..<count).map { _ in UInt8.random(in: 0...255, using: &random) }
    }
}
