import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import Synchronization

/// A real HTTP server on loopback that takes webhooks as a team's receiver would: it records each
/// request, can answer 500 to the first ones (a receiver that is down for a while), and counts
/// deliveries per `Idempotency-Key`, so a test sees a message that arrived twice.
final class WebhookReceiver: Sendable {
    struct Delivery: Sendable {
        let path: String
        let idempotencyKey: String?
        let signature: String?
        let body: Data
    }

    private struct State {
        var deliveries: [Delivery] = []
        var refusals = 0
        var failuresLeft: Int
    }

    private let state: Mutex<State>
    let arrivals: AsyncStream<Delivery>
    private let arrival: AsyncStream<Delivery>.Continuation

    /// Creates a receiver that answers 500 to its first `failing` requests.
    init(failing: Int = 0) {
        state = Mutex(State(failuresLeft: failing))
        (arrivals, arrival) = AsyncStream.makeStream(of: Delivery.self)
    }

    /// Every request answered 2xx, in order.
    var deliveries: [Delivery] { state.withLock { $0.deliveries } }
    /// How many requests were answered 500.
    var refusals: Int { state.withLock { $0.refusals } }

    /// Lets requests through from now on.
    func recover() { state.withLock { $0.failuresLeft = 0 } }

    /// Runs the receiver on a free loopback port while `body` runs with its base URL.
    func serve<R: Sendable>(_ body: @Sendable (String) async throws -> R) async throws -> R {
        let router = Router()
        router.post("**") { request, _ -> Response in
            let buffer = try await request.body.collect(upTo: 1 << 20)
            let data = Data(buffer.readableBytesView)
            let delivery = Delivery(
                path: request.uri.path,
                idempotencyKey: request.headers[HTTPField.Name("Idempotency-Key")!],
                signature: request.headers[HTTPField.Name("Pipewatch-Signature")!],
                body: data
            )
            let refuse = self.state.withLock { state -> Bool in
                if state.failuresLeft > 0 {
                    state.failuresLeft -= 1
                    state.refusals += 1
                    return true
                }
                state.deliveries.append(delivery)
                return false
            }
            if refuse { return Response(status: .internalServerError) }
            self.arrival.yield(delivery)
            return Response(status: .ok)
        }
        let (ports, port) = AsyncStream.makeStream(of: Int.self)
        let app = Application(
            router: router,
            configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in
                port.yield(channel.localAddress?.port ?? 0)
                port.finish()
            },
            logger: Logger(label: "receiver") { _ in SwiftLogNoOpLogHandler() }
        )
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await app.runService(gracefulShutdownSignals: []) }
            var iterator = ports.makeAsyncIterator()
            let bound = await iterator.next() ?? 0
            defer { group.cancelAll() }
            return try await body("http://127.0.0.1:\(bound)")
        }
    }
}
