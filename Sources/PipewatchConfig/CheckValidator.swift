import PipewatchCore

/// The rules for data checks that look across sections: check ids unique in the whole config
/// (the API and the CLI name a check by its id alone), and a source for every check that
/// queries one.
struct CheckValidator {
    let log: DiagnosticLog

    func validate(pipelines: [PipelineSection.Reading], team: Team?, sources: [DataSource]) {
        var seen: [CheckID: PipelineID] = [:]
        for reading in pipelines {
            let pipeline = reading.pipeline
            for check in pipeline.checks {
                // Found only for an error: reading the pipeline's mapping for every check made
                // validating 1,000 checks take a quarter of a second.
                func site() -> YAMLValue { Self.site(of: check.id, in: reading.site) ?? reading.site }
                if let first = seen[check.id] {
                    site().error(
                        "check id '\(check.id)' is already used by pipeline '\(first)'",
                        hint: "check ids are unique across pipelines; name it after this pipeline",
                        in: log
                    )
                }
                seen[check.id] = seen[check.id] ?? pipeline.id
                guard check.kind.needsSource, check.source ?? pipeline.source ?? team?.source == nil else { continue }
                site().error(
                    "check '\(check.id)' has no data source to query",
                    hint: sources.isEmpty
                        ? "declare the database under 'sources:' and name it with 'source:' on the team, the pipeline or the check"
                        : "give 'source: \(sources[0].id)' on the check, the pipeline or the team",
                    in: log
                )
            }
        }
    }

    /// Where `id` is written under the pipeline's `checks:`.
    private static func site(of id: CheckID, in pipeline: YAMLValue) -> YAMLValue? {
        let quiet = DiagnosticLog()
        let checks = MappingReader(pipeline, allowed: nil, log: quiet)?["checks"]
        return checks.flatMap { MappingReader($0, allowed: nil, log: quiet) }?.keySite(id.rawValue)
    }
}
