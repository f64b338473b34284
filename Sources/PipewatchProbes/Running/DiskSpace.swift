#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The free space of the file system that holds a path, for storage checks.
enum DiskSpace {
    /// Bytes available to an unprivileged user under `path`.
    static func freeBytes(at path: String) throws(ProbeError) -> Int64 {
        var stats = statvfs()
        guard statvfs(path, &stats) == 0 else {
            throw .queryFailed(reason: "cannot read the free space of \(path): \(String(cString: strerror(errno)))")
        }
        return Int64(stats.f_bavail) * Int64(stats.f_frsize)
    }
}
