import Foundation
import PipewatchCore
import PipewatchEngine
import PipewatchStore
import PipewatchTestSupport
import Testing

/// An engineer's quiet hours and channel choices, applied when a page is queued.
@Suite("Notification preferences")
struct QuietHoursTests {
    @Test("a page in the engineer's quiet hours waits for their morning, and the timeline says until when")
    func quietHoursHoldNonCriticalPages() async throws {
        let receiver = WebhookReceiver()
        try await receiver.serve { base in
            try await withTestStore(.sqlite) { store in
                // Given b (on call that week) in London with quiet hours 22:00 to 07:00, paged at 02:00 London time
                var plan = DispatcherTests.plan(base: base)
                let quiet = NotificationPreferences.QuietHours(
                    start: TimeOfDay(hour: 22, minute: 0)!,
                    end: TimeOfDay(hour: 7, minute: 0)!
                )
                plan.catalog.engineers[1].preferences = NotificationPreferences(quietHours: quiet)
                let clock = TestClock(iso: "2026-03-25T02:00:00Z")  // London is on GMT until the 29th
                let engine = DispatcherTests.engine(plan, store, clock)
                try await DispatcherTests.openIncident(engine, store, at: clock.wall.now)

                // Then the page waits: nothing is sent at 02:00, and the timeline says until when
                #expect(try await engine.dispatcher.deliverDue(at: clock.wall.now) == 0)
                let timeline = try await store.timeline(incidentID: 1).map(\.detail)
                #expect(
                    timeline.contains {
                        $0.hasPrefix("paged B (b):")
                            && $0.hasSuffix("(1 message queued, held for quiet hours until 2026-03-25T07:00:00+00:00)")
                    },
                    "\(timeline)"
                )
                // And at 07:00 London time it goes out
                clock.advance(by: .seconds(5 * 3600))
                #expect(try await engine.dispatcher.deliverDue(at: clock.wall.now) == 1)
                #expect(receiver.deliveries.count == 1)
            }
        }
    }

    @Test("quiet hours and channels per severity, in the person's own zone")
    func preferencesRule() throws {
        let london = ScheduleFixtures.zone("Europe/London")
        let quiet = NotificationPreferences.QuietHours(
            start: TimeOfDay(hour: 22, minute: 0)!,
            end: TimeOfDay(hour: 7, minute: 0)!
        )
        let preferences = NotificationPreferences(channels: [.normal: [.slack]], quietHours: quiet)
        let at = { (text: String) in ScheduleFixtures.instant(text) }
        // Before midnight waits for the next morning, after midnight for the same morning (BST here)
        #expect(
            preferences.deliveryTime(severity: .normal, at: at("2026-06-01T23:30:00+01:00"), in: london)
                == at("2026-06-02T07:00:00+01:00")
        )
        #expect(
            preferences.deliveryTime(severity: .high, at: at("2026-06-02T06:59:00+01:00"), in: london)
                == at("2026-06-02T07:00:00+01:00")
        )
        // Daytime and critical pages go at once
        #expect(
            preferences.deliveryTime(severity: .normal, at: at("2026-06-02T12:00:00+01:00"), in: london)
                == at("2026-06-02T12:00:00+01:00")
        )
        #expect(
            preferences.deliveryTime(severity: .critical, at: at("2026-06-02T03:00:00+01:00"), in: london)
                == at("2026-06-02T03:00:00+01:00")
        )
        // Normal messages use Slack only; other severities every contact
        let contacts: [ContactMethod] = [
            .slack(url: .literal("https://hooks.example.com/a")),
            .pagerDuty(url: .literal("https://events.pagerduty.com"), routingKeyEnv: "PD"),
        ]
        #expect(preferences.contacts(contacts, severity: .normal).map(\.channel) == [.slack])
        #expect(preferences.contacts(contacts, severity: .critical).count == 2)
    }
}
