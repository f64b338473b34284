import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import PipewatchCore
import PipewatchEngine
import PipewatchServer
import PipewatchStore
import Testing

/// Calendar feeds served on a real loopback port, as a calendar app fetches them.
@Suite("calendar feeds")
struct CalendarFeedTests {
    /// 2026-11-29T10:13:20Z, a Sunday: 'a' holds the week from Monday 2026-11-23.
    let now = Date(timeIntervalSince1970: 1_795_900_000)

    /// The events of an iCalendar document by UID, each as its unfolded property lines.
    private func events(_ text: String) -> [String: [String]] {
        let lines = text.replacingOccurrences(of: "\r\n ", with: "").components(separatedBy: "\r\n")
        var result: [String: [String]] = [:]
        var current: [String]?
        for line in lines {
            if line == "BEGIN:VEVENT" {
                current = []
            } else if line == "END:VEVENT", let event = current {
                let uid = event.first { $0.hasPrefix("UID:") }.map { String($0.dropFirst(4)) } ?? ""
                result[uid] = event
                current = nil
            } else {
                current?.append(line)
            }
        }
        return result
    }

    private func get(
        _ client: any TestClientProtocol,
        _ uri: String,
        headers: HTTPFields = [:]
    ) async throws -> (HTTPResponse.Status, HTTPFields, String) {
        try await client.execute(uri: uri, method: .get, headers: headers) { response in
            (response.status, response.headers, String(buffer: response.body))
        }
    }

    @Test("an engineer's feed serves their shifts and named holidays without sign-in; revoked, it answers 404")
    func personalFeed() async throws {
        try await withTestServer(
            plan: fixturePlan(readAccess: .token),
            settings: ServerSettings(port: 0),
            now: now,
            testing: .live
        ) { client, store in
            // Given a feed for 'a', on a server whose API needs a token for reading
            let service = CalendarFeedService(schedule: ScheduleService(plan: fixturePlan(), store: store))
            let (feed, token) = try await service.make(for: "a", by: "lead", at: now)
            // When a calendar app fetches it with no Authorization header
            let (status, headers, body) = try await get(client, "/feeds/\(token).ics")
            // Then it is the engineer's calendar: only their shifts, and their days off by name
            #expect(status == .ok)
            #expect(headers[.contentType] == "text/calendar; charset=utf-8")
            #expect(body.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"))
            #expect(body.contains("X-WR-CALNAME:Data on call: A\r\n"))
            let found = events(body)
            let summaries = found.values.compactMap { $0.first { $0.hasPrefix("SUMMARY:") } }
            #expect(summaries.contains("SUMMARY:On call: A"))
            #expect(!summaries.contains("SUMMARY:On call: B"))
            #expect(summaries.contains("SUMMARY:Day off: A\\, public holiday 'Christmas Day'"))
            let christmas = try #require(
                found.values.first { $0.contains("SUMMARY:Day off: A\\, public holiday 'Christmas Day'") }
            )
            #expect(christmas.contains("DTSTART;VALUE=DATE:20261225"))
            #expect(christmas.contains("DTEND;VALUE=DATE:20261226"))
            // The week that holds now is served whole, from its Monday 09:00 handoff
            #expect(
                found.values.contains {
                    $0.contains("DTSTART:20261123T090000Z") && $0.contains("DTEND:20261130T090000Z")
                }
            )

            // When it is fetched again, with and without its ETag
            let (_, _, again) = try await get(client, "/feeds/\(token).ics")
            let tag = try #require(headers[.eTag])
            let (unchanged, _, empty) = try await get(client, "/feeds/\(token).ics", headers: [.ifNoneMatch: tag])
            // Then the same bytes, and 304 for the app that has them
            #expect(again == body)
            #expect(unchanged == .notModified && empty.isEmpty)

            // When the feed is revoked
            _ = try await service.revoke(id: feed.id, by: "lead", at: now)
            // Then its URL, an unknown token and a malformed one all answer the same 404
            for uri in ["/feeds/\(token).ics", "/feeds/\(String(repeating: "0", count: 64)).ics", "/feeds/x.ics"] {
                let (gone, _, message) = try await get(client, uri)
                #expect(gone == .notFound, "\(uri)")
                #expect(message == #"{"error":"no calendar feed at this address; it may have been revoked"}"#)
            }
        }
    }

    @Test("the team feed keeps every untouched shift's UID when time off re-plans another, and as days pass")
    func stableUIDs() async throws {
        try await withTestServer(settings: ServerSettings(port: 0), now: now, testing: .live) { client, store in
            // Given the team's feed, fetched once
            let service = CalendarFeedService(schedule: ScheduleService(plan: fixturePlan(), store: store))
            let (feed, token) = try await service.make(for: nil, by: "lead", at: now)
            let (_, _, before) = try await get(client, "/feeds/\(token).ics")
            let first = events(before)
            #expect(first.count > 25)
            // When 'b' takes Wednesday 2027-01-13 off, in the week b holds
            let away = TimeOff(engineer: "b", from: LocalDate(iso: "2027-01-13")!, to: LocalDate(iso: "2027-01-13")!)
            _ = try await store.addTimeOff(away, at: now) { _ in
                AuditDraft(at: now, actor: "b", action: "timeoff.add", detail: "test")
            }
            let (_, _, after) = try await get(client, "/feeds/\(token).ics")
            let second = events(after)
            // Then only b's week changed: it is split around a's day as substitute; every other UID stays
            let gone = Set(first.keys).subtracting(second.keys)
            let added = Set(second.keys).subtracting(first.keys)
            #expect(gone.count == 1)
            #expect(gone.allSatisfy { first[$0]?.contains("DTSTART:20270111T090000Z") ?? false })
            #expect(added.count == 3)
            #expect(second.values.contains { $0.contains("SUMMARY:On call: A (covering B)") })

            // When the window moves on by three days
            let later = events(try await service.document(of: feed, at: now.addingTimeInterval(3 * 86_400)))
            // Then every shift served on both days has the same UID and times (DTSTAMP is the window's start)
            let shared = Set(second.keys).intersection(later.keys)
            #expect(shared.count >= second.count - 2)
            let unstamped = { (event: [String]?) in event?.filter { !$0.hasPrefix("DTSTAMP:") } }
            for uid in shared { #expect(unstamped(second[uid]) == unstamped(later[uid])) }
        }
    }
}
