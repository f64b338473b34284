import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Keeps a second `pipewatch serve` off an SQLite store: SQLite is single-instance (its engine
/// claims due work in memory and under one write lock), so the first server holds an exclusive
/// `flock` on `<file>.serve.lock` for its lifetime and the next one is refused with the holder's
/// process id. The kernel drops the lock when the holder exits, also when it is killed.
public final class EngineFileLock: Sendable {
    /// The lock file.
    public let path: String
    private let descriptor: Int32

    private init(path: String, descriptor: Int32) {
        self.path = path
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    /// Takes the lock beside the SQLite file at `databasePath`.
    ///
    /// - Throws: ``StoreError/unavailable(_:)`` naming the process that holds it, or why the
    ///   lock file cannot be opened.
    public static func acquire(besideDatabaseAt databasePath: String) throws(StoreError) -> EngineFileLock {
        let path = databasePath + ".serve.lock"
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw .unavailable("cannot open the lock file '\(path)': \(String(cString: strerror(errno)))")
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let reason = errno
            var buffer = [UInt8](repeating: 0, count: 64)
            let count = pread(descriptor, &buffer, buffer.count, 0)
            close(descriptor)
            guard reason == EWOULDBLOCK else {
                throw .unavailable("cannot lock '\(path)': \(String(cString: strerror(reason)))")
            }
            let holder = count > 0 ? String(decoding: buffer[0..<count], as: UTF8.self) : ""
            let pid = holder.trimmingCharacters(in: .whitespacesAndNewlines)
            throw .unavailable(
                "another 'pipewatch serve' (process \(pid.isEmpty ? "unknown" : pid)) runs the engine on '\(databasePath)'; "
                    + "an SQLite store serves one instance. Stop that one, or put several instances on one "
                    + "PostgreSQL database (--database postgres://…), which share the engine's work"
            )
        }
        let text = "\(ProcessInfo.processInfo.processIdentifier)\n"
        _ = ftruncate(descriptor, 0)
        _ = text.withCString { pwrite(descriptor, $0, strlen($0), 0) }
        return EngineFileLock(path: path, descriptor: descriptor)
    }
}
