import ArgumentParser
import Foundation
import PipewatchCore
import PipewatchStore

/// Accepting, declining and cancelling a swap: who may, and what the store records.
enum SwapDecision {
    enum Role {
        case taker
        case requester
    }

    static func decide(
        _ id: Int64,
        as status: SwapStatus,
        by actor: String,
        role: Role,
        config: ConfigOptions,
        store: StoreOptions
    ) async throws {
        try await ScheduleSession.run(config: config, store: store) { session in
            let who = try session.engineer(actor).id
            let request = try await session.store.swapRequest(id: id)
            let allowed = role == .taker ? request.taker : request.requester
            guard who == allowed else {
                let verb = status == .cancelled ? "cancel" : status == .accepted ? "accept" : "decline"
                let roleName = role == .taker ? "taker" : "requester"
                session.context.printError("error: only '\(allowed)', the \(roleName), may \(verb) swap request #\(id)")
                throw ExitCode(1)
            }
            // Decided already: say so first, before the schedule (which the decision changed) objects.
            guard request.status == .pending else {
                let verb = status == .cancelled ? "cancel" : status == .accepted ? "accept" : "decline"
                session.context.printError(
                    "error: cannot \(verb) swap request #\(id): it is already \(request.status.rawValue); "
                        + "only a pending request can be decided"
                )
                throw ExitCode(1)
            }
            if status == .accepted, request.start <= session.now {
                session.context.printError(
                    "error: cannot accept swap request #\(id): its interval started at \(session.format(request.start)); "
                        + "hand over what is left with 'pipewatch override'"
                )
                throw ExitCode(1)
            }
            if status == .accepted {
                // The taker may have taken time off, or the rotation changed, since the request was filed.
                let calculator = try await session.calculator()
                try session.checked { () throws(ScheduleError) in
                    try calculator.validate(request, checkingNotice: false)
                }
            }
            let decided = try await session.store.decideSwapRequest(id: id, as: status, at: session.now) { request in
                AuditDraft(
                    at: session.now,
                    actor: who.rawValue,
                    action: "swap.\(status.rawValue)",
                    detail: SwapText.describe(request, session)
                )
            }
            session.context.print(
                "swap request #\(decided.id) is \(decided.status.rawValue): \(SwapText.describe(decided, session))"
            )
        }
    }
}

/// One line describing a swap request.
enum SwapText {
    static func describe(_ request: SwapRequest, _ session: ScheduleSession) -> String {
        "'\(request.requester)' → '\(request.taker)' from \(session.format(request.start)) to \(session.format(request.end))"
            + (request.reason.map { " (\($0))" } ?? "")
    }
}
