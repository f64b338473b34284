import CompressNIO
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// Reads a request body up to a limit, gunzipping it when `Content-Encoding: gzip` says so.
enum RequestBody {
    static func read(_ request: Request, limit: Int) async throws -> Data {
        var buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: limit)
        } catch is NIOTooManyBytesError {
            throw APIError(.contentTooLarge, "the body is larger than the limit of \(limit) bytes")
        }
        let encoding = request.headers[.contentEncoding]?.lowercased() ?? "identity"
        switch encoding {
        case "identity":
            break
        case "gzip", "x-gzip":
            do {
                buffer = try buffer.decompress(with: .gzip(), maxSize: limit)
            } catch let error as CompressNIOError where error == .bufferOverflow {
                throw APIError(.contentTooLarge, "the decompressed body is larger than the limit of \(limit) bytes")
            } catch {
                throw APIError(.badRequest, "the body is marked 'Content-Encoding: gzip' but is not gzip data")
            }
        default:
            throw APIError(.unsupportedMediaType, "unsupported Content-Encoding '\(encoding)'; send identity or gzip")
        }
        return Data(buffer.readableBytesView)
    }
}
