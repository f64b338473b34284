import Foundation
import PipewatchCore
import Testing

@Suite("ISO 8601 text")
struct ISO8601TextTests {
    @Test(
        "instants are written with their milliseconds, and whole seconds as before",
        arguments: [
            ("2026-11-27T12:42:56.148325+00:00", "2026-11-27T12:42:56.148+00:00"),
            ("2026-11-27T12:42:56.0004+00:00", "2026-11-27T12:42:56+00:00"),
            ("2026-11-27T12:42:56.9996+00:00", "2026-11-27T12:42:57+00:00"),
            ("2026-11-27T12:42:56.05Z", "2026-11-27T12:42:56.050+00:00"),
            ("2026-11-27T12:42:56+00:00", "2026-11-27T12:42:56+00:00"),
            ("1969-12-31T23:59:59.5Z", "1969-12-31T23:59:59.500+00:00"),
        ]
    )
    func milliseconds(text: String, written: String) throws {
        let instant = try #require(ISO8601Text.parse(text))
        #expect(ISO8601Text.formatMilliseconds(instant, in: .gmt) == written)
    }

    @Test("milliseconds are written in the zone's local time with its offset")
    func millisecondsInZone() throws {
        let instant = try #require(ISO8601Text.parse("2026-03-09T13:00:00.250Z"))
        let newYork = try #require(TimeZone(identifier: "America/New_York"))
        #expect(ISO8601Text.formatMilliseconds(instant, in: newYork) == "2026-03-09T09:00:00.250-04:00")
    }
}
