import Foundation
import PipewatchCore
import PipewatchTestSupport
import Testing

@Suite("delivery risk")
struct DeliveryRiskTests {
    let zone = ScheduleFixtures.zone("America/New_York")
    var pipeline: Pipeline {
        Pipeline(
            id: "p",
            name: "Aggregate profit",
            owners: PipelineOwners(primary: "c", secondary: nil),
            deliverBy: DeliveryDeadline(time: TimeOfDay(hour: 9, minute: 0)!, timeZone: zone)
        )
    }
    let watched = ScheduleFixtures.instant("2026-03-01T00:00:00Z")

    /// A completed run of `minutes` that ended at `end`.
    private func run(_ id: String, ending end: String, minutes: Double) -> Run {
        let ended = ScheduleFixtures.instant(end)
        return Run(
            id: id,
            job: JobName(namespace: "airflow", name: "p"),
            state: .completed,
            startedAt: ended.addingTimeInterval(-minutes * 60),
            endedAt: ended
        )
    }

    @Test("with no incident, delivery is at risk when the typical run no longer fits, with the expected delay")
    func typicalDurationDoesNotFit() throws {
        let risk = try #require(DeliveryRisk(pipeline: pipeline, noticeBefore: .seconds(3600)))
        let history = [
            run("1", ending: "2026-03-23T07:30:00-04:00", minutes: 90),
            run("2", ending: "2026-03-24T07:30:00-04:00", minutes: 90),
            run("3", ending: "2026-03-25T07:30:00-04:00", minutes: 90),
        ]
        // At 08:10 nothing has run today, and a run takes 90 minutes: 40 minutes late
        let notices = risk.notices(
            runs: history,
            incident: nil,
            watchedSince: watched,
            at: ScheduleFixtures.instant("2026-03-26T08:10:00-04:00")
        )
        #expect(notices.map(\.kind) == [.atRisk])
        #expect(abs((notices.first?.expectedDelay ?? 0) - 40 * 60) < 0.001)
        #expect(notices.first?.reason == "today's run has not started, and it usually takes 1 hour 30 minutes")
        // At 07:50 (before the notice window) nothing is said
        #expect(
            risk.notices(
                runs: history,
                incident: nil,
                watchedSince: watched,
                at: ScheduleFixtures.instant("2026-03-26T07:50:00-04:00")
            ).isEmpty
        )
    }

    @Test("a delivery before the deadline means no notice; after it, a late-delivery notice")
    func deliveredOnTimeOrLate() throws {
        let risk = try #require(DeliveryRisk(pipeline: pipeline, noticeBefore: .seconds(3600)))
        let onTime = [run("1", ending: "2026-03-26T08:30:00-04:00", minutes: 20)]
        #expect(
            risk.notices(
                runs: onTime,
                incident: "a job failed",
                watchedSince: watched,
                at: ScheduleFixtures.instant("2026-03-26T10:00:00-04:00")
            ).isEmpty
        )
        let late = [run("1", ending: "2026-03-26T09:45:00-04:00", minutes: 20)]
        let notices = risk.notices(
            runs: late,
            incident: nil,
            watchedSince: watched,
            at: ScheduleFixtures.instant("2026-03-26T10:00:00-04:00")
        )
        #expect(notices.map(\.kind) == [.deliveredLate])
        #expect(abs((notices.first?.expectedDelay ?? 0) - 45 * 60) < 0.001)
    }
}
