public import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Posts an outbox message to its webhook: the stored body, `Idempotency-Key`, and for signed
/// webhooks `Pipewatch-Signature`. A 2xx answer is a delivery; anything else is an error with
/// the status and the start of the answer, for the outbox's `last_error`.
public struct HTTPDelivery: Sendable {
    /// How long one attempt may take.
    public var timeout: TimeInterval

    /// Creates the sender.
    public init(timeout: TimeInterval = 10) {
        self.timeout = timeout
    }

    /// What went wrong with one attempt.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public let description: String
    }

    /// What a request got back: the status (`nil` when not HTTP), the body, or why it failed.
    struct Answer: Sendable {
        var status: Int?
        var data: Data
        var error: String?
    }

    /// Sends `request` and waits for the answer (at most the request's timeout).
    ///
    /// It uses URLSession's completion handler, not its async API: on Linux, cancelling a task
    /// inside that API while its answer arrives deadlocks (FoundationNetworking takes a queue in
    /// the cancellation handler), and the engine's services are cancelled at shutdown.
    static func send(_ request: URLRequest) async -> Answer {
        await withCheckedContinuation { continuation in
            let task = URLSession.shared.dataTask(with: request) { data, response, error in
                continuation.resume(
                    returning: Answer(
                        status: (response as? HTTPURLResponse)?.statusCode,
                        data: data ?? Data(),
                        error: error?.localizedDescription
                    )
                )
            }
            task.resume()
        }
    }

    /// Sends one request.
    ///
    /// - Parameters:
    ///   - body: The exact body.
    ///   - url: Where to.
    ///   - headers: Extra headers.
    /// - Throws: ``Failure`` naming the status or the network error.
    public func post(_ body: Data, to url: URL, headers: [String: String]) async throws(Failure) {
        var request = URLRequest(url: url, timeoutInterval: timeout)
        request.httpMethod = "POST"
        request.httpBody = body
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.setValue("Pipewatch", forHTTPHeaderField: "User-Agent")
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let answer = await Self.send(request)
        if let error = answer.error {
            throw Failure(description: "cannot reach \(url.host ?? url.absoluteString): \(error)")
        }
        let data = answer.data
        guard let status = answer.status else { throw Failure(description: "the answer was not HTTP") }
        guard (200..<300).contains(status) else {
            let text = String(decoding: data.prefix(200), as: UTF8.self)
            throw Failure(description: "HTTP \(status)\(text.isEmpty ? "" : ": \(text)")")
        }
    }
}
