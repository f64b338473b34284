import Foundation
import PipewatchCore
import PipewatchTestSupport
import Testing

@Suite("incident state machine")
struct IncidentStateMachineTests {
    let opened = ScheduleFixtures.instant("2026-03-26T07:00:00Z")
    let settings = IncidentSettings(reopenWithin: .seconds(3600), autoResolveAfter: .seconds(600))

    private func machine(_ change: (inout Incident) -> Void = { _ in }) -> IncidentStateMachine {
        var incident = Incident(
            id: 7,
            key: "p|processing_failure|job:x",
            pipeline: "p",
            kind: "processing_failure",
            title: "x failed",
            severity: .critical,
            openedAt: opened
        )
        change(&incident)
        return IncidentStateMachine(incident, settings: settings)
    }

    @Test("acknowledging stops escalation and records who; a second acknowledgement is refused")
    func acknowledge() throws {
        // Given a triggered incident
        var machine = machine()
        // When b acknowledges
        let effects = try machine.handle(.acknowledge(by: "b"), at: opened.addingTimeInterval(60))
        // Then escalation stops, and a second acknowledgement names the first
        #expect(effects == [.timeline(.acknowledged, "acknowledged by b"), .stopEscalation])
        #expect(machine.incident.state == .acknowledged)
        #expect(machine.incident.acknowledgedBy == "b")
        let error = #expect(throws: IncidentError.self) { try machine.handle(.acknowledge(by: "a"), at: opened) }
        #expect(error?.description == "cannot acknowledge incident 'INC-7': it is already acknowledged by 'b'")
    }

    @Test("a repeat while open counts; within the reopen window it reopens and escalates again; later it is new")
    func repeatsAndReopens() throws {
        var open = machine()
        #expect(
            try open.handle(.occurred(title: "x failed again"), at: opened) == [
                .timeline(.repeated, "seen again (2 times): x failed again")
            ]
        )
        #expect(open.incident.count == 2)

        let resolvedAt = opened.addingTimeInterval(600)
        var resolved = machine {
            $0.state = .resolved
            $0.resolvedAt = resolvedAt
            $0.acknowledgedBy = "b"
        }
        let effects = try resolved.handle(.occurred(title: "x failed"), at: resolvedAt.addingTimeInterval(3600))
        #expect(effects == [.timeline(.reopened, "reopened: x failed"), .startEscalation])
        #expect(resolved.incident.state == .triggered)
        #expect(resolved.incident.acknowledgedBy == nil)

        var old = machine {
            $0.state = .resolved
            $0.resolvedAt = resolvedAt
        }
        #expect(!old.reopens(at: resolvedAt.addingTimeInterval(3601)))
        #expect(throws: IncidentError.tooLateToReopen(reference: "INC-7")) {
            try old.handle(.occurred(title: "x"), at: resolvedAt.addingTimeInterval(3601))
        }
    }

    @Test("it resolves itself only after every signal stayed clear for the hold time, unless auto-resolve is off")
    func autoResolve() throws {
        var machine = machine()
        let cleared = opened.addingTimeInterval(300)
        _ = try machine.handle(.cleared, at: cleared)
        #expect(try machine.handle(.checkAutoResolve, at: cleared.addingTimeInterval(599)).isEmpty)
        let effects = try machine.handle(.checkAutoResolve, at: cleared.addingTimeInterval(600))
        #expect(effects.contains(.stopEscalation))
        #expect(machine.incident.state == .resolved)
        #expect(machine.incident.resolvedBy == "pipewatch")

        var manual = self.machine { $0.autoResolve = false }
        _ = try manual.handle(.cleared, at: cleared)
        #expect(try manual.handle(.checkAutoResolve, at: cleared.addingTimeInterval(86_400)).isEmpty)
        #expect(manual.incident.state == .triggered)
    }

    @Test("resolving twice is refused with the incident's reference")
    func resolveTwice() throws {
        var machine = machine()
        _ = try machine.handle(.resolve(by: "c", reason: "re-ran it"), at: opened)
        #expect(throws: IncidentError.alreadyResolved(reference: "INC-7")) {
            try machine.handle(.resolve(by: "c", reason: nil), at: opened)
        }
    }
}
