import Foundation
import Hummingbird
import PipewatchCore

/// `POST /-/reload` (an admin token): reads the config files again, as `kill -HUP` does. 200 with
/// what is served now; 400 with every error when the files are invalid, the last good config
/// still serving.
struct ReloadController {
    let config: LiveConfig

    private struct Reloaded: Encodable, Sendable {
        let status = "reloaded"
        let generation: Int
        let files: [String]
        let loadedAt: String
        let pipelines: Int
        let engineers: Int
        let checks: Int
        let warnings: [String]

        enum CodingKeys: String, CodingKey {
            case status, generation, files, pipelines, engineers, checks, warnings
            case loadedAt = "loaded_at"
        }
    }

    private struct Refused: Encodable, Sendable {
        let error: String
        let errors: [String]
        let warnings: [String]
        let generation: Int
    }

    func add(to router: RouterGroup<BasicRequestContext>) {
        router.post("-/reload") { _, _ in try reload() }
    }

    private func reload() throws -> Response {
        switch config.reload(trigger: "POST /-/reload") {
        case .reloaded(let generation, let warnings):
            let plan = generation.plan
            return JSONBody.response(
                try JSONBody.encode(
                    Reloaded(
                        generation: generation.number,
                        files: generation.files,
                        loadedAt: ISO8601Text.format(generation.loadedAt, in: .gmt),
                        pipelines: plan.catalog.pipelines.count,
                        engineers: plan.catalog.engineers.count,
                        checks: plan.checks.count,
                        warnings: warnings
                    )
                )
            )
        case .refused(let errors, let warnings):
            let current = config.current.number
            let count = errors.count == 1 ? "1 error" : "\(errors.count) errors"
            return JSONBody.response(
                try JSONBody.encode(
                    Refused(
                        error: "the config has \(count); still serving the last good one (generation \(current))",
                        errors: errors,
                        warnings: warnings,
                        generation: current
                    )
                ),
                status: .badRequest
            )
        case .unavailable:
            throw APIError(.conflict, "the server was not started from config files, so there is nothing to read again")
        }
    }
}
