import PipewatchCore
import Yams

/// Reads `escalation:` (the team's, or a pipeline's own): the levels a page moves through when
/// nobody acknowledges it. Either a list of levels, or `{ levels: [...], repeat: N }` to run the
/// levels N more times after the last one.
enum EscalationSection {
    static func policy(_ value: YAMLValue, context: ReadingContext) -> EscalationPolicy? {
        let log = context.log
        guard case .mapping = value.node else { return levels(value, repeats: false, context: context) }
        guard let fields = MappingReader(value, allowed: ["levels", "repeat"], log: log) else { return nil }
        let repeatCount = fields["repeat"].map { Self.repeatCount($0, log: log) } ?? 0
        let listed = fields.required(
            "levels",
            log: log,
            hint: "list the levels, e.g. 'levels: [{ notify: oncall, ack_within: 15m }]'"
        )
        .flatMap { Self.levels($0, repeats: (repeatCount ?? 0) > 0, context: context) }
        guard let listed, let repeatCount else { return nil }
        return EscalationPolicy(levels: listed.levels, repeatCount: repeatCount)
    }

    /// `repeat: N`, a whole number of 0 or more.
    private static func repeatCount(_ value: YAMLValue, log: DiagnosticLog) -> Int? {
        guard let count = value.integer(log) else { return nil }
        guard count >= 0 else {
            value.error(
                "must be 0 or more, found \(count)",
                hint: "the number of times the levels run again after the last one; 0 runs them once",
                in: log
            )
            return nil
        }
        return count
    }

    /// The list of levels, as a policy that runs once. When the policy repeats, the last level needs `ack_within` too: it is
    /// how long the last level has before the first one is paged again.
    private static func levels(_ value: YAMLValue, repeats: Bool, context: ReadingContext) -> EscalationPolicy? {
        let log = context.log
        guard let items = value.list(log) else { return nil }
        var levels: [EscalationLevel] = []
        for (index, item) in items.enumerated() {
            guard let fields = MappingReader(item, allowed: ["notify", "ack_within"], log: log) else { continue }
            let target = fields.required("notify", log: log).flatMap {
                RunbookSection.escalationTarget($0, context: context)
            }
            let ackWithin = fields["ack_within"]?.duration(log)
            if fields["ack_within"] == nil, index < items.count - 1 || repeats {
                item.error(
                    "missing key 'ack_within'",
                    hint: index < items.count - 1
                        ? "every level but the last needs the time it has to acknowledge"
                        : "with 'repeat', the last level needs the time it has before the first level is paged again",
                    in: log
                )
            }
            if let target { levels.append(EscalationLevel(target: target, acknowledgeWithin: ackWithin)) }
        }
        if levels.isEmpty, items.isEmpty {
            value.error(
                "the escalation policy has no levels",
                hint: "start with '- { notify: oncall, ack_within: 15m }'",
                in: log
            )
        }
        return EscalationPolicy(levels: levels)
    }
}
