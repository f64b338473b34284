import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// A JSON answer with sorted keys, so the same state always gives the same bytes.
struct JSONResponse<Value: Encodable & Sendable>: ResponseGenerator {
    var status: HTTPResponse.Status = .ok
    let value: Value

    init(_ value: Value, status: HTTPResponse.Status = .ok) {
        self.value = value
        self.status = status
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        JSONBody.response(try JSONBody.encode(value), status: status)
    }
}

/// The bytes of a JSON answer, for answers kept between requests and for ``JSONResponse``.
enum JSONBody {
    /// `value` with sorted keys and unescaped slashes.
    static func encode(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value)
    }

    /// An answer with `data` as its JSON body.
    static func response(_ data: Data, status: HTTPResponse.Status = .ok, headers extra: HTTPFields = [:]) -> Response {
        var headers = extra
        headers[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}
