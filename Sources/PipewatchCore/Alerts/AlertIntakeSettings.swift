/// Where alerts from other monitoring tools go (`alerts:` in the config): PagerDuty Events v2
/// routing keys, each mapped to a pipeline, and the Alertmanager label that names a pipeline.
public struct AlertIntakeSettings: Sendable, Hashable {
    /// One PagerDuty routing key and the pipeline its events are about.
    public struct Route: Sendable, Hashable {
        /// How the key is known: never written in the config itself.
        public enum Key: Sendable, Hashable {
            /// Read from this environment variable when the server starts.
            case environment(String)
            /// The key's SHA-256, as 64 lower-case hex digits.
            case sha256(String)
        }

        /// The routing key.
        public var key: Key
        /// The pipeline the key's events open incidents on.
        public var pipeline: PipelineID

        /// Creates a route.
        public init(key: Key, pipeline: PipelineID) {
            self.key = key
            self.pipeline = pipeline
        }
    }

    /// The PagerDuty routing keys; an event with another key is refused.
    public var pagerDuty: [Route]
    /// The alert label (or common or group label) whose value is a pipeline id.
    public var alertmanagerLabel: String

    /// Creates settings: no routing keys, Alertmanager's `pipeline` label.
    public init(pagerDuty: [Route] = [], alertmanagerLabel: String = "pipeline") {
        self.pagerDuty = pagerDuty
        self.alertmanagerLabel = alertmanagerLabel
    }
}
