import PipewatchCore

/// The rules that look across sections: lineage cycles, what investor-facing pipelines need,
/// and engineers left out of the rotation.
struct PlanValidator {
    let log: DiagnosticLog

    func validate(
        pipelines: [PipelineSection.Reading],
        engineers: [Engineer],
        oncall: OncallPolicy?,
        oncallSite: YAMLValue?
    ) {
        reportCycles(pipelines)
        for reading in pipelines {
            requireInvestorDuties(reading)
            if !reading.declaresSecondary, reading.pipeline.audience != .investors {
                reading.site.warning(
                    "no secondary owner",
                    hint: "add 'secondary:' under 'owners:' so someone can stand in for the primary owner",
                    in: log
                )
            }
        }
        if let oncall, let oncallSite {
            let outside = engineers.map(\.id).filter { !oncall.rotation.contains($0) }
            if !outside.isEmpty, !oncall.rotation.isEmpty {
                oncallSite.warning(
                    "not in the rotation: \(outside.map { "'\($0)'" }.joined(separator: ", "))",
                    hint: "they are never on call, and never substitute; add them to 'rotation' if that is not meant",
                    in: log
                )
            }
        }
    }

    /// The seed's rule: every pipeline reporting to investors has a run book, a deadline,
    /// stakeholders to tell, and a backup owner.
    private func requireInvestorDuties(_ reading: PipelineSection.Reading) {
        let pipeline = reading.pipeline
        guard pipeline.audience == .investors else { return }
        let site = reading.audienceSite ?? reading.site
        let missing: [(Bool, String, String)] = [
            (pipeline.runbook.isEmpty, "a run book", "add 'runbook:' with the steps that resolve its issues"),
            (
                pipeline.deliverBy == nil, "a 'deliver_by' deadline",
                "add 'deliver_by: \"09:00\"' (local time, optional zone)"
            ),
            (pipeline.stakeholders.isEmpty, "stakeholders", "add 'stakeholders:' naming who is told when it is late"),
            (pipeline.owners.secondary == nil, "a secondary owner", "add 'secondary:' under 'owners:'"),
        ]
        for (isMissing, what, hint) in missing where isMissing {
            site.error("a pipeline reporting to investors needs \(what)", hint: hint, in: log)
        }
    }

    /// Each cycle in `upstream` once, at the entry that closes it.
    private func reportCycles(_ pipelines: [PipelineSection.Reading]) {
        let byID = Dictionary(pipelines.map { ($0.pipeline.id, $0) }, uniquingKeysWith: { first, _ in first })
        var state: [PipelineID: Bool] = [:]  // false: on the current path, true: done
        var path: [PipelineID] = []
        var reported: Set<Set<PipelineID>> = []

        func visit(_ id: PipelineID) {
            guard let reading = byID[id] else { return }
            state[id] = false
            path.append(id)
            for (index, next) in reading.pipeline.upstream.enumerated() {
                if state[next] == false, let start = path.firstIndex(of: next) {
                    let cycle = Array(path[start...]) + [next]
                    if reported.insert(Set(cycle)).inserted, index < reading.upstreamSites.count {
                        reading.upstreamSites[index].error(
                            "upstream cycle: \(cycle.map(\.rawValue).joined(separator: " → "))",
                            hint: "a pipeline cannot depend on its own output; remove one of these upstream entries",
                            in: log
                        )
                    }
                } else if state[next] == nil {
                    visit(next)
                }
            }
            path.removeLast()
            state[id] = true
        }
        for reading in pipelines where state[reading.pipeline.id] == nil {
            visit(reading.pipeline.id)
        }
    }
}
