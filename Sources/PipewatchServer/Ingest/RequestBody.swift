import CompressNIO
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import NIOPosix
import PipewatchStore
import Synchronization

/// Reads a request body up to a limit, gunzipping it when `Content-Encoding: gzip` says so, and
/// makes sure it is what it claims: JSON (by `Content-Type`, when given), in UTF-8, with no NUL
/// character anywhere (PostgreSQL cannot store one, so it would fail later as a 5xx).
///
/// The body must arrive within the limits' timeout, and holds its share of the budget of bodies
/// in flight while it is read.
enum RequestBody {
    static func read(_ request: Request, limits: BodyLimits, form: Bool = false) async throws -> Data {
        if form {
            // A dashboard form: only urlencoded forms (what a browser sends for <form method="post">).
            guard let type = request.headers[.contentType], isForm(type) else {
                throw APIError(.unsupportedMediaType, "send the form as 'application/x-www-form-urlencoded'")
            }
        } else if let type = request.headers[.contentType], !isJSON(type) {
            throw APIError(.unsupportedMediaType, "Content-Type '\(type)' is not JSON; send 'application/json'")
        }
        let limit = limits.maxBytes
        let tooLarge = APIError(
            .contentTooLarge,
            "the body is larger than the limit of \(limit) bytes",
            closesConnection: true
        )
        let declared = request.headers[.contentLength].flatMap { Int($0) }
        if let declared, declared > limit { throw tooLarge }
        let reservation = limits.budget.reservation()
        defer { reservation.release() }
        if let declared { try reservation.grow(to: declared) }
        var buffer = try await collect(request.body, within: limits.timeout) { buffer, chunk in
            guard buffer.readableBytes + chunk.readableBytes <= limit else { throw tooLarge }
            try reservation.grow(to: buffer.readableBytes + chunk.readableBytes)
        }
        let encoding = request.headers[.contentEncoding]?.lowercased() ?? "identity"
        switch encoding {
        case "identity":
            break
        case "gzip", "x-gzip":
            do {
                try reservation.grow(to: buffer.readableBytes + limit)
                buffer = try buffer.decompress(with: .gzip(), maxSize: limit)
            } catch let error as CompressNIOError where error == .bufferOverflow {
                throw APIError(.contentTooLarge, "the decompressed body is larger than the limit of \(limit) bytes")
            } catch {
                throw APIError(.badRequest, "the body is marked 'Content-Encoding: gzip' but is not gzip data")
            }
        default:
            throw APIError(.unsupportedMediaType, "unsupported Content-Encoding '\(encoding)'; send identity or gzip")
        }
        let data = Data(buffer.readableBytesView)
        try requireUTF8Text(data)
        return data
    }

    /// The body's chunks in one buffer, each let through by `admit` first; past `limit`, a 408.
    ///
    /// On the deadline the reading is cancelled and waited for before the 408 is thrown: the
    /// connection reads its next request from the same stream once the handler returns, and a
    /// reader still waiting on it then is a second reader of one NIO stream, which NIO stops the
    /// process for. The deadline is an event loop's scheduled task, which is gone as soon as it is
    /// cancelled (a cancelled `Task.sleep` stays with the executor, holding its task, until its
    /// deadline: hundreds of megabytes at 10,000 requests a second and 30 s).
    private static func collect(
        _ body: Hummingbird.RequestBody,
        within limit: Duration,
        admit: @escaping @Sendable (ByteBuffer, ByteBuffer) throws -> Void
    ) async throws -> ByteBuffer {
        let reader = Task {
            var buffer = ByteBuffer()
            for try await chunk in body {
                try admit(buffer, chunk)
                var chunk = chunk
                buffer.writeBuffer(&chunk)
            }
            return buffer
        }
        let deadline = Deadline()
        let timer = MultiThreadedEventLoopGroup.singleton.any().scheduleTask(
            in: TimeAmount(limit)
        ) {
            deadline.passed.store(true, ordering: .sequentiallyConsistent)
            reader.cancel()
        }
        defer { timer.cancel() }
        let timeout = APIError(
            .requestTimeout,
            "the body did not arrive within \(limit.components.seconds) s",
            closesConnection: true
        )
        do {
            let buffer = try await withTaskCancellationHandler {
                try await reader.value
            } onCancel: {
                reader.cancel()
            }
            if deadline.passed.load(ordering: .sequentiallyConsistent) { throw timeout }
            return buffer
        } catch {
            if deadline.passed.load(ordering: .sequentiallyConsistent) { throw timeout }
            throw error
        }
    }

    /// Whether a body's deadline has passed.
    private final class Deadline: Sendable {
        let passed = Atomic(false)
    }

    /// `application/json`, or a `+json` type, with any parameters.
    static func isForm(_ contentType: String) -> Bool {
        contentType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            == "application/x-www-form-urlencoded"
    }

    static func isJSON(_ contentType: String) -> Bool {
        let type =
            contentType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        return type == "application/json" || (type.hasPrefix("application/") && type.hasSuffix("+json"))
    }

    /// Refuses a body that is not UTF-8 text (UTF-16 JSON is valid UTF-8 interleaved with NUL
    /// bytes), or that holds a NUL character written as `\u0000`, naming the field.
    static func requireUTF8Text(_ data: Data) throws {
        if data.contains(0) || String(data: data, encoding: .utf8) == nil {
            throw APIError(.badRequest, "the body is not UTF-8 JSON; send UTF-8 text")
        }
        guard data.range(of: Data("\\u0000".utf8)) != nil || data.range(of: Data("\\U0000".utf8)) != nil,
            let object = try? JSONSerialization.jsonObject(with: data)
        else { return }
        if let field = Self.fieldWithNUL(in: object, path: "") {
            throw APIError(.badRequest, "field '\(field)' contains a NUL character, which cannot be stored")
        }
    }

    /// The path of the first string (or key) holding a NUL character, such as `run.facets.x[2]`.
    private static func fieldWithNUL(in value: Any, path: String) -> String? {
        switch value {
        case let text as String:
            return text.contains("\u{0}") ? (path.isEmpty ? "(the body)" : path) : nil
        case let object as [String: Any]:
            for key in object.keys.sorted() {
                let child = path.isEmpty ? key : "\(path).\(key)"
                if key.contains("\u{0}") { return child }
                if let found = fieldWithNUL(in: object[key]!, path: child) { return found }
            }
            return nil
        case let array as [Any]:
            for (index, item) in array.enumerated() {
                if let found = fieldWithNUL(in: item, path: "\(path)[\(index)]") { return found }
            }
            return nil
        default:
            return nil
        }
    }
}
