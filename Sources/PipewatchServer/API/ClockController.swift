import Foundation
import Hummingbird
import PipewatchCore

/// `/-/clock`, only under `pipewatch serve --test-clock`: read the server's instant, and move it
/// forward with `{"advance_seconds": N}`. End-to-end tests use it; it is never in the API document.
struct ClockController {
    let clock: AdjustableWallClock
    let bodies: BodyLimits

    private struct Now: Encodable, Sendable {
        let now: String
    }

    func add(to router: Router<BasicRequestContext>) {
        router.get("-/clock") { _, _ in JSONResponse(Now(now: ISO8601Text.format(clock.now, in: .gmt))) }
        router.post("-/clock") { request, _ in
            let data = try await RequestBody.read(request, limits: bodies.capped(at: 4096))
            guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
                let seconds = (object["advance_seconds"] as? NSNumber)?.doubleValue, seconds >= 0,
                seconds < 10 * 365 * 86_400
            else {
                throw APIError(.badRequest, "send {\"advance_seconds\": N} with N from 0 to ten years in seconds")
            }
            return JSONResponse(Now(now: ISO8601Text.format(clock.advance(by: seconds), in: .gmt)))
        }
    }
}
