/// Why the state store could not do what was asked.
///
/// `description` is the message for users: it says what failed and how to fix it, and
/// never contains SQL or bound values. `debugDescription` adds the driver's error for logs.
public enum StoreError: Error, Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The database location given by `--database` or `PIPEWATCH_DATABASE_URL` cannot be used.
    case invalidLocation(String)
    /// The record asked for does not exist, as "no time off with id '42'".
    case notFound(String)
    /// The change contradicts the stored state, as deciding a swap request that is not pending.
    case conflict(String)
    /// A value cannot be stored, as a date outside the years the store can order.
    case invalidValue(String)
    /// The database could not be reached or answered with an error.
    ///
    /// - Parameters:
    ///   - message: What failed, in user words, without SQL or values.
    ///   - underlying: The driver's error, shown only by `debugDescription`.
    case unavailable(String, underlying: (any Error)? = nil)

    public var description: String {
        switch self {
        case .invalidLocation(let message), .notFound(let message), .conflict(let message),
            .invalidValue(let message), .unavailable(let message, _):
            message
        }
    }

    public var debugDescription: String {
        guard case .unavailable(let message, let underlying?) = self else { return description }
        return "\(message) (\(String(reflecting: underlying)))"
    }
}
