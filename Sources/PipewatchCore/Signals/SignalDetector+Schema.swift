import Foundation

extension SignalDetector {
    /// Datasets whose schema changed, until a later run sees the new schema and completes.
    func schemaChanges(_ pipeline: Pipeline, runs: [Run]) -> [Signal] {
        var observations: [DatasetIdentity: [(at: Date, schema: [SchemaField], run: Run)]] = [:]
        for run in runs.sorted(by: { ($0.startedAt, $0.id) < ($1.startedAt, $1.id) }) {
            for dataset in run.inputs + run.outputs {
                guard let schema = dataset.schema else { continue }
                observations[dataset.identity, default: []].append((run.startedAt, schema, run))
            }
        }
        return observations.keys.sorted().compactMap { identity -> Signal? in
            let key = "\(identity.namespace)/\(identity.name)"
            guard let seen = observations[identity],
                let change = seen.indices.dropFirst().last(where: { seen[$0].schema != seen[$0 - 1].schema })
            else { return nil }
            let adopted = seen[(change + 1)...].contains {
                $0.schema == seen[change].schema && $0.run.state == .completed
            }
            guard !adopted else { return nil }
            let diff = SchemaDiff(old: seen[change - 1].schema, new: seen[change].schema)
            return Signal(
                kind: .schemaChange,
                pipeline: pipeline.id,
                subject: "dataset:\(key)",
                openedAt: seen[change].at,
                summary: "schema of \(key) changed: \(diff.summary)",
                evidence: [
                    "dataset": key, "run_id": seen[change].run.id, "added": diff.added.joined(separator: ","),
                    "removed": diff.removed.joined(separator: ","), "retyped": diff.retyped.joined(separator: ","),
                ]
            )
        }
    }
}

/// The difference between two schemas of one dataset.
struct SchemaDiff {
    var added: [String] = []
    var removed: [String] = []
    /// `column old→new`.
    var retyped: [String] = []

    init(old: [SchemaField], new: [SchemaField]) {
        let before = Dictionary(old.map { ($0.name, $0.type) }, uniquingKeysWith: { first, _ in first })
        let after = Dictionary(new.map { ($0.name, $0.type) }, uniquingKeysWith: { first, _ in first })
        added = new.map(\.name).filter { before[$0] == nil }
        removed = old.map(\.name).filter { after[$0] == nil }
        retyped = new.compactMap { field in
            guard let type = before[field.name], type != field.type else { return nil }
            return "\(field.name) \(type)→\(field.type)"
        }
    }

    var summary: String {
        let parts = [
            added.isEmpty ? nil : "added \(added.joined(separator: ", "))",
            removed.isEmpty ? nil : "removed \(removed.joined(separator: ", "))",
            retyped.isEmpty ? nil : "retyped \(retyped.joined(separator: ", "))",
        ]
        return parts.compactMap { $0 }.joined(separator: "; ")
    }
}
