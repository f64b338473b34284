import Foundation
public import HTTPTypes
public import Hummingbird
import NIOCore

/// An error the API answers with: a status and a JSON body `{"error": "…"}` naming the problem.
public struct APIError: HTTPResponseError, CustomStringConvertible {
    public let status: HTTPResponse.Status
    public let message: String
    /// Whether the connection closes after the answer: when the request's body was left unread
    /// (too large, too slow, no room for it), reading the rest would cost what refusing it saved.
    public let closesConnection: Bool

    /// Creates an error.
    public init(_ status: HTTPResponse.Status, _ message: String, closesConnection: Bool = false) {
        self.status = status
        self.message = message
        self.closesConnection = closesConnection
    }

    public var description: String { message }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var headers = HTTPFields()
        if status == .unauthorized { headers[.wwwAuthenticate] = "Bearer realm=\"pipewatch\"" }
        // Unavailable is passing (the database is down, the queue is full): clients should come back.
        if status == .serviceUnavailable { headers[.retryAfter] = "5" }
        if closesConnection { headers[.connection] = "close" }
        return JSONBody.response((try? JSONBody.encode(["error": message])) ?? Data(), status: status, headers: headers)
    }
}
