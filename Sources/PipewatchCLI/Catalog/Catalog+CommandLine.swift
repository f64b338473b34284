import ArgumentParser
import PipewatchConfig
import PipewatchCore

extension Catalog {
    /// The pipeline named on the command line, or a usage error with the closest id.
    func requirePipeline(_ id: String) throws -> Pipeline {
        guard let found = pipeline(PipelineID(id)) else {
            throw Self.unknown(id, kind: "pipeline", known: pipelines.map(\.id.rawValue))
        }
        return found
    }

    /// The engineer named on the command line, or a usage error with the closest id.
    func requireEngineer(_ id: String) throws -> Engineer {
        guard let found = engineer(EngineerID(id)) else {
            throw Self.unknown(id, kind: "engineer", known: engineers.map(\.id.rawValue))
        }
        return found
    }

    static func unknown(_ id: String, kind: String, known: [String]) -> ValidationError {
        let suggestion = Suggestion.didYouMean(id, in: known) ?? "known: \(known.joined(separator: ", "))"
        return ValidationError("unknown \(kind) '\(id)'; \(suggestion)")
    }
}
