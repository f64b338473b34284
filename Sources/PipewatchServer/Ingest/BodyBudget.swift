import HTTPTypes
import Synchronization

/// The memory that request bodies in flight may hold together. Each body reserves what it has
/// received (or, up front, what its `Content-Length` declares) and gives it back when it is
/// read or abandoned; past the capacity a request is refused with 503 and `Retry-After`, so a
/// thousand clients that send part of a body and stop cannot take the server's memory.
final class BodyBudget: Sendable {
    /// The most bytes all bodies in flight may hold.
    let capacity: Int
    private let used = Mutex(0)

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// The bytes held now.
    var inUse: Int { used.withLock { $0 } }

    /// Starts a reservation for one body, empty until it grows.
    func reservation() -> Reservation { Reservation(budget: self) }

    fileprivate func take(_ bytes: Int) -> Bool {
        used.withLock { used in
            guard used + bytes <= capacity else { return false }
            used += bytes
            return true
        }
    }

    fileprivate func give(_ bytes: Int) {
        used.withLock { $0 -= bytes }
    }

    /// What one body holds of the budget.
    final class Reservation: Sendable {
        private let budget: BodyBudget
        private let held = Mutex(0)

        fileprivate init(budget: BodyBudget) {
            self.budget = budget
        }

        /// Holds `total` bytes in all.
        /// - Throws: ``APIError`` 503 when the budget cannot spare them.
        func grow(to total: Int) throws {
            try held.withLock { held in
                guard total > held else { return }
                guard budget.take(total - held) else {
                    throw APIError(
                        .serviceUnavailable,
                        "the server is receiving too many request bodies at once; retry shortly"
                    )
                }
                held = total
            }
        }

        /// Gives everything back.
        func release() {
            let bytes = held.withLock { held in
                defer { held = 0 }
                return held
            }
            budget.give(bytes)
        }
    }
}
