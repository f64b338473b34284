/// Decides, step by step, whom an unacknowledged incident pages. Pure: the engine asks it at
/// each due step and records what it says.
///
/// Steps are numbered through the rounds: step `r * levels.count + l` is level `l` of round `r`
/// (`repeat: N` gives N + 1 rounds). For each step:
/// 1. The level's target is resolved: the engineer on call when the incident opened, the
///    pipeline's primary or secondary owner, or a named engineer.
/// 2. A target nobody fills (a gap, no secondary owner) is skipped, with the reason.
/// 3. Someone already paged in this round is skipped, so nobody gets the same page twice in a row.
/// 4. Someone unavailable now (public holiday, time off) is skipped, with the reason.
/// 5. Otherwise the person is paged, and the next step is due after the level's `ack_within`.
/// A skipped step moves on to the next at once.
public struct EscalationPlanner: Sendable {
    public let policy: EscalationPolicy
    public let pipeline: Pipeline

    /// What a step does.
    public enum Decision: Sendable, Hashable {
        case page(EngineerID)
        case skip(reason: String)
    }

    /// Creates a planner for one pipeline's policy.
    public init(policy: EscalationPolicy, pipeline: Pipeline) {
        self.policy = policy
        self.pipeline = pipeline
    }

    /// How many steps the policy has, over all its rounds.
    public var stepCount: Int { policy.levels.count * (max(policy.repeatCount, 0) + 1) }

    /// The level a step belongs to; `nil` past the last step.
    public func level(ofStep step: Int) -> EscalationLevel? {
        guard step >= 0, step < stepCount, !policy.levels.isEmpty else { return nil }
        return policy.levels[step % policy.levels.count]
    }

    /// The round (from 0) a step belongs to.
    public func round(ofStep step: Int) -> Int { policy.levels.isEmpty ? 0 : step / policy.levels.count }

    /// Whom `step` pages, or why it pages nobody.
    ///
    /// - Parameters:
    ///   - step: The step number.
    ///   - oncall: Who was on call when the incident opened (`nil` in a gap).
    ///   - pagedInRound: Who this round has paged already.
    ///   - unavailability: Why an engineer cannot be paged now (a holiday, time off), or `nil`.
    /// - Returns: The decision; a step past the end is a skip.
    public func decide(
        step: Int,
        oncall: EngineerID?,
        pagedInRound: Set<EngineerID>,
        unavailability: (EngineerID) -> String?
    ) -> Decision {
        guard let level = level(ofStep: step) else { return .skip(reason: "the escalation policy has ended") }
        let target: EngineerID
        switch level.target {
        case .oncall:
            guard let oncall else { return .skip(reason: "nobody was on call when the incident opened") }
            target = oncall
        case .primaryOwner:
            target = pipeline.owners.primary
        case .secondaryOwner:
            guard let secondary = pipeline.owners.secondary else {
                return .skip(reason: "the pipeline has no secondary owner")
            }
            target = secondary
        case .engineer(let id):
            target = id
        }
        if pagedInRound.contains(target) {
            return .skip(reason: "'\(target)' (\(level.target)) was already paged")
        }
        if let reason = unavailability(target) {
            return .skip(reason: "'\(target)' (\(level.target)) is unavailable: \(reason)")
        }
        return .page(target)
    }

    /// How long after `step` pages someone the next step is due; `nil` after the last step.
    ///
    /// The last level of a round waits its own `ack_within` before the next round, or the
    /// first level's when it has none.
    public func delay(afterStep step: Int) -> Duration? {
        guard step + 1 < stepCount, let level = level(ofStep: step) else { return nil }
        return level.acknowledgeWithin ?? policy.levels.first?.acknowledgeWithin ?? .seconds(15 * 60)
    }
}
