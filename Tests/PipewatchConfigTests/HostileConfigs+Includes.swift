import Foundation

/// Includes and calendar files that cannot be read as config: folders, unreadable, missing and
/// binary files, the config itself, cycles and link loops. No case makes a FIFO: opening one
/// blocks until a writer comes, which would hang the test run rather than test the reader.
extension HostileConfigs {
    static let team = "team: { name: T, timezone: UTC }\n"

    static let includes: [FuzzCase] = [
        FuzzCase("an include of a folder", team + "include: [folder]\n")
            .preparing { try makeFolder("folder", in: $0) },
        FuzzCase("an include of the config's own folder", team + "include: [., '', ./]\n"),
        FuzzCase(
            "an include of a file without permissions",
            team + "include: [locked.yaml]\n",
            others: ["locked.yaml": valid]
        )
        .preparing { try setPermissions(0o000, of: "locked.yaml", in: $0) },
        FuzzCase(
            "an include of a folder without permissions",
            team + "include: [locked/*.yaml]\n",
            others: ["locked/a.yaml": valid]
        )
        .preparing { try setPermissions(0o000, of: "locked", in: $0) },
        FuzzCase("an include of a file that does not exist", team + "include: [missing.yaml, missing/*.yaml]\n"),
        FuzzCase("an include of the config itself", team + "include: [pipewatch.yaml, ./pipewatch.yaml, '*']\n"),
        FuzzCase(
            "an include cycle",
            team + "include: [a.yaml]\n",
            others: ["a.yaml": "include: [b.yaml]\n", "b.yaml": "include: [a.yaml, pipewatch.yaml]\n"]
        ),
        FuzzCase("an include of a link loop", team + "include: [loop-a.yaml]\n")
            .preparing { directory in
                try link("loop-a.yaml", to: "loop-b.yaml", in: directory)
                try link("loop-b.yaml", to: "loop-a.yaml", in: directory)
            },
        FuzzCase("an include of a dangling link", team + "include: [dangling.yaml]\n")
            .preparing { try link("dangling.yaml", to: "nowhere.yaml", in: $0) },
        FuzzCase(
            "an include of only NUL bytes",
            root: Array((team + "include: [nul.yaml]\n").utf8),
            others: ["nul.yaml": Array(repeating: 0, count: 1_024)]
        ),
        FuzzCase(
            "an include of random bytes",
            root: Array((team + "include: [noise.yaml]\n").utf8),
            others: ["noise.yaml": randomBytes(count: 4_096, seed: 3)]
        ),
        FuzzCase(
            "an include of 10,000 nested lists",
            team + "include: [deep.yaml]\n",
            others: ["deep.yaml": String(repeating: "[", count: 10_000)]
        ),
        FuzzCase("an include of a list", team + "include: [list.yaml]\n", others: ["list.yaml": "- a\n- b\n"]),
        FuzzCase(
            "includes of many files, each included twice",
            team + "include: ['*.yaml', '*.yaml']\n",
            others: Dictionary(uniqueKeysWithValues: (0..<50).map { ("part\($0).yaml", "include: ['*.yaml']\n") })
        ),
        FuzzCase("an include path with a NUL byte", team + "include: [\"a\\0b.yaml\", \"\\0\"]\n"),
        FuzzCase(
            "an include path of 5,000 characters",
            team + "include: [\(String(repeating: "a/", count: 2_500))x.yaml]\n"
        ),
        FuzzCase("an include that is not a list of paths", team + "include: { a: 1 }\n"),
        FuzzCase(
            "includes of files outside the folder",
            team + "include: [/dev/zero, /dev/urandom, /proc/self/fd/0, ../../../../etc/passwd]\n"
        ),
        FuzzCase(
            "a calendar file that is a folder, missing or binary",
            team
                + "calendars:\n  a: { file: folder }\n  b: { file: missing.ics }\n  c: { file: noise.ics }\n  d: { file: \"\\0\" }\n  e: { file: /dev/zero }\n",
            others: ["noise.ics": String(decoding: randomBytes(count: 2_048, seed: 4), as: UTF8.self)]
        )
        .preparing { try makeFolder("folder", in: $0) },
        FuzzCase(
            "a calendar file with hostile events",
            team + "calendars:\n  a: { file: hostile.ics }\n",
            others: ["hostile.ics": hostileCalendar]
        ),
    ]

    /// An iCalendar file with events whose dates and lines are broken in many ways.
    static let hostileCalendar = """
        BEGIN:VCALENDAR
        BEGIN:VEVENT
        DTSTART;VALUE=DATE:99999999
        SUMMARY:\(String(repeating: "x", count: 100_000))
        END:VEVENT
        BEGIN:VEVENT
        DTSTART:
        DTEND;VALUE=DATE:00000000
        RRULE:FREQ=DAILY;COUNT=99999999999999999999
        END:VEVENT
        BEGIN:VEVENT
        DTSTART;VALUE=DATE:20260101
        DTEND;VALUE=DATE:19000101
        RRULE:FREQ=YEARLY;INTERVAL=0
        END:VEVENT
        \(String(repeating: "BEGIN:VEVENT\n", count: 1_000))
        """

    private static func makeFolder(_ name: String, in directory: URL) throws {
        try FileManager.default.createDirectory(
            at: directory.appendingPathComponent(name),
            withIntermediateDirectories: true
        )
    }

    private static func setPermissions(_ permissions: Int, of name: String, in directory: URL) throws {
        try FileManager.default.setAttributes(
            [.posixPermissions: permissions],
            ofItemAtPath: directory.appendingPathComponent(name).path
        )
    }

    private static func link(_ name: String, to destination: String, in directory: URL) throws {
        try FileManager.default.createSymbolicLink(
            atPath: directory.appendingPathComponent(name).path,
            withDestinationPath: destination
        )
    }
}
