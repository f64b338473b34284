/// Why a check could not look at its data: the check's state is then `error`, with this message.
public enum ProbeError: Error, Equatable, CustomStringConvertible {
    /// The source could not be reached or refused the sign-in.
    case unreachable(source: String, reason: String)
    /// The database refused or failed the query; `reason` is its own message.
    case queryFailed(reason: String)
    /// A query ran longer than the check's timeout and was cancelled.
    case timedOut(after: Duration)
    /// The source's configuration cannot work (an unset environment variable, a bad URL).
    case misconfigured(String)

    public var description: String {
        switch self {
        case .unreachable(let source, let reason): "source '\(source)' cannot be reached: \(reason)"
        case .queryFailed(let reason): reason
        case .timedOut(let after):
            "the query ran longer than the timeout of \(after.components.seconds)s and was cancelled"
        case .misconfigured(let reason): reason
        }
    }
}
