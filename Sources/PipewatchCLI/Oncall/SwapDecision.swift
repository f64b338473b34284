import ArgumentParser
import Foundation
import PipewatchCore
import PipewatchEngine
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
            let decided = try await session.refusing {
                try await session.changes.decideSwap(id, as: status, by: who, at: session.now)
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
        session.changes.describe(request)
    }
}
