public import Foundation

/// A change another tool reported on a pipeline (a deploy, a config change: PagerDuty's change
/// events), kept on the pipeline's timeline so whoever answers the next incident sees it.
public struct PipelineChange: Sendable, Hashable {
    /// The store's id; 0 before it is stored.
    public var id: Int64
    public var pipeline: PipelineID
    /// When the change happened, as the sender says.
    public var at: Date
    /// The one-line summary.
    public var summary: String
    /// Who made or reported it (`payload.source`).
    public var source: String?
    /// Further facts (`custom_details`), flattened to text.
    public var details: [String: String]
    /// Links the sender gave: `href` and optional `text`.
    public var links: [Link]

    /// A link of a change.
    public struct Link: Sendable, Hashable, Codable {
        public var href: String
        public var text: String?

        /// Creates a link.
        public init(href: String, text: String? = nil) {
            self.href = href
            self.text = text
        }
    }

    /// Creates a change.
    public init(
        id: Int64 = 0,
        pipeline: PipelineID,
        at: Date,
        summary: String,
        source: String? = nil,
        details: [String: String] = [:],
        links: [Link] = []
    ) {
        self.id = id
        self.pipeline = pipeline
        self.at = at
        self.summary = summary
        self.source = source
        self.details = details
        self.links = links
    }
}
