public import Foundation
public import PipewatchCore
public import PipewatchStore

/// The on-call schedule as the team's config and the stored changes (time off, accepted swaps,
/// overrides) make it, and the difference a change makes.
public struct ScheduleService: Sendable {
    public let plan: TeamPlan
    public let store: any ScheduleStore

    /// Creates the service.
    public init(plan: TeamPlan, store: any ScheduleStore) {
        self.plan = plan
        self.store = store
    }

    /// A calculator over the config and what the store holds now.
    ///
    /// - Throws: ``StoreError`` when the database fails; ``ScheduleError`` when the plan has no
    ///   rotation or names someone unknown.
    public func calculator() async throws -> ScheduleCalculator {
        guard let policy = plan.oncall else { throw ScheduleError.emptyRotation }
        return try await calculator(policy: policy)
    }

    /// A calculator for `policy` over what the store holds now.
    public func calculator(policy: OncallPolicy) async throws -> ScheduleCalculator {
        let timeOff = try await store.allTimeOff().map(\.timeOff)
        let swaps = try await store.swapRequests(status: .accepted)
        let overrides = try await store.overrides(overlapping: nil)
        return try ScheduleCalculator(
            policy: policy,
            timeZone: plan.catalog.team.timeZone,
            engineers: plan.catalog.engineers,
            calendar: plan.dayOffCalendar(),
            timeOff: timeOff,
            swaps: swaps,
            overrides: overrides
        )
    }

    /// The shifts a stored change added, and the gaps left, over `from…through`.
    ///
    /// - Parameters:
    ///   - before: The calculator from before the change.
    ///   - from: The first day compared.
    ///   - through: The last day compared.
    /// - Returns: The shifts that are new after the change, and the schedule after it.
    public func difference(
        from before: ScheduleCalculator,
        days from: LocalDate,
        through: LocalDate
    ) async throws -> (newShifts: [Shift], after: Schedule) {
        let old = try before.schedule(from: from, through: through)
        let new = try await calculator().schedule(from: from, through: through)
        return (new.shifts.filter { !old.shifts.contains($0) }, new)
    }

    /// Who is on call at `instant`, or `nil` in a gap, before the first handoff, or without a rotation.
    public func engineerOnCall(at instant: Date, in calculator: ScheduleCalculator) -> EngineerID? {
        guard case .onCall(let shift) = try? calculator.coverage(at: instant) else { return nil }
        return shift.engineer
    }

    /// Why `engineer` cannot be paged at `instant` (a public holiday, time off), or `nil`.
    public func unavailability(of engineer: EngineerID, at instant: Date, in calculator: ScheduleCalculator) -> String?
    {
        let absences = (try? calculator.absences(of: engineer, from: instant, to: instant.addingTimeInterval(1))) ?? []
        return absences.first.map { "\($0.reason) on \($0.date)" }
    }
}
