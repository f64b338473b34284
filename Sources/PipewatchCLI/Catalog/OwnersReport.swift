import PipewatchCore

/// The answers of `pipewatch owners`, as JSON values and as tables.
struct OwnersReport {
    /// One pipeline's ownership, as `owners --format json` prints it.
    struct Row: Encodable {
        let pipeline: String
        let name: String
        let primary: String
        let secondary: String?
        let metricOwner: String?
        let audience: String

        enum CodingKeys: String, CodingKey {
            case pipeline, name, primary, secondary, audience
            case metricOwner = "metric_owner"
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(pipeline, forKey: .pipeline)
            try container.encode(name, forKey: .name)
            try container.encode(primary, forKey: .primary)
            try container.encode(secondary, forKey: .secondary)
            try container.encode(metricOwner, forKey: .metricOwner)
            try container.encode(audience, forKey: .audience)
        }
    }

    /// What one engineer owns.
    struct Holdings: Encodable {
        let engineer: String
        let primary: [String]
        let secondary: [String]
    }

    /// The load of every engineer, and the warnings.
    struct Load: Encodable {
        struct Entry: Encodable {
            let engineer: String
            let name: String
            let primary: [String]
            let secondary: [String]
            let investorFacing: [String]
            let total: Int

            enum CodingKeys: String, CodingKey {
                case engineer, name, primary, secondary, total
                case investorFacing = "investor_facing"
            }
        }

        let engineers: [Entry]
        let warnings: [String]
    }

    let catalog: Catalog

    var rows: [Row] {
        catalog.pipelines.map { pipeline in
            Row(
                pipeline: pipeline.id.rawValue,
                name: pipeline.name,
                primary: pipeline.owners.primary.rawValue,
                secondary: pipeline.owners.secondary?.rawValue,
                metricOwner: pipeline.metricOwner?.rawValue,
                audience: pipeline.audience.rawValue
            )
        }
    }

    var table: String {
        var table = TextTable("pipeline", "name", "primary", "secondary", "metric owner", "audience")
        for pipeline in catalog.pipelines {
            table.append(
                pipeline.id.rawValue,
                pipeline.name,
                engineerName(pipeline.owners.primary),
                pipeline.owners.secondary.map(engineerName) ?? "-",
                pipeline.metricOwner.map { catalog.stakeholder($0)?.name ?? $0.rawValue } ?? "-",
                pipeline.audience.rawValue
            )
        }
        return table.rendered
    }

    func holdings(of engineer: Engineer) -> Holdings {
        Holdings(
            engineer: engineer.id.rawValue,
            primary: catalog.pipelines.filter { $0.owners.primary == engineer.id }.map(\.id.rawValue),
            secondary: catalog.pipelines.filter { $0.owners.secondary == engineer.id }.map(\.id.rawValue)
        )
    }

    func holdingsTable(of engineer: Engineer) -> String {
        var table = TextTable("role", "pipeline", "name", "audience")
        for pipeline in catalog.pipelines {
            if pipeline.owners.primary == engineer.id {
                table.append("primary", pipeline.id.rawValue, pipeline.name, pipeline.audience.rawValue)
            }
        }
        for pipeline in catalog.pipelines where pipeline.owners.secondary == engineer.id {
            table.append("secondary", pipeline.id.rawValue, pipeline.name, pipeline.audience.rawValue)
        }
        return "\(engineer.name) (\(engineer.id))\n" + table.rendered
    }

    func load(_ load: OwnershipLoad) -> Load {
        Load(
            engineers: load.entries.map { entry in
                Load.Entry(
                    engineer: entry.engineer.rawValue,
                    name: engineerName(entry.engineer),
                    primary: entry.primary.map(\.rawValue),
                    secondary: entry.secondary.map(\.rawValue),
                    investorFacing: entry.investorFacing.map(\.rawValue),
                    total: entry.total
                )
            },
            warnings: load.warnings.map(\.description)
        )
    }

    func loadTable(_ load: OwnershipLoad) -> String {
        var table = TextTable("engineer", "name", "primary", "secondary", "investor-facing", "total")
        for entry in load.entries {
            table.append(
                entry.engineer.rawValue,
                engineerName(entry.engineer),
                String(entry.primary.count),
                String(entry.secondary.count),
                String(entry.investorFacing.count),
                String(entry.total)
            )
        }
        return table.rendered
    }

    private func engineerName(_ id: EngineerID) -> String {
        catalog.engineer(id)?.name ?? id.rawValue
    }
}
