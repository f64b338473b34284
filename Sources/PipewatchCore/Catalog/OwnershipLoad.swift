/// How pipeline ownership is spread over the team, with bus-factor warnings.
public struct OwnershipLoad: Sendable, Equatable {
    /// One engineer's share of the ownerships.
    public struct Entry: Sendable, Equatable {
        public var engineer: EngineerID
        public var primary: [PipelineID]
        public var secondary: [PipelineID]
        /// Pipelines reporting to investors that the engineer owns in either role.
        public var investorFacing: [PipelineID]

        /// Ownerships held in either role.
        public var total: Int { primary.count + secondary.count }
    }

    public var entries: [Entry]
    public var warnings: [OwnershipWarning]

    /// Computes the load of every engineer in `catalog`, in config order.
    public init(catalog: Catalog) {
        entries = catalog.engineers.map { engineer in
            let owned = catalog.pipelines.filter { [$0.owners.primary, $0.owners.secondary].contains(engineer.id) }
            return Entry(
                engineer: engineer.id,
                primary: owned.filter { $0.owners.primary == engineer.id }.map(\.id),
                secondary: owned.filter { $0.owners.secondary == engineer.id }.map(\.id),
                investorFacing: owned.filter { $0.audience == .investors }.map(\.id)
            )
        }
        let ownerships = catalog.pipelines.reduce(0) { $0 + ($1.owners.secondary == nil ? 1 : 2) }
        var warnings: [OwnershipWarning] = entries.compactMap { entry in
            entry.total * 2 > ownerships
                ? .concentrated(engineer: entry.engineer, held: entry.total, of: ownerships) : nil
        }
        for engineer in catalog.engineers {
            let led = catalog.pipelines.filter { $0.owners.primary == engineer.id }
            let backups = Set(led.compactMap(\.owners.secondary))
            if led.count > 1, led.allSatisfy({ $0.owners.secondary != nil }), backups.count == 1,
                let backup = backups.first
            {
                warnings.append(.soleBackup(backup: backup, owner: engineer.id, pipelines: led.map(\.id)))
            }
        }
        self.warnings = warnings
    }
}

/// A concentration of ownership that makes the team fragile.
public enum OwnershipWarning: Sendable, Equatable, CustomStringConvertible {
    /// One engineer holds more than half of all ownerships.
    case concentrated(engineer: EngineerID, held: Int, of: Int)
    /// Every pipeline that `owner` leads has the same backup: when both are away, nobody knows them.
    case soleBackup(backup: EngineerID, owner: EngineerID, pipelines: [PipelineID])

    public var description: String {
        switch self {
        case .concentrated(let engineer, let held, let total):
            "'\(engineer)' holds \(held) of \(total) ownerships, more than half"
        case .soleBackup(let backup, let owner, let pipelines):
            "'\(backup)' is the only backup for all \(pipelines.count) pipelines '\(owner)' leads "
                + "(\(pipelines.map(\.rawValue).joined(separator: ", ")))"
        }
    }
}
