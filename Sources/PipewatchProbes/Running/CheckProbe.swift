import Foundation
import PipewatchCore

/// Runs a source's checks: the ones on the same table folded into one scan, the rest each with
/// its own queries, and every measurement judged by ``CheckJudge``.
///
/// A failure to query gives the check the state `error` with the database's message; when a
/// folded scan fails, its checks run one by one so that only the one at fault errors.
struct CheckProbe {
    /// `nil` for checks that query no source (the free space of a path).
    let connection: (any SourceConnection)?
    let zone: TimeZone
    let judge: CheckJudge
    /// How many pieces of work query the source at once: its connections.
    var parallelism = 4
    /// What the catalog says of each table, read when a run starts (``tableFacts(_:)``).
    var tables: [TableName: TableFacts] = [:]

    var dialect: SQLDialect { connection?.dialect ?? .sqlite }

    /// The integer columns of `table`, as far as the catalog said.
    func integral(_ table: TableName) -> Set<String> { tables[table]?.integral ?? [] }

    /// The results of `checks`, in the order given.
    ///
    /// The work (a table's scan, a column's ranges, a duplicates key, a check alone) starts
    /// longest first, by the planner's estimate of each table's rows, so that the source's
    /// connections finish together instead of waiting on one big query started last.
    func run(
        _ checks: [(check: Check, pipeline: PipelineID)],
        history: [CheckID: CheckHistory],
        at now: Date
    ) async -> [CheckResult] {
        var groups: [TableName: [(check: Check, pipeline: PipelineID)]] = [:]
        var alone: [String: [(check: Check, pipeline: PipelineID)]] = [:]
        var ranges: [RangeKey: [(check: Check, pipeline: PipelineID)]] = [:]
        var keys: [DuplicatesKey: [(check: Check, pipeline: PipelineID)]] = [:]
        for entry in checks {
            if dialect == .postgres, case .range(let table, let column, _, _) = entry.check.kind {
                ranges[RangeKey(table: TableName(table), column: column), default: []].append(entry)
            } else if case .duplicates(let table, let columns, _) = entry.check.kind {
                keys[DuplicatesKey(table: TableName(table), columns: columns), default: []].append(entry)
            } else if TableScan.folds(entry.check.kind), let table = entry.check.kind.table {
                groups[TableName(table), default: []].append(entry)
            } else {
                alone[Self.sharing(entry.check), default: []].append(entry)
            }
        }
        for (key, members) in ranges where members.count < RangeHistogram.minimumChecks {
            groups[key.table, default: []] += members
            ranges[key] = nil
        }
        let facts = await tableFacts(
            Set(groups.keys).union(ranges.keys.map(\.table)).union(keys.keys.map(\.table)).union(
                alone.values.compactMap { $0[0].check.kind.table.map(TableName.init) }
            )
        )
        let rows = facts.compactMapValues(\.rows)
        let probe = CheckProbe(
            connection: connection,
            zone: zone,
            judge: judge,
            parallelism: parallelism,
            tables: facts
        )
        var work: [(cost: Double, run: @Sendable () async -> [CheckResult])] = []
        for (table, members) in groups {
            work.append((rows[table, default: 1], { await probe.scan(table, members, history: history, at: now) }))
        }
        for (key, members) in ranges {
            work.append((2 * rows[key.table, default: 1], { await probe.histogram(key, members, at: now) }))
        }
        let checksByKey = keys
        let parents = Self.containedKeys(Array(keys.keys))
        let containing = Dictionary(grouping: parents, by: \.value).mapValues { $0.map(\.key) }
        for key in keys.keys where parents[key] == nil {
            work.append(
                (
                    2 * rows[key.table, default: 1],
                    {
                        await probe.duplicates(
                            key,
                            checks: checksByKey,
                            containing: containing,
                            after: nil,
                            history: history,
                            at: now
                        )
                    }
                )
            )
        }
        for members in alone.values {
            // Checks that ask the same question run one after another: the first asks, the
            // others read its answer (SharedStatements) instead of holding a turn while waiting.
            let kind = members[0].check.kind
            let size = kind.table.map { rows[TableName($0), default: 1] } ?? 1
            let cost: Double =
                switch kind {
                case .completeness: size
                case .anomaly, .reconcile, .sql: .infinity  // the team's SQL: its cost is unknown
                default: 0
                }
            work.append(
                (
                    cost,
                    {
                        var results: [CheckResult] = []
                        for entry in members {
                            results.append(
                                await probe.single(entry, history: history[entry.check.id] ?? CheckHistory(), at: now)
                            )
                        }
                        return results
                    }
                )
            )
        }
        work.sort { $0.cost > $1.cost }
        let results = await withTaskGroup(of: [CheckResult].self) { group in
            var next = work.makeIterator()
            for _ in 0..<max(parallelism, 1) {
                guard let piece = next.next() else { break }
                group.addTask(operation: piece.run)
            }
            var all: [CheckResult] = []
            for await batch in group {
                all += batch
                if let piece = next.next() { group.addTask(operation: piece.run) }
            }
            return all
        }
        let order = Dictionary(checks.enumerated().map { ($1.check.id, $0) }) { first, _ in first }
        return results.sorted { order[$0.check, default: 0] < order[$1.check, default: 0] }
    }

    /// The checks on `table` in as few scans as possible (one per ``TableScan/maxAggregates``),
    /// run at once, then the examples of those that found rows.
    private func scan(
        _ table: TableName,
        _ members: [(check: Check, pipeline: PipelineID)],
        history: [CheckID: CheckHistory],
        at now: Date
    ) async -> [CheckResult] {
        guard members.count > 1 else {
            return [await single(members[0], history: history[members[0].check.id] ?? CheckHistory(), at: now)]
        }
        var scans: [(plan: TableScan, members: [(check: Check, pipeline: PipelineID)])] = []
        for member in members {
            if scans.isEmpty || scans[scans.count - 1].plan.isFull {
                scans.append(
                    (TableScan(table: table, dialect: dialect, zone: zone, integral: integral(table)), [])
                )
            }
            scans[scans.count - 1].plan.add(member.check, at: now)
            scans[scans.count - 1].members.append(member)
        }
        return await withTaskGroup(of: [CheckResult].self) { group in
            for part in scans {
                group.addTask { await run(part.plan, part.members, history: history, at: now) }
            }
            var results: [CheckResult] = []
            for await batch in group { results += batch }
            return results
        }
    }

    /// A table and one of its columns.
    private struct RangeKey: Hashable {
        let table: TableName
        let column: String
    }

    /// Range checks on one column, answered by one grouping (``RangeHistogram``), then the
    /// examples of those that found rows.
    private func histogram(
        _ key: RangeKey,
        _ members: [(check: Check, pipeline: PipelineID)],
        at now: Date
    ) async -> [CheckResult] {
        let whole = integral(key.table).contains(key.column)
        let bounds = members.map { member -> (min: Double?, max: Double?) in
            guard case .range(_, _, let min, let max) = member.check.kind else { return (nil, nil) }
            let range = RangeBounds(min: min, max: max, integral: whole)
            return (range.min, range.max)
        }
        let plan = RangeHistogram(table: key.table, column: key.column, bounds: bounds)
        let sql = plan.sql(dialect)
        let clock = ContinuousClock()
        let started = clock.now
        var shared = Recorder(entry: members[0], at: now, clock: clock, started: started)
        let timeout = members.map(\.check.timeout).max() ?? Check.defaultTimeout
        let answer: QueryRows
        do {
            answer = try await shared.run(sql, on: connection, timeout: timeout)
        } catch {
            return await scan(key.table, members, history: [:], at: now)
        }
        let found = bounds.map { plan.violations(min: $0.min, max: $0.max, in: answer) }
        let few = await fewExamples(zip(members, found).map { ($0.check, $1.count) }, in: key.table)
        var results: [CheckResult] = []
        for (member, found) in zip(members, found) {
            var recorder = Recorder(entry: member, at: now, clock: clock, started: started)
            recorder.sql = [sql]
            var examples: [String] = []
            if let few, let read = few.examples[member.check.id] {
                recorder.sql.append(few.sql)
                examples = read
            } else if found.count > 0 {
                examples = (try? await self.examples(of: member.check, recorder: &recorder)) ?? []
            }
            let measured = Measured.measured(.violations(count: found.count, of: found.of, examples: examples))
            results.append(recorder.result(judge, measured, history: CheckHistory()))
        }
        return results
    }

    /// One scan, and each member's measurement from its column of the answer.
    private func run(
        _ plan: TableScan,
        _ members: [(check: Check, pipeline: PipelineID)],
        history: [CheckID: CheckHistory],
        at now: Date
    ) async -> [CheckResult] {
        let timeout = members.map(\.check.timeout).max() ?? Check.defaultTimeout
        let clock = ContinuousClock()
        let started = clock.now
        var shared = Recorder(entry: members[0], at: now, clock: clock, started: started)
        let answer: QueryRows
        do {
            answer = try await shared.run(plan.sql, on: connection, timeout: timeout)
        } catch {
            // One bad column fails the whole scan: run each check alone to find which.
            var results: [CheckResult] = []
            for member in members {
                results.append(await single(member, history: history[member.check.id] ?? CheckHistory(), at: now))
            }
            return results
        }
        let row = answer.rows.first ?? []
        let total = Int(row.first.flatMap { $0 }.flatMap(Double.init) ?? 0)
        func raw(_ check: Check) -> String? {
            let slot = plan.slots[check.id] ?? 0
            return slot < row.count ? row[slot] : nil
        }
        let few = await fewExamples(
            members.map { ($0.check, Int(raw($0.check).flatMap(Double.init) ?? 0)) },
            in: plan.table
        )
        var results: [CheckResult] = []
        for member in members {
            var recorder = Recorder(entry: member, at: now, clock: clock, started: started)
            recorder.sql = [plan.sql]
            let measurement = await folded(
                member.check,
                raw: raw(member.check),
                total: total,
                shared: few,
                recorder: &recorder
            )
            results.append(recorder.result(judge, measurement, history: history[member.check.id] ?? CheckHistory()))
        }
        return results
    }

    /// Turns a scan's value for `check` into its measurement, fetching examples when rows fail
    /// (unless they were read with other checks').
    private func folded(
        _ check: Check,
        raw: String?,
        total: Int,
        shared: SharedExamples? = nil,
        recorder: inout Recorder
    ) async -> Measured {
        let count = Int(raw.flatMap(Double.init) ?? 0)
        switch check.kind {
        case .freshness:
            return .measured(.newest(raw.flatMap { SourceTimestamp.parse($0, in: zone) }))
        case .volume:
            return .measured(.rows(count))
        default:
            guard count > 0 else { return .measured(.violations(count: 0, of: total, examples: [])) }
            if let shared, let examples = shared.examples[check.id] {
                recorder.sql.append(shared.sql)
                return .measured(.violations(count: count, of: total, examples: examples))
            }
            do {
                let examples = try await examples(of: check, recorder: &recorder)
                return .measured(.violations(count: count, of: total, examples: examples))
            } catch {
                return .measured(.violations(count: count, of: total, examples: ["(examples not read: \(error))"]))
            }
        }
    }

    /// A check that runs its own queries.
    private func single(
        _ entry: (check: Check, pipeline: PipelineID),
        history: CheckHistory,
        at now: Date
    ) async -> CheckResult {
        let clock = ContinuousClock()
        var recorder = Recorder(entry: entry, at: now, clock: clock, started: clock.now)
        let measured: Measured
        do {
            measured = try await measure(entry.check, recorder: &recorder, at: now)
        } catch {
            measured = .failed(error)
        }
        return recorder.result(judge, measured, history: history)
    }

    private func measure(_ check: Check, recorder: inout Recorder, at now: Date) async throws(ProbeError) -> Measured {
        let timeout = check.timeout
        let table = check.kind.table.map(TableName.init)
        func scalar(_ sql: String) async throws(ProbeError) -> String? {
            try await recorder.run(sql, on: connection, timeout: timeout).scalar
        }
        switch check.kind {
        case .freshness, .volume, .range, .missing, .acceptedValues:
            var plan = TableScan(table: table!, dialect: dialect, zone: zone, integral: integral(table!))
            plan.add(check, at: now)
            let row = try await recorder.run(plan.sql, on: connection, timeout: timeout).rows.first ?? []
            let total = Int(row.first.flatMap { $0 }.flatMap(Double.init) ?? 0)
            let slot = plan.slots[check.id] ?? 0
            return await folded(check, raw: slot < row.count ? row[slot] : nil, total: total, recorder: &recorder)
        case .duplicates:
            return try await duplicates(check, recorder: &recorder).measured
        case .schema:
            return .measured(.columns(try await columns(of: table!, recorder: &recorder, timeout: timeout)))
        case .completeness(_, let column, let bucket, let lookback):
            let columns = try await columns(of: table!, recorder: &recorder, timeout: timeout)
            guard let type = columns.first(where: { $0.name.lowercased() == column.lowercased() })?.type else {
                throw .queryFailed(reason: "column \(column) does not exist in \(table!)")
            }
            let window = CheckJudge.completenessWindow(bucket: bucket, lookback: lookback, at: now)
            guard let first = window.first else { return .measured(.filledBuckets([])) }
            let size = bucket.timeInterval
            let end = first.addingTimeInterval(size * Double(window.count))
            let sql =
                "SELECT DISTINCT \(dialect.bucket(dialect.epoch(column, type: type, in: zone), size: Int(size))) "
                + "FROM \(dialect.table(table!)) "
                + "WHERE \(dialect.comparable(column)) >= \(dialect.timestamp(first, in: zone)) "
                + "AND \(dialect.comparable(column)) < \(dialect.timestamp(end, in: zone))"
            let answer = try await recorder.run(sql, on: connection, timeout: timeout)
            let filled = answer.rows.compactMap { $0.first.flatMap { $0 }.flatMap(Double.init) }.map {
                Date(timeIntervalSince1970: $0 * size)
            }
            return .measured(.filledBuckets(Set(filled)))
        case .anomaly(let query, _, _, _):
            return .measured(.value(try await scalar(query).flatMap(Double.init)))
        case .reconcile(let left, let right, _, _):
            let leftValue = try await scalar(left).flatMap(Double.init)
            let rightValue = try await scalar(right).flatMap(Double.init)
            return .measured(.pair(leftValue, rightValue))
        case .sql(let query):
            let answer = try await recorder.run(query, on: connection, timeout: timeout)
            return .measured(
                .violations(
                    count: answer.rows.count,
                    of: answer.rows.count,
                    examples: answer.rows.prefix(5).map(answer.describe)
                )
            )
        case .storage(_, let path, _, _, _):
            var bytes: Int64?
            if check.kind.needsSource {
                bytes = try await scalar(dialect.sizeQuery(table)).flatMap { Double($0) }.map { Int64($0) }
            }
            let free = try path.map { path throws(ProbeError) in try DiskSpace.freeBytes(at: path) }
            return .measured(.storage(bytes: bytes, freeBytes: free))
        }
    }

    private func columns(
        of table: TableName,
        recorder: inout Recorder,
        timeout: Duration
    ) async throws(ProbeError)
        -> [SchemaColumn]
    {
        let answer = try await recorder.run(dialect.columnsQuery(table), on: connection, timeout: timeout)
        return answer.rows.compactMap { row in
            guard row.count >= 2, let name = row[0] else { return nil }
            return SchemaColumn(name: name, type: row[1] ?? "")
        }
    }
}
