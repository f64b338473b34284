public import Foundation
public import PipewatchCore
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Runs a configured action: a program (no shell) with a timeout and only the environment the
/// action names, or an HTTP request with headers from the environment. What it printed or
/// answered, its status and how long it took are the outcome.
public struct ActionRunner: Sendable {
    /// Where relative working directories start (the config's folder).
    public let baseDirectory: URL
    /// The server's environment, from which actions take the variables they name.
    public let environment: [String: String]

    /// Creates a runner.
    public init(baseDirectory: URL, environment: [String: String]) {
        self.baseDirectory = baseDirectory
        self.environment = environment
    }

    /// How an action ended.
    public struct Outcome: Sendable, Hashable {
        public var succeeded: Bool
        public var exitStatus: Int?
        public var httpStatus: Int?
        /// The first 4 KB of what it printed (standard output and error) or answered.
        public var output: String
        public var duration: TimeInterval
    }

    /// Runs `action` and waits for it (at most its timeout).
    public func run(_ action: ActionDefinition) async -> Outcome {
        let started = DispatchTime.now()
        var outcome: Outcome
        switch action.kind {
        case .command(let arguments, let directory, let names):
            outcome = await command(arguments, directory: directory, names: names, timeout: action.timeout)
        case .http(let method, let url, let headers, let body):
            outcome = await request(method, url: url, headers: headers, body: body, timeout: action.timeout)
        }
        outcome.duration = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        return outcome
    }

    private func command(_ arguments: [String], directory: String?, names: [String], timeout: Duration) async -> Outcome
    {
        // Foundation's Process waits on dispatch queues as it starts and ends a child: all of it
        // runs on a dispatch thread, never on the task pool's few threads, which it could stall.
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(
                    returning: runBlocking(arguments, directory: directory, names: names, timeout: timeout)
                )
            }
        }
    }

    /// Starts the program, kills it at the timeout, and waits for it; blocks the calling thread.
    private func runBlocking(_ arguments: [String], directory: String?, names: [String], timeout: Duration) -> Outcome {
        guard let executable = arguments.first else {
            return Outcome(succeeded: false, output: "the action has no program to run", duration: 0)
        }
        let process = Process()
        process.executableURL =
            executable.contains("/")
            ? URL(fileURLWithPath: executable, relativeTo: baseDirectory)
            : URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = executable.contains("/") ? Array(arguments.dropFirst()) : arguments
        process.currentDirectoryURL =
            directory.map { URL(fileURLWithPath: $0, relativeTo: baseDirectory) } ?? baseDirectory
        var passed = ["PATH": environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"]
        for name in names { passed[name] = environment[name] }
        process.environment = passed
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return Outcome(
                succeeded: false,
                output: "cannot start '\(executable)': \(error.localizedDescription)",
                duration: 0
            )
        }
        let finished = Mutex(false)
        let didTimeOut = Mutex(false)
        let pid = process.processIdentifier
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout.timeInterval) {
            guard !finished.withLock({ $0 }) else { return }
            didTimeOut.withLock { $0 = true }
            kill(pid, SIGKILL)
        }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        finished.withLock { $0 = true }
        let timedOut = didTimeOut.withLock { $0 }
        var output = String(decoding: data.prefix(4096), as: UTF8.self)
        if timedOut { output += "\n(stopped after \(DurationText.format(timeout)))" }
        let status = Int(process.terminationStatus)
        return Outcome(succeeded: !timedOut && status == 0, exitStatus: status, output: output, duration: 0)
    }

    private func request(
        _ method: String,
        url: ConfiguredValue,
        headers: [String: String],
        body: String?,
        timeout: Duration
    ) async -> Outcome {
        guard let address = url.resolve(in: environment), let target = URL(string: address) else {
            return Outcome(succeeded: false, output: "no URL: \(url) is not set", duration: 0)
        }
        var request = URLRequest(url: target, timeoutInterval: timeout.timeInterval)
        request.httpMethod = method
        request.setValue("Pipewatch", forHTTPHeaderField: "User-Agent")
        for (name, variable) in headers {
            guard let value = environment[variable] else {
                return Outcome(succeeded: false, output: "header '\(name)': '\(variable)' is not set", duration: 0)
            }
            request.setValue(value, forHTTPHeaderField: name)
        }
        if let body {
            request.httpBody = Data(body.utf8)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        let answer = await HTTPDelivery.send(request)
        if let error = answer.error {
            return Outcome(succeeded: false, output: "cannot reach \(target.host ?? address): \(error)", duration: 0)
        }
        let status = answer.status ?? 0
        return Outcome(
            succeeded: (200..<300).contains(status),
            httpStatus: status,
            output: String(decoding: answer.data.prefix(4096), as: UTF8.self),
            duration: 0
        )
    }
}
