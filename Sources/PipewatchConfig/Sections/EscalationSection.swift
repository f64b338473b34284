import PipewatchCore

/// Reads `escalation:`: the levels a page moves through when nobody acknowledges it.
enum EscalationSection {
    static func policy(_ value: YAMLValue, context: ReadingContext) -> EscalationPolicy? {
        let log = context.log
        guard let items = value.list(log) else { return nil }
        var levels: [EscalationLevel] = []
        for (index, item) in items.enumerated() {
            guard let fields = MappingReader(item, allowed: ["notify", "ack_within"], log: log) else { continue }
            let target = fields.required("notify", log: log).flatMap {
                RunbookSection.escalationTarget($0, context: context)
            }
            let ackWithin = fields["ack_within"]?.duration(log)
            if fields["ack_within"] == nil, index < items.count - 1 {
                item.error(
                    "missing key 'ack_within'",
                    hint: "every level but the last needs the time it has to acknowledge",
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
