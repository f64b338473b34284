import PipewatchCore

/// Reads `review:`: how often the periodic review is sent, and to whom.
///
/// ```yaml
/// review:
///   every: 4 weeks          # whole days, at least 1 day
///   notify: team            # team, engineer ids or stakeholder ids; a list or one
///   starts: 2026-01-05      # the first day of the first period (default 2024-01-01, a Monday)
/// ```
enum ReviewSection {
    static let keys = ["every", "notify", "starts"]

    /// The schedule, or `nil` after logging what is wrong.
    static func schedule(_ value: YAMLValue, context: ReadingContext) -> ReviewSchedule? {
        let log = context.log
        guard let fields = MappingReader(value, allowed: keys, log: log) else { return nil }
        var valid = true
        var days = 0
        if let every = fields.required("every", log: log, hint: "how often the review is sent, such as '4 weeks'") {
            if let duration = every.positiveDuration(log) {
                let seconds = duration.components.seconds
                if seconds % 86_400 != 0 || duration.components.attoseconds != 0 {
                    every.error(
                        "must be a whole number of days, found '\(DurationText.format(duration))'",
                        hint: "periods start at midnight in the team's time zone: write '7 days' or '4 weeks'",
                        in: log
                    )
                    valid = false
                } else {
                    days = Int(seconds / 86_400)
                }
            } else {
                valid = false
            }
        } else {
            valid = false
        }
        var notify: [ReviewSchedule.Recipient] = [.team]
        if let value = fields["notify"] {
            notify = []
            for (name, item) in value.strings(log) {
                if name == "team" {
                    notify.append(.team)
                } else if context.engineerIDs.contains(name) {
                    notify.append(.engineer(EngineerID(name)))
                } else if context.stakeholderIDs.contains(name) {
                    notify.append(.stakeholder(StakeholderID(name)))
                } else {
                    let known = ["team"] + context.engineerIDs + context.stakeholderIDs
                    item.error(
                        "unknown recipient '\(name)'",
                        hint: Suggestion.didYouMean(name, in: known)
                            ?? "use 'team', an engineer id or a stakeholder id",
                        in: log
                    )
                    valid = false
                }
            }
        }
        var starts = ReviewSchedule.defaultStart
        if let value = fields["starts"] {
            if let date = value.date(log) { starts = date } else { valid = false }
        }
        guard valid else { return nil }
        return ReviewSchedule(everyDays: days, notify: notify, starts: starts)
    }
}
