import NIOCore
import Synchronization

/// Holds at most `limit` connections open: one more is closed as soon as it is accepted.
///
/// Without a limit, a flood of idle connections reaches the open-file limit, and then accept
/// fails with EMFILE while the connection waits in the backlog, so the event loop wakes, fails and
/// wakes again, spinning a core and answering nobody. Accepting and closing the excess drains
/// the backlog instead, and keeps files for the database and for outbound notifications.
final class ConnectionLimiter: Sendable {
    let limit: Int
    private let open = Atomic(0)

    init(limit: Int) {
        self.limit = limit
    }

    /// A handler for one new connection's pipeline.
    func handler() -> Handler { Handler(limiter: self) }

    final class Handler: ChannelInboundHandler, RemovableChannelHandler {
        typealias InboundIn = NIOAny

        private let limiter: ConnectionLimiter
        private var counted = false

        fileprivate init(limiter: ConnectionLimiter) {
            self.limiter = limiter
        }

        func handlerAdded(context: ChannelHandlerContext) {
            let held = limiter.open.wrappingAdd(1, ordering: .relaxed).newValue
            counted = true
            if held > limiter.limit { context.close(promise: nil) }
        }

        func handlerRemoved(context: ChannelHandlerContext) {
            guard counted else { return }
            counted = false
            limiter.open.wrappingSubtract(1, ordering: .relaxed)
        }
    }
}
