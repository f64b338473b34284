import PipewatchConfig
import PipewatchCore
import PipewatchServer

extension ConfigReport {
    /// The report as the server takes it: the plan, and each finding as `pipewatch validate`
    /// prints it, plus the warning `validate` adds when no token may write.
    var reading: ConfigReading {
        var warnings = self.warnings.map(\.description)
        if let plan, !plan.api.acceptsIngest {
            warnings.append("\(APIAccess.ingestDisabled); \(APIAccess.ingestHint)")
        }
        return ConfigReading(
            plan: plan,
            errors: diagnostics.filter { $0.severity == .error }.map(\.description),
            warnings: warnings,
            files: files
        )
    }
}
