import Foundation
import PipewatchTestSupport
import Testing

/// The on-call commands end to end, in-process, on the seed team with a fresh SQLite store each.
@Suite("on-call commands")
struct OncallCommandTests {
    let root = RepositoryFiles.root
    let seed = "examples/seed/pipewatch.yaml"

    /// Runs `pipewatch ARGS --config seed --database DIR/state.sqlite` at 2026-11-27T12:00Z.
    private func run(
        _ arguments: [String],
        in directory: TemporaryDirectory,
        now: String = "2026-11-27T12:00:00Z"
    )
        async -> CommandResult
    {
        let database = directory.url.appendingPathComponent("state.sqlite").path
        return await pipewatch(
            arguments: arguments + ["--config", seed, "--database", database],
            in: root,
            environment: ["PIPEWATCH_NOW": now, "USER": "lead"]
        )
    }

    /// The JSON object printed, or an empty one (which fails the expectations that follow).
    private func json(_ text: String) -> [String: Any] {
        ((try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any]) ?? [:]
    }

    @Test("oncall now says who, since when, until when and why")
    func now() async throws {
        await TemporaryDirectory.with { directory in
            let result = await run(["oncall", "now", "--format", "json"], in: directory)
            #expect(result.status == 0)
            let answer = json(result.output)
            #expect(answer["engineer"] as? String == "c")
            #expect(answer["start"] as? String == "2026-11-23T09:00:00-05:00")
            #expect(answer["end"] as? String == "2026-11-30T09:00:00-05:00")
            #expect(answer["reason"] as? String == "rotation")
        }
    }

    @Test("oncall at a holiday hour nobody can cover reports the gap and exits 1")
    func gapAt() async throws {
        await TemporaryDirectory.with { directory in
            let result = await run(["oncall", "at", "2026-12-25T12:00"], in: directory)
            #expect(result.status == 1)
            #expect(
                result.output
                    == "nobody is on call at 2026-12-25T12:00:00-05:00: nobody available to cover 'c' (public holiday 'Christmas Day')\n"
            )
        }
    }

    @Test("the schedule as JSON has ordered shifts with reasons, and the gaps")
    func scheduleJSON() async throws {
        try await TemporaryDirectory.with { directory in
            let result = await run(
                ["oncall", "schedule", "--from", "2026-12-24", "--to", "2026-12-25", "--format", "json"],
                in: directory
            )
            #expect(result.status == 0)
            let document = json(result.output)
            let shifts = try #require(document["shifts"] as? [[String: String]])
            let gaps = try #require(document["gaps"] as? [[String: String]])
            #expect(shifts.map { $0["reason"] ?? "" }.contains("season"))
            #expect(shifts.map { $0["reason"] ?? "" }.contains("substitute"))
            // Christmas Day: one gap per season day, split at the 09:00 handoff.
            #expect(
                gaps == [
                    ["start": "2026-12-25T00:00:00-05:00", "end": "2026-12-25T09:00:00-05:00"],
                    ["start": "2026-12-25T09:00:00-05:00", "end": "2026-12-25T13:30:00-05:00"],
                ]
            )
            #expect(result.errorOutput.contains("warning: nobody can be on call from 2026-12-25T00:00:00-05:00"))
        }
    }

    @Test("time off re-plans at once: the absent engineer's hours go to a substitute, and it is audited")
    func timeOff() async throws {
        await TemporaryDirectory.with { directory in
            // a holds the week of 2026-12-07; taking 12-08 off hands that day to a substitute.
            let added = await run(
                ["timeoff", "add", "a", "2026-12-08", "2026-12-08", "--reason", "moving house"],
                in: directory
            )
            #expect(added.status == 0)
            #expect(
                added.output.hasPrefix("added time off #1: Data Engineer A (a) away 2026-12-08 through 2026-12-08\n")
            )
            #expect(added.output.contains("(covering 'a': time off ('moving house'))"))
            let at = await run(["oncall", "at", "2026-12-08T12:00", "--format", "json"], in: directory)
            let answer = json(at.output)
            #expect(answer["reason"] as? String == "substitute")
            #expect(answer["engineer"] as? String != "a")
            let list = await run(["timeoff", "list", "--format", "json"], in: directory)
            #expect(list.output.contains(#""reason" : "moving house""#))
            let audit = await run(["audit", "--format", "json"], in: directory)
            #expect(audit.output.contains(#""action" : "timeoff.add""#))
            #expect(audit.output.contains(#""actor" : "lead""#))
            let twice = await run(["timeoff", "add", "a", "2026-12-07", "2026-12-08"], in: directory)
            #expect(twice.errorOutput.contains("warning: it overlaps time off #1 (2026-12-08 through 2026-12-08)"))
            #expect(await run(["timeoff", "remove", "2"], in: directory).status == 0)
            let removed = await run(["timeoff", "remove", "1"], in: directory)
            #expect(removed.status == 0)
            let again = await run(["timeoff", "remove", "1"], in: directory)
            #expect(again.status == 1)
            #expect(again.errorOutput == "error: there is no time off with id '1'\n")
        }
    }

    @Test("a swap needs a week's notice, the holder's shift and the taker's consent; accepted, it changes the schedule")
    func swap() async throws {
        await TemporaryDirectory.with { directory in
            // d holds 2026-11-30 → 12-07. Filed at 2026-11-27T12:00Z, a swap starting 12-03 is too late.
            let late = await run(
                [
                    "swap", "request", "--from", "d", "--to", "a", "--start", "2026-12-03T09:00", "--end",
                    "2026-12-04T09:00",
                ],
                in: directory
            )
            #expect(late.status == 1)
            #expect(late.errorOutput.hasPrefix("error: swap request is too late: it starts 2026-12-03T09:00:00-05:00"))
            // a holds 2026-12-07 → 12-14; asking b for 12-09 → 12-10 a week and more ahead is fine.
            let filed = await run(
                [
                    "swap", "request", "--from", "a", "--to", "b", "--start", "2026-12-09T09:00", "--end",
                    "2026-12-10T09:00",
                    "--reason", "dentist",
                ],
                in: directory
            )
            #expect(filed.status == 0)
            #expect(filed.output.hasPrefix("swap request #1 is pending"))
            let pending = await run(["oncall", "at", "2026-12-09T12:00", "--format", "json"], in: directory)
            #expect(json(pending.output)["engineer"] as? String == "a")
            let wrongTaker = await run(["swap", "accept", "1", "--as", "c"], in: directory)
            #expect(wrongTaker.status == 1)
            #expect(wrongTaker.errorOutput == "error: only 'b', the taker, may accept swap request #1\n")
            let accepted = await run(["swap", "accept", "1", "--as", "b"], in: directory)
            #expect(accepted.status == 0)
            let again = await run(["swap", "accept", "1", "--as", "b"], in: directory)
            #expect(again.status == 1)
            #expect(again.errorOutput.contains("it is already accepted"))
            let after = await run(["oncall", "at", "2026-12-09T12:00", "--format", "json"], in: directory)
            #expect(json(after.output)["engineer"] as? String == "b")
            #expect(json(after.output)["reason"] as? String == "swap")
            let twice = await run(["swap", "cancel", "1", "--as", "a"], in: directory)
            #expect(twice.status == 1)
            let audit = await run(["audit", "--format", "json"], in: directory)
            #expect(audit.output.contains(#""action" : "swap.accepted""#))
            #expect(audit.output.contains(#""action" : "swap.request""#))
        }
    }

    @Test("an override needs a reason and wins over the rotation")
    func override() async throws {
        await TemporaryDirectory.with { directory in
            let missing = await run(
                [
                    "override", "--engineer", "b", "--start", "2026-11-27T08:00", "--end", "2026-11-27T18:00",
                    "--reason", " ",
                ],
                in: directory
            )
            #expect(missing.status == 2)
            let added = await run(
                [
                    "override", "--engineer", "b", "--start", "2026-11-27T06:00", "--end", "2026-11-27T18:00",
                    "--reason", "c is ill",
                ],
                in: directory
            )
            #expect(added.status == 0)
            let now = await run(["oncall", "now", "--format", "json"], in: directory)
            #expect(json(now.output)["engineer"] as? String == "b")
            #expect(json(now.output)["reason"] as? String == "override")
        }
    }

    @Test("the ICS feed keeps the same UIDs from run to run")
    func ics() async throws {
        await TemporaryDirectory.with { directory in
            let arguments = ["oncall", "schedule", "--from", "2026-12-01", "--to", "2026-12-31", "--format", "ics"]
            let first = await run(arguments, in: directory)
            let second = await run(arguments, in: directory)
            #expect(first.status == 0)
            #expect(first.output.hasPrefix("BEGIN:VCALENDAR\r\n"))
            let uids = { (text: String) in text.split(separator: "\r\n").filter { $0.hasPrefix("UID:") } }
            #expect(!uids(first.output).isEmpty)
            #expect(uids(first.output) == uids(second.output))
        }
    }
}
