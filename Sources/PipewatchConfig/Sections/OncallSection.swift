import PipewatchCore

/// Reads `oncall:`: the rotation, its handoff, seasons and declared time off.
enum OncallSection {
    static let keys = ["rotation", "shift", "handoff", "starts", "swap_notice", "seasons", "time_off", "reminders"]

    static func policy(_ value: YAMLValue, context: ReadingContext) -> OncallPolicy? {
        let log = context.log
        guard let fields = MappingReader(value, allowed: keys, log: log) else { return nil }
        let rotation = fields.required("rotation", log: log, hint: "list the engineers in order, e.g. [a, b, c, d]")
            .map { rotationMembers($0, context: context) }
        let shift = fields["shift"].map { $0.duration(log) } ?? .seconds(604_800)
        let handoff = fields["handoff"].map { Self.handoff($0, log: log) } ?? Handoff(weekday: .monday, time: nineAM)
        let starts = fields.required("starts", log: log, hint: "the date of the first handoff, e.g. 2026-01-05")?
            .date(log)
        let notice = fields["swap_notice"].map { $0.duration(log) } ?? .seconds(604_800)
        let seasons = (fields["seasons"]?.list(log) ?? []).compactMap { Self.season($0, log: log) }
        let timeOff = (fields["time_off"]?.list(log) ?? []).compactMap { Self.timeOff($0, context: context) }
        if let shift, shift <= .zero {
            fields["shift"]?.error("a shift must be longer than zero", in: log)
        }
        if let handoff, let starts, starts.weekday != handoff.weekday {
            fields["starts"]?.warning(
                "\(starts) is a \(starts.weekday), but handoffs are on \(handoff.weekday)",
                hint: "the first shift starts on \(starts) anyway; pick a \(handoff.weekday) to align them",
                in: log
            )
        }
        let reminders = fields["reminders"].map { list in (list.list(log) ?? []).compactMap { $0.duration(log) } }
        guard let rotation, let shift, let handoff, let starts, let notice else { return nil }
        var policy = OncallPolicy(
            rotation: rotation,
            shift: shift,
            handoff: handoff,
            starts: starts,
            swapNotice: notice,
            seasons: seasons,
            timeOff: timeOff
        )
        if let reminders { policy.reminders = reminders }
        return policy
    }

    private static let nineAM = TimeOfDay(hour: 9, minute: 0)!

    private static func rotationMembers(_ value: YAMLValue, context: ReadingContext) -> [EngineerID] {
        var members: [EngineerID] = []
        for item in value.list(context.log) ?? [] {
            guard let id = context.engineer(item) else { continue }
            if members.contains(id) {
                item.error("'\(id)' appears twice in the rotation", hint: "list each engineer once", in: context.log)
                continue
            }
            members.append(id)
        }
        if members.isEmpty, !context.log.hasErrors {
            value.error("the rotation has no engineers", in: context.log)
        }
        return members
    }

    /// `monday 09:00`.
    private static func handoff(_ value: YAMLValue, log: DiagnosticLog) -> Handoff? {
        value.parse(log, expected: "'WEEKDAY HH:MM' such as 'monday 09:00'") { text in
            let parts = text.split(separator: " ", omittingEmptySubsequences: true)
            guard parts.count == 2, let day = Weekday(name: String(parts[0])), let time = TimeOfDay(parsing: parts[1])
            else { return nil }
            return Handoff(weekday: day, time: time)
        }
    }

    private static func season(_ value: YAMLValue, log: DiagnosticLog) -> Season? {
        guard let fields = MappingReader(value, allowed: ["name", "from", "to", "shifts"], log: log) else { return nil }
        let name = fields.required("name", log: log)?.string(log)
        let from = fields.required("from", log: log)?.monthDay(log)
        let to = fields.required("to", log: log)?.monthDay(log)
        let kinds = Dictionary(uniqueKeysWithValues: SeasonShifts.allCases.map { ($0.rawValue, $0) })
        let shifts =
            fields["shifts"].map { value -> SeasonShifts? in
                guard let text = value.string(log) else { return nil }
                guard let kind = kinds[text] else {
                    value.error("unknown season shift length '\(text)'", hint: "use 'daily'", in: log)
                    return nil
                }
                return kind
            } ?? .daily
        guard let name, let from, let to, let shifts else { return nil }
        return Season(name: name, from: from, to: to, shifts: shifts)
    }

    private static func timeOff(_ value: YAMLValue, context: ReadingContext) -> TimeOff? {
        let log = context.log
        guard let fields = MappingReader(value, allowed: ["engineer", "from", "to", "reason"], log: log) else {
            return nil
        }
        let engineer = fields.required("engineer", log: log).flatMap { context.engineer($0) }
        let from = fields.required("from", log: log)?.date(log)
        let to = fields.required("to", log: log)?.date(log)
        let reason = fields["reason"]?.string(log)
        guard let engineer, let from, let to else { return nil }
        guard from <= to else {
            fields["to"]?.error("time off ends (\(to)) before it starts (\(from))", in: log)
            return nil
        }
        return TimeOff(engineer: engineer, from: from, to: to, reason: reason)
    }
}
