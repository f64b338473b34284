import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The name this process gives itself as a lease holder: host, process id and a random part, so
/// that a restarted process (which may get the same id) never renews its predecessor's lease.
public enum InstanceIdentity {
    /// `host:pid:random`, the same for the life of the process.
    public static let current: String = {
        var buffer = [CChar](repeating: 0, count: 256)
        // gethostname reads the kernel's name; ProcessInfo.hostName resolves it and may wait on DNS.
        let host = gethostname(&buffer, buffer.count) == 0 ? String(cString: buffer) : "localhost"
        let random = UUID().uuidString.prefix(8).lowercased()
        return "\(host):\(ProcessInfo.processInfo.processIdentifier):\(random)"
    }()
}
