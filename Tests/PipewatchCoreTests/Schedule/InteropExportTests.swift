import Foundation
import PipewatchCore
import PipewatchTestSupport
import Testing

/// Writes the seed team's 2026 schedule as iCalendar and JSON for `Tests/interop/test_ics.py`,
/// which parses them with the Python `icalendar` package. Runs only when
/// `PIPEWATCH_INTEROP_DIR` names a directory to write into.
@Suite("iCalendar interop export")
struct InteropExportTests {
    static let directory = ProcessInfo.processInfo.environment["PIPEWATCH_INTEROP_DIR"]

    @Test(
        "the seed team's year is written as ICS and JSON for the Python parser",
        .enabled(if: directory != nil, "set PIPEWATCH_INTEROP_DIR to write the files")
    )
    func exportForPython() throws {
        let directory = URL(fileURLWithPath: try #require(Self.directory), isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let calculator = try ScheduleFixtures.seedCalculator(
            seasons: [ScheduleFixtures.yearEndSeason],
            timeOff: [
                TimeOff(
                    engineer: "b",
                    from: ScheduleFixtures.date("2026-08-03"),
                    to: ScheduleFixtures.date("2026-08-14"),
                    reason: "summer; family, travel"
                )
            ]
        )
        let schedule = try schedule(calculator, "2026-01-01T00:00:00-05:00", "2027-01-01T00:00:00-05:00")
        let writer = ICalendarWriter(
            calendarName: "Data Engineering on call",
            engineers: ScheduleFixtures.seedEngineers
        )
        try writer.render(schedule).write(
            to: directory.appendingPathComponent("schedule.ics"),
            atomically: true,
            encoding: .utf8
        )
        try writer.render(schedule, engineer: "a")
            .write(to: directory.appendingPathComponent("schedule-a.ics"), atomically: true, encoding: .utf8)
        try ScheduleDocument(schedule).json
            .write(to: directory.appendingPathComponent("schedule.json"), atomically: true, encoding: .utf8)
        #expect(!schedule.shifts.isEmpty)
    }
}
