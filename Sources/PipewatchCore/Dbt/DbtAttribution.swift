/// Which pipeline a dbt node or source belongs to.
struct DbtAttribution {
    private var pipelineOf: [String: PipelineID] = [:]
    private var attachedTo: [String: [String]] = [:]

    init(manifest: [String: Any]?, catalog: Catalog) {
        let known = Set(catalog.pipelines.map(\.id))
        for section in ["nodes", "sources"] {
            for (uniqueID, value) in manifest?[section] as? [String: [String: Any]] ?? [:] {
                let meta = (value["meta"] as? [String: Any]) ?? [:]
                let configMeta = ((value["config"] as? [String: Any])?["meta"] as? [String: Any]) ?? [:]
                if let id = (meta["pipewatch_pipeline"] ?? configMeta["pipewatch_pipeline"]) as? String,
                    known.contains(PipelineID(id))
                {
                    pipelineOf[uniqueID] = PipelineID(id)
                }
                if let attached = value["attached_node"] as? String {
                    attachedTo[uniqueID] = [attached]
                } else if value["resource_type"] as? String == "test" {
                    attachedTo[uniqueID] = ((value["depends_on"] as? [String: Any])?["nodes"] as? [String]) ?? []
                }
            }
        }
        // Pipelines naming a node in their jobs win over dbt's meta.
        for pipeline in catalog.pipelines {
            for job in pipeline.jobs {
                if case .dbt(let uniqueID) = job.identity { pipelineOf[uniqueID] = pipeline.id }
            }
        }
    }

    func pipeline(of uniqueID: String) -> PipelineID? {
        if let direct = pipelineOf[uniqueID] { return direct }
        return attachedTo[uniqueID]?.lazy.compactMap { pipelineOf[$0] }.first
    }
}
