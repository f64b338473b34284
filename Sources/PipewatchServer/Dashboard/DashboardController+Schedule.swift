import Foundation
import HTTPTypes
import Hummingbird
import PipewatchCore
import PipewatchEngine
import PipewatchStore

extension DashboardController {
    /// What a schedule action says after its redirect (`?done=…`).
    static let scheduleDoneMessages = [
        "swap-requested": "Swap requested: it waits for the colleague's answer.",
        "swap-accepted": "Swap accepted: the schedule has changed.",
        "timeoff-added": "Time off added: the schedule re-planned around it.",
    ]

    func addSchedulePages(to router: Router<BasicRequestContext>) {
        router.get("schedule") { request, _ in
            await page(request) { visitor in try await schedule(request, visitor) }
        }
        router.get("fairness") { request, _ in
            await page(request) { visitor in try await fairness(request, visitor) }
        }
        // Swaps and time off go through the engine's ScheduleChanges, as 'pipewatch swap' and
        // 'pipewatch timeoff' do, so a refusal reads the same here and there.
        router.post("schedule/swaps") { request, _ in
            await action(
                request,
                role: .engineer,
                what: "request swaps",
                { visitor, form in
                    let engine = config.current.engine
                    let zone = engine.plan.catalog.team.timeZone
                    let from = try acting(as: form.text("from"), visitor, engine.plan)
                    let to = try known(try form.required("to", "Who takes the swap"), engine.plan)
                    let start = try Self.instant(try form.required("start", "The start"), "start", zone)
                    let end = try Self.instant(try form.required("end", "The end"), "end", zone)
                    _ = try await Self.refusingSchedule {
                        try await ScheduleChanges(schedule: engine.schedule).requestSwap(
                            from: from,
                            to: to,
                            interval: start..<max(end, start),
                            reason: form.text("reason"),
                            at: clock.now
                        )
                    }
                    return Self.redirect(Self.scheduleHref(from, month: start, zone: zone, done: "swap-requested"))
                },
                failed: { visitor, message, status in
                    try await schedule(request, visitor, error: message, status: status)
                }
            )
        }
        router.post("schedule/swaps/:id/accept") { request, context in
            await action(
                request,
                role: .engineer,
                what: "accept swaps",
                { visitor, _ in
                    let engine = config.current.engine
                    guard let id = context.parameters.get("id").flatMap(Int64.init) else {
                        throw DashboardError.invalid("swap request ids are whole numbers")
                    }
                    let request = try await engine.schedule.store.swapRequest(id: id)
                    // An admin accepts for the taker; an engineer only as themselves (the engine checks).
                    let taker = visitor.allows(.admin) ? request.taker : try acting(as: nil, visitor, engine.plan)
                    let decided = try await Self.refusingSchedule {
                        try await ScheduleChanges(schedule: engine.schedule).decideSwap(
                            id,
                            as: .accepted,
                            by: taker,
                            at: clock.now
                        )
                    }
                    let zone = engine.plan.catalog.team.timeZone
                    return Self.redirect(
                        Self.scheduleHref(decided.taker, month: decided.start, zone: zone, done: "swap-accepted")
                    )
                },
                failed: { visitor, message, status in
                    try await schedule(request, visitor, error: message, status: status)
                }
            )
        }
        router.post("schedule/timeoff") { request, _ in
            await action(
                request,
                role: .engineer,
                what: "add time off",
                { visitor, form in
                    let engine = config.current.engine
                    let who = try acting(as: form.text("engineer"), visitor, engine.plan)
                    let first = try Self.date(try form.required("from", "The first day"), "from")
                    let last = try Self.date(try form.required("to", "The last day"), "to")
                    let timeOff = TimeOff(engineer: who, from: first, to: last, reason: form.text("reason"))
                    _ = try await Self.refusingSchedule {
                        try await ScheduleChanges(schedule: engine.schedule).addTimeOff(
                            timeOff,
                            by: visitor.actor,
                            at: clock.now
                        )
                    }
                    let zone = engine.plan.catalog.team.timeZone
                    return Self.redirect(
                        Self.scheduleHref(who, month: first.instant(in: zone), zone: zone, done: "timeoff-added")
                    )
                },
                failed: { visitor, message, status in
                    try await schedule(request, visitor, error: message, status: status)
                }
            )
        }
        router.post("schedule/feeds") { request, _ in
            await action(
                request,
                role: .engineer,
                what: "make calendar feeds",
                { visitor, form in
                    let engine = config.current.engine
                    let who = try acting(as: form.text("engineer"), visitor, engine.plan)
                    let (_, token) = try await CalendarFeedService(schedule: engine.schedule)
                        .make(for: who, by: visitor.actor, at: clock.now)
                    // Shown once, on this answer (not a redirect): the store keeps only its hash.
                    return try await schedule(request, visitor, engineer: who, feedPath: "/feeds/\(token).ics")
                },
                failed: { visitor, message, status in
                    try await schedule(request, visitor, error: message, status: status)
                }
            )
        }
    }

    /// The engineer a form acts for: an admin may name anyone; an engineer acts only as the
    /// engineer their sign-in names.
    private func acting(as named: String?, _ visitor: DashboardVisitor, _ plan: TeamPlan) throws -> EngineerID {
        if visitor.allows(.admin), let named, !named.isEmpty { return try known(named, plan) }
        guard let own = visitor.user?.engineer else {
            throw DashboardError.invalid("your sign-in names no engineer; ask an admin to add 'engineer:' to your user")
        }
        if let named, !named.isEmpty, named != own.rawValue {
            throw DashboardError.invalid("engineers act only for themselves; only an admin may act for '\(named)'")
        }
        return own
    }

    private func known(_ id: String, _ plan: TeamPlan) throws -> EngineerID {
        guard let engineer = plan.catalog.engineer(EngineerID(id)) else {
            throw DashboardError.invalid("unknown engineer '\(id)'")
        }
        return engineer.id
    }

    /// Runs a schedule change, turning the schedule's refusal into the page's message (its text is
    /// the CLI's, without the `error: ` prefix).
    static func refusingSchedule<R>(_ body: () async throws -> R) async throws -> R {
        do {
            return try await body()
        } catch let error as ScheduleError {
            throw DashboardError.invalid(error.description)
        }
    }

    /// `YYYY-MM-DDTHH:MM` (a `datetime-local` field) in the team's zone.
    static func instant(_ text: String, _ field: String, _ zone: TimeZone) throws -> Date {
        let parts = text.split(separator: "T", maxSplits: 1)
        let clock = parts.count == 2 ? parts[1].split(separator: ":") : []
        guard parts.count == 2, let date = LocalDate(iso: parts[0]), clock.count >= 2,
            let hour = Int(clock[0]), let minute = Int(clock[1]),
            let time = TimeOfDay(hour: hour, minute: minute)
        else {
            throw DashboardError.invalid("\(field) '\(text)' is not a time; use YYYY-MM-DDTHH:MM")
        }
        return date.instant(at: time, in: zone)
    }

    static func date(_ text: String, _ field: String) throws -> LocalDate {
        guard let date = LocalDate(iso: text) else {
            throw DashboardError.invalid("\(field) '\(text)' is not a date; use YYYY-MM-DD")
        }
        return date
    }

    static func scheduleHref(_ engineer: EngineerID, month: Date, zone: TimeZone, done: String) -> String {
        "/schedule?engineer=\(DashboardForm.percentEncode(engineer.rawValue))&month="
            + String(LocalDate(month, in: zone).description.prefix(7)) + "&done=\(done)"
    }
}
