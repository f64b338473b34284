import PipewatchCore
import Testing

/// Numbers from outside (config, artifacts) too large for the arithmetic done on them are refused,
/// not trapped on: each of these once crashed `pipewatch validate` or `serve`.
@Suite("huge numbers")
struct HugeNumberTests {
    @Test(
        "durations over a century are too long, not a crash",
        arguments: [
            "99999999999999 weeks", "9223372036854775807h", "99999999999999999999999s", "5300 weeks", "1w 36600d",
        ]
    )
    func durationTooLong(text: String) {
        #expect(DurationText.read(text) == .failure(.tooLong))
        #expect(DurationText.parse(text) == nil)
    }

    @Test("a century and less still reads, and malformed text is malformed")
    func durationLimits() {
        #expect(DurationText.read("5200 weeks") == .success(.seconds(5200 * 604_800)))
        #expect(DurationText.read("36600d") == .success(DurationText.longest))
        #expect(DurationText.read("6 fortnights") == .failure(.malformed))
        #expect(DurationText.read("٣h") == .failure(.malformed))
    }

    @Test(
        "sizes over 1 EB or negative are refused",
        arguments: ["99999999999999999999 GB", "1e300 TB", "2 EB", "-5 GB", "9223372036854775807"]
    )
    func sizes(text: String) {
        #expect(ByteCount.parse(text) == nil)
    }

    @Test("sizes up to 1 EB read")
    func sizeLimits() {
        #expect(ByteCount.parse("1000000 TB") == ByteCount.largest)
        #expect(ByteCount.parse("50 GB") == 50_000_000_000)
    }
}
