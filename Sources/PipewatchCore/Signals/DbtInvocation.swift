/// Which dbt command a dbt-ol parent run (`dbt-run-<project>`) was, told by its children's job
/// names: dbt-ol reports `run`, `test` and `build` under the same parent job name, so the
/// parent's own events cannot tell them apart.
///
/// A `run` keeps no kind (its children are named after the nodes alone), so plain jobs and the
/// parent's `run` invocations are judged as before; `test` (children `….test`) and `build`
/// (children `….build.run`, `….build.test`) are judged on their own: a successful `run` after a
/// failed `test` leaves the test failure open until a `test` passes.
enum DbtInvocation: String, Sendable, Hashable {
    case test
    case build

    /// The kind of each dbt-ol parent run in `runs` (a job named `dbt-…`) whose children show
    /// one, by the parent's run id. Other parents (an Airflow DAG with a task called `test`) keep none.
    static func kinds(of runs: [Run]) -> [String: DbtInvocation] {
        let parents = Set(runs.filter { $0.job.name.hasPrefix("dbt-") }.map(\.id))
        var kinds: [String: DbtInvocation] = [:]
        for run in runs {
            guard let parent = run.parentRunID, parents.contains(parent), let kind = kind(ofChild: run.job.name) else {
                continue
            }
            // A build's children include tests: build wins over test.
            if kinds[parent] != .build { kinds[parent] = kind }
        }
        return kinds
    }

    private static func kind(ofChild name: String) -> DbtInvocation? {
        if name.hasSuffix(".build.run") || name.hasSuffix(".build.test") || name.hasSuffix(".build.seed")
            || name.hasSuffix(".build.snapshot")
        {
            return .build
        }
        return name.hasSuffix(".test") ? .test : nil
    }
}
