import HTTPTypes
import NIOCore
import NIOPosix
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// The memory that request bodies in flight may hold together. Each body reserves what it has
/// received (or, up front, what its `Content-Length` declares) and gives it back when it is
/// read or abandoned; past the capacity a request is refused with 503 and `Retry-After`, so a
/// thousand clients that send part of a body and stop cannot take the server's memory.
final class BodyBudget: Sendable {
    /// The most bytes all bodies in flight may hold.
    let capacity: Int
    /// The bytes held, and the most held since the budget was last empty.
    private let used = Mutex((now: 0, peak: 0))

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// The bytes held now.
    var inUse: Int { used.withLock { $0.now } }

    /// Starts a reservation for one body, empty until it grows.
    func reservation() -> Reservation { Reservation(budget: self) }

    fileprivate func take(_ bytes: Int) -> Bool {
        used.withLock { used in
            guard used.now + bytes <= capacity else { return false }
            used.now += bytes
            used.peak = max(used.peak, used.now)
            return true
        }
    }

    fileprivate func give(_ bytes: Int) {
        let drained = used.withLock { used in
            used.now -= bytes
            guard used.now == 0, used.peak >= 16 << 20 else { return false }
            used.peak = 0
            return true
        }
        // After a burst of large bodies, hand the freed memory back to the system: glibc keeps it
        // in its arenas otherwise, and resident memory would stay at the burst's height. Again a
        // second later, for what the burst's connections free as they close after their answers.
        if drained, let trim = Self.trim {
            _ = trim(0)
            MultiThreadedEventLoopGroup.singleton.any().scheduleTask(in: .seconds(1)) { _ = trim(0) }
        }
    }

    /// glibc's `malloc_trim`, which its module map does not export; `nil` elsewhere.
    private static let trim: (@convention(c) (Int) -> Int32)? = {
        #if canImport(Glibc)
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (Int) -> Int32).self)
        #else
        return nil
        #endif
    }()

    /// What one body holds of the budget.
    final class Reservation: Sendable {
        private let budget: BodyBudget
        /// The bytes held; `nil` once released, when a late chunk (of a body that timed out) may
        /// take nothing more.
        private let held = Mutex<Int?>(0)

        fileprivate init(budget: BodyBudget) {
            self.budget = budget
        }

        /// Holds `total` bytes in all.
        /// - Throws: ``APIError`` 503 when the budget cannot spare them, or the reservation is released.
        func grow(to total: Int) throws {
            try held.withLock { held in
                guard let current = held, total > current else {
                    if held == nil { throw CancellationError() }
                    return
                }
                guard budget.take(total - current) else {
                    throw APIError(
                        .serviceUnavailable,
                        "the server is receiving too many request bodies at once; retry shortly",
                        closesConnection: true
                    )
                }
                held = total
            }
        }

        /// Gives everything back; later growth is refused.
        func release() {
            let bytes = held.withLock { held in
                defer { held = nil }
                return held ?? 0
            }
            if bytes > 0 { budget.give(bytes) }
        }
    }
}
