/// Who consumes a pipeline's metric; investor-facing pipelines carry the strictest duties.
public enum Audience: String, Sendable, Hashable, Codable, CaseIterable {
    case `internal`
    case experiments
    case investors
}
