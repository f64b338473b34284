import Foundation
import PipewatchTestSupport
import Testing

@Suite("holidays command")
struct HolidaysCommandTests {
    let root = RepositoryFiles.root

    @Test("tsv lines are YYYY-MM-DD<TAB>name, sorted by date, for a range across years")
    func tsvRange() async {
        let result = await pipewatch(
            "holidays",
            "GB-ENG",
            "--from",
            "2026-12-20",
            "--to",
            "2027-01-05",
            "--format",
            "tsv",
            in: root
        )
        #expect(result.status == 0)
        #expect(
            result.output
                == "2026-12-25\tChristmas Day\n2026-12-26\tBoxing Day\n2026-12-28\tBoxing Day (observed)\n"
                + "2027-01-01\tNew Year's Day\n"
        )
    }

    @Test("json marks observed days and categories")
    func json() async throws {
        let result = await pipewatch("holidays", "US", "--year", "2026", "--format", "json", in: root)
        #expect(result.status == 0)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [[String: Any]])
        let observed = try #require(rows.first { $0["date"] as? String == "2026-07-03" })
        #expect(observed["name"] as? String == "Independence Day (observed)")
        #expect(observed["observed"] as? Bool == true)
        #expect(observed["category"] as? String == "public")
    }

    @Test("extra categories are opted into with --category")
    func categories() async {
        let result = await pipewatch(
            "holidays",
            "DE-BY",
            "--from",
            "2026-08-15",
            "--to",
            "2026-08-15",
            "--category",
            "public",
            "--category",
            "catholic",
            "--format",
            "tsv",
            in: root
        )
        #expect(result.output == "2026-08-15\tAssumption Day\n")
    }

    @Test("without --year the year is this year's, from the command's clock")
    func defaultYear() async {
        let result = await pipewatch("holidays", "JP", "--format", "tsv", in: root)
        #expect(result.output.hasPrefix("2026-01-01\tNew Year's Day\n"))
    }

    @Test("--list shows every supported region with its name")
    func list() async {
        let result = await pipewatch("holidays", "--list", "--format", "tsv", in: root)
        #expect(result.status == 0)
        #expect(result.output.contains("US-CA\tCalifornia, United States\n"))
        #expect(result.output.contains("IN-KA\tKarnataka, India\n"))
    }

    @Test("a year outside a table's coverage exits 1 with the coverage")
    func coverage() async {
        let result = await pipewatch("holidays", "US-CA", "--year", "2041", in: root)
        #expect(result.status == 1)
        #expect(
            result.errorOutput.contains("no holiday table for 'Diwali' in 'US-CA' for 2041: the table covers 2000–2035")
        )
    }

    @Test("a year whose declared days are not published lists the statutory days and warns")
    func provisional() async {
        let result = await pipewatch("holidays", "CN", "--year", "2027", "--format", "tsv", in: root)
        #expect(result.status == 0)
        #expect(result.output.contains("2027-02-06\tChinese New Year (Spring Festival)\n"))
        #expect(result.errorOutput.hasPrefix("warning: the holidays of 'CN' in 2027 are provisional: "))
        #expect(result.errorOutput.contains("add them as a calendar with 'declares: CN'"))
    }

    @Test(
        "usage errors exit 2",
        arguments: [
            ["holidays"],
            ["holidays", "USA"],
            ["holidays", "US-XX"],
            ["holidays", "US", "--year", "2026", "--from", "2026-01-01", "--to", "2026-02-01"],
            ["holidays", "US", "--from", "2026-01-01"],
            ["holidays", "US", "--format", "ics"],
            ["holidays", "US", "--category", "catholic"],
        ]
    )
    func usageErrors(arguments: [String]) async {
        let result = await pipewatch(arguments: arguments, in: root)
        #expect(result.status == 2)
        #expect(!result.errorOutput.isEmpty)
    }
}
