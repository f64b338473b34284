/// A job that feeds a pipeline, and how long one of its runs may take.
public struct PipelineJob: Sendable, Hashable {
    public var identity: JobIdentity
    /// A run taking longer than this is slow, whatever the job's history says.
    public var maxDuration: Duration?

    /// Creates a pipeline job.
    public init(_ identity: JobIdentity, maxDuration: Duration? = nil) {
        self.identity = identity
        self.maxDuration = maxDuration
    }
}
