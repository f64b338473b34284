import ArgumentParser
import PipewatchCore

/// Reads the checks named on the command line: check ids and pipeline ids (for all of a
/// pipeline's checks), with a suggestion for a name that is neither.
enum CheckSelection {
    /// The checks `names` pick; `nil` (every check) when none is given.
    static func resolve(_ names: [String], in plan: TeamPlan) throws -> Set<CheckID>? {
        guard !names.isEmpty else { return nil }
        var chosen = Set<CheckID>()
        for name in names {
            if let pipeline = plan.catalog.pipeline(PipelineID(name)) {
                guard !pipeline.checks.isEmpty else {
                    throw ValidationError("pipeline '\(name)' declares no checks")
                }
                chosen.formUnion(pipeline.checks.map(\.id))
            } else {
                chosen.insert(try requireCheck(name, in: plan))
            }
        }
        return chosen
    }

    /// The check named `name`, or a usage error with the closest id.
    static func requireCheck(_ name: String, in plan: TeamPlan) throws -> CheckID {
        guard let found = plan.check(CheckID(name)) else {
            let known = plan.checks.map(\.check.id.rawValue) + plan.catalog.pipelines.map(\.id.rawValue)
            throw Catalog.unknown(name, kind: "check or pipeline", known: known)
        }
        return found.check.id
    }
}
