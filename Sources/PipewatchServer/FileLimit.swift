#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The process's limit on open files, which bounds how many connections the server can hold.
public enum FileLimit {
    /// Raises the soft limit to the hard limit (at most a million), as servers do at start: the
    /// common default of 1,024 is reached by a thousand idle clients.
    /// - Returns: the soft limit before and after, or `nil` when it cannot be read.
    @discardableResult
    public static func raise() -> (before: UInt64, after: UInt64)? {
        var limit = rlimit()
        guard getrlimit(resource, &limit) == 0 else { return nil }
        let before = UInt64(limit.rlim_cur)
        let target = min(limit.rlim_max, 1 << 20)
        guard limit.rlim_cur < target else { return (before, before) }
        limit.rlim_cur = target
        guard setrlimit(resource, &limit) == 0 else { return (before, before) }
        return (before, UInt64(target))
    }

    #if canImport(Glibc)
    private static let resource = __rlimit_resource_t(RLIMIT_NOFILE.rawValue)
    #else
    private static let resource = RLIMIT_NOFILE
    #endif
}
