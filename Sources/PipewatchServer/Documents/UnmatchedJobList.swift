import Foundation
import PipewatchCore
public import PipewatchStore

/// `{"jobs": [...]}`: jobs that report runs no pipeline claims, so their owners can be found.
public struct UnmatchedJobList: Codable, Sendable, Equatable {
    public struct Entry: Codable, Sendable, Equatable {
        public let namespace: String
        public let name: String
        public let runs: Int
        public let lastSeen: String

        enum CodingKeys: String, CodingKey {
            case namespace, name, runs
            case lastSeen = "last_seen"
        }
    }

    public let jobs: [Entry]

    /// Creates the list, with times in UTC.
    public init(_ jobs: [UnmatchedJob]) {
        self.jobs = jobs.map {
            Entry(
                namespace: $0.job.namespace,
                name: $0.job.name,
                runs: $0.runs,
                lastSeen: ISO8601Text.formatMilliseconds($0.lastSeen, in: .gmt)
            )
        }
    }
}
