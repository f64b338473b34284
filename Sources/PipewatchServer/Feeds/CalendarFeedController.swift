import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import PipewatchCore
import PipewatchEngine
import PipewatchStore

/// `GET /feeds/{token}.ics`: a calendar feed, for calendar apps that subscribe to a URL and cannot
/// send a bearer token. The token in the path is the credential: an unknown or revoked one answers
/// 404 with the same body, so the answer does not tell which. The document carries an ETag, and a
/// fetch that sends it back in `If-None-Match` gets 304 while nothing changed.
struct CalendarFeedController: Sendable {
    let config: LiveConfig
    let clock: any WallClock

    func add(to router: Router<some RequestContext>) {
        router.get("feeds/{token}.ics") { request, context in
            try await feed(token: context.parameters.get("token") ?? "", request: request)
        }
    }

    private func feed(token: String, request: Request) async throws -> Response {
        let service = CalendarFeedService(schedule: config.current.engine.schedule)
        guard let feed = try await service.feed(token: token) else {
            throw APIError(.notFound, "no calendar feed at this address; it may have been revoked")
        }
        let document: String
        do {
            document = try await service.document(of: feed, at: clock.now)
        } catch let error as ScheduleError {
            throw APIError(.internalServerError, "cannot compute the schedule for this feed: \(error.description)")
        }
        let tag =
            "\"" + HexText.encode(SHA256.hash(data: Data(document.utf8)).prefix(16))
            + "\""
        var headers = HTTPFields()
        headers[.eTag] = tag
        // The URL is a secret: shared caches must not keep it; the calendar app may for a while.
        headers[.cacheControl] = "private, max-age=300"
        if let sent = request.headers[.ifNoneMatch],
            sent.split(separator: ",").contains(where: {
                $0.trimmingCharacters(in: .whitespaces) == tag
            })
        {
            return Response(status: .notModified, headers: headers)
        }
        headers[.contentType] = "text/calendar; charset=utf-8"
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: document)))
    }
}
