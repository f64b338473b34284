import PipewatchCore

/// Warns about people Pipewatch would reach but cannot: engineers an escalation can page, and
/// stakeholders told about late deliveries, who have no `contacts:`.
///
/// Who can be paged, per pipeline, under its own escalation policy or else the team's: `oncall`
/// is every rotation member, `primary_owner` and `secondary_owner` the pipeline's owners, and an
/// engineer id that engineer; the targets of its run book's `escalate:` steps count too.
struct ContactValidator {
    let log: DiagnosticLog

    static let hint = "add 'contacts: [{webhook: {url_env: …, secret_env: …}}]' or a slack webhook"

    /// Logs one warning per unreachable engineer and stakeholder, at their entry.
    /// - Parameters:
    ///   - engineerSites: where each engineer's entry is written.
    ///   - stakeholderSites: where each stakeholder's entry is written.
    func validate(
        team: Team?,
        engineers: [Engineer],
        stakeholders: [Stakeholder],
        pipelines: [Pipeline],
        escalation: EscalationPolicy,
        oncall: OncallPolicy?,
        engineerSites: [EngineerID: YAMLValue],
        stakeholderSites: [StakeholderID: YAMLValue]
    ) {
        let paged = Self.pageable(pipelines: pipelines, escalation: escalation, rotation: oncall?.rotation ?? [])
        for engineer in engineers where engineer.contacts.isEmpty && paged.contains(engineer.id) {
            engineerSites[engineer.id]?.warning(
                "engineer '\(engineer.id)' can be paged but has no contact method",
                hint: Self.hint,
                in: log
            )
        }
        let told = Set(pipelines.filter { $0.deliverBy != nil }.flatMap(\.stakeholders))
        for stakeholder in stakeholders where stakeholder.contacts.isEmpty && told.contains(stakeholder.id) {
            stakeholderSites[stakeholder.id]?.warning(
                "stakeholder '\(stakeholder.id)' is told about late deliveries but has no contact method",
                hint: Self.hint,
                in: log
            )
        }
    }

    /// Everyone an escalation policy or a run book step can page.
    static func pageable(
        pipelines: [Pipeline],
        escalation: EscalationPolicy,
        rotation: [EngineerID]
    )
        -> Set<EngineerID>
    {
        var paged: Set<EngineerID> = []
        for pipeline in pipelines {
            let targets =
                (pipeline.escalation ?? escalation).levels.map(\.target)
                + pipeline.runbook.steps.compactMap(\.escalation)
            for target in targets {
                switch target {
                case .oncall: paged.formUnion(rotation)
                case .primaryOwner: paged.insert(pipeline.owners.primary)
                case .secondaryOwner: if let secondary = pipeline.owners.secondary { paged.insert(secondary) }
                case .engineer(let id): paged.insert(id)
                }
            }
        }
        return paged
    }
}
