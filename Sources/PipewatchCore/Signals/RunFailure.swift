/// What a failed or aborted run tells people: the summary and evidence of its
/// `processing_failure` signal, whether a pipeline claims the job or none does.
public struct RunFailure: Sendable, Hashable {
    /// `dbt/shop.main.shop.orders.test failed: failed assertion unique_orders_order_id on order_id (…) [shop.main.orders]`.
    public var summary: String
    /// `job`, `run_id`, `state`, and when known `error_message` and `failed_assertions`.
    public var evidence: [String: String]

    /// The failure of `run`; `nil` when the run did not fail.
    public init?(_ run: Run) {
        guard run.state.isFailure else { return nil }
        var evidence = ["job": run.job.description, "run_id": run.id, "state": run.state.rawValue]
        evidence["error_message"] = run.errorMessage
        // dbt-ol's failing tests send no error message: the assertions that failed say what broke.
        let assertions = (run.inputs + run.outputs).flatMap { dataset in
            dataset.failedAssertions.map { "\($0) [\(dataset.name)]" }
        }
        if !assertions.isEmpty { evidence["failed_assertions"] = assertions.joined(separator: "; ") }
        var reasons = [run.errorMessage].compactMap { $0 }
        if !assertions.isEmpty {
            reasons.append("failed assertion\(assertions.count == 1 ? "" : "s") \(assertions.joined(separator: "; "))")
        }
        let reason = reasons.isEmpty ? "" : ": " + reasons.joined(separator: "; ")
        summary = "\(run.job) \(run.state == .aborted ? "was aborted" : "failed")\(reason)"
        self.evidence = evidence
    }
}
