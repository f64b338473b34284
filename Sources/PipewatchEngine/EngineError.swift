public import PipewatchCore

/// Why the engine refused a request; `description` is the message for people.
public enum EngineError: Error, Sendable, Hashable, CustomStringConvertible {
    case unknownPipeline(PipelineID)
    case cannotPage(String)
    case invalidRequest(String)

    public var description: String {
        switch self {
        case .unknownPipeline(let id): "unknown pipeline '\(id)'"
        case .cannotPage(let reason): "cannot page: \(reason)"
        case .invalidRequest(let message): message
        }
    }
}
