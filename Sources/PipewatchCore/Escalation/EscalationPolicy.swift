/// The order in which a page that nobody acknowledges moves on: on call, then the owners.
public struct EscalationPolicy: Sendable, Equatable {
    public var levels: [EscalationLevel]
    /// How many more times the whole policy runs after its last level (`repeat:`); 0 runs it once.
    public var repeatCount: Int

    /// Creates a policy.
    public init(levels: [EscalationLevel], repeatCount: Int = 0) {
        self.levels = levels
        self.repeatCount = repeatCount
    }

    /// The seed's policy: the on-call engineer, then the primary owner, then the secondary owner.
    public static let standard = EscalationPolicy(levels: [
        EscalationLevel(target: .oncall, acknowledgeWithin: .seconds(15 * 60)),
        EscalationLevel(target: .primaryOwner, acknowledgeWithin: .seconds(30 * 60)),
        EscalationLevel(target: .secondaryOwner, acknowledgeWithin: nil),
    ])
}

/// One level of an escalation policy.
public struct EscalationLevel: Sendable, Equatable {
    public var target: EscalationTarget
    /// How long this level has to acknowledge before the next is paged; `nil` on the last level.
    public var acknowledgeWithin: Duration?

    /// Creates a level.
    public init(target: EscalationTarget, acknowledgeWithin: Duration?) {
        self.target = target
        self.acknowledgeWithin = acknowledgeWithin
    }
}
