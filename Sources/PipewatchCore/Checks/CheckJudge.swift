public import Foundation

/// Turns what a probe measured into a check's verdict. Pure: the same measurement, history and
/// instant always give the same verdict.
public struct CheckJudge: Sendable {
    /// How many earlier values an anomaly check needs before it judges; until then it passes
    /// as "learning".
    public var minimumHistory: Int

    /// Creates a judge.
    public init(minimumHistory: Int = 7) {
        self.minimumHistory = minimumHistory
    }

    /// The verdict of `check` on `measurement`.
    ///
    /// - Parameters:
    ///   - check: The check as configured.
    ///   - measurement: What the probe read.
    ///   - history: What earlier runs left (values, columns, sizes).
    ///   - now: The instant the check ran at.
    public func verdict(
        of check: Check,
        _ measurement: CheckMeasurement,
        history: CheckHistory = CheckHistory(),
        at now: Date
    ) -> CheckVerdict {
        switch (check.kind, measurement) {
        case (.freshness(_, let column, let maxAge, let warnAfter), .newest(let newest)):
            return freshness(column: column, newest: newest, maxAge: maxAge, warnAfter: warnAfter, at: now)
        case (.volume(_, let minRows, let maxRows, _, let window), .rows(let rows)):
            return volume(rows: rows, minRows: minRows, maxRows: maxRows, window: window)
        case (.schema(let table, let expected), .columns(let found)):
            var verdict = CheckSchemaComparison(
                table: table,
                expected: expected,
                found: found,
                last: history.lastColumns
            )
            .verdict
            verdict.columns = found.isEmpty ? nil : found
            return verdict
        case (.completeness(_, _, let bucket, let lookback), .filledBuckets(let filled)):
            return completeness(filled: filled, bucket: bucket, lookback: lookback, at: now)
        case (.range(_, let column, let min, let max), .violations(let count, let total, let examples)):
            let bounds = [min.map { ">= \($0.formattedPlain)" }, max.map { "<= \($0.formattedPlain)" }]
            return violations(
                count,
                of: total,
                examples: examples,
                limit: .count(0),
                threshold: bounds.compactMap { $0 }.joined(separator: " and "),
                what: "with \(column) out of range"
            )
        case (.missing(_, let column, let limit, let warn), .violations(let count, let total, let examples)):
            return violations(
                count,
                of: total,
                examples: examples,
                limit: limit,
                warn: warn,
                threshold: "<= \(limit) nulls",
                what: "with \(column) null"
            )
        case (.duplicates(_, let columns, let maxCount), .violations(let count, let rows, let examples)):
            let key = columns.joined(separator: ", ")
            return CheckVerdict(
                count > maxCount ? .fail : .pass,
                value: Double(count),
                threshold: "<= \(maxCount) duplicated",
                message: count == 0
                    ? "every \(key) is unique"
                    : "\(count) \(key) value\(count == 1 ? " occurs" : "s occur") more than once, in \(rows) rows",
                examples: Array(examples.prefix(5))
            )
        case (.acceptedValues(_, let column, let values), .violations(let count, let total, let examples)):
            return violations(
                count,
                of: total,
                examples: examples,
                limit: .count(0),
                threshold: "in [\(values.joined(separator: ", "))]",
                what: "with \(column) not accepted"
            )
        case (.sql, .violations(let count, _, let examples)):
            return violations(
                count,
                of: 0,
                examples: examples,
                limit: .count(0),
                threshold: "no rows",
                what: "returned"
            )
        case (.anomaly(_, let sigma, let lookback, let warnSigma), .value(let value)):
            return anomaly(
                value,
                history: history.values.suffix(lookback),
                lookback: lookback,
                sigma: sigma,
                warnSigma: warnSigma
            )
        case (.reconcile(_, _, let tolerance, let warn), .pair(let left, let right)):
            return reconcile(left, right, tolerance: tolerance, warn: warn)
        case (.storage(_, _, let minFree, let maxBytes, let days), .storage(let bytes, let free)):
            return CheckStorageForecast(
                bytes: bytes,
                freeBytes: free,
                minFreeBytes: minFree,
                maxBytes: maxBytes,
                minDaysUntilFull: days,
                history: history.observations,
                now: now
            ).verdict
        default:
            return CheckVerdict(.error, message: "the probe measured \(measurement) for a \(check.kind.name) check")
        }
    }

    /// The buckets a completeness check looks at: whole buckets, aligned to the bucket size,
    /// that end at or before `now` and start within `lookback` of it.
    public static func completenessWindow(bucket: Duration, lookback: Duration, at now: Date) -> [Date] {
        let size = bucket.timeInterval
        let end = (now.timeIntervalSince1970 / size).rounded(.down) * size
        let count = max(Int(lookback.timeInterval / size), 0)
        return (0..<count).map { Date(timeIntervalSince1970: end - Double(count - $0) * size) }
    }

    private func freshness(
        column: String,
        newest: Date?,
        maxAge: Duration,
        warnAfter: Duration?,
        at now: Date
    ) -> CheckVerdict {
        let threshold = "<= \(DurationText.format(maxAge))"
        guard let newest else {
            return CheckVerdict(.fail, threshold: threshold, message: "\(column) has no values: the table is empty")
        }
        let age = max(now.timeIntervalSince(newest), 0)
        let ageText = DurationText.format(.seconds(Int64(age)))
        let newestText = Self.stamp(newest)
        let state: CheckState =
            age > maxAge.timeInterval ? .fail : age > (warnAfter?.timeInterval ?? .infinity) ? .warn : .pass
        let message =
            state == .pass
            ? "newest \(column) is \(ageText) old (\(newestText))"
            : "newest \(column) is \(ageText) old (\(newestText)), over \(DurationText.format(state == .fail ? maxAge : warnAfter!))"
        return CheckVerdict(state, value: age.rounded(), threshold: threshold, message: message)
    }

    private func volume(rows: Int, minRows: Int?, maxRows: Int?, window: Duration?) -> CheckVerdict {
        let bounds = [minRows.map { ">= \($0)" }, maxRows.map { "<= \($0)" }].compactMap { $0 }
        let scope = window.map { " in the last \(DurationText.format($0))" } ?? ""
        let low = minRows.map { rows < $0 } ?? false
        let high = maxRows.map { rows > $0 } ?? false
        let message =
            low
            ? "\(rows) rows\(scope), below the minimum of \(minRows!)"
            : high ? "\(rows) rows\(scope), above the maximum of \(maxRows!)" : "\(rows) rows\(scope)"
        return CheckVerdict(
            low || high ? .fail : .pass,
            value: Double(rows),
            threshold: bounds.joined(separator: " and ") + " rows",
            message: message
        )
    }

    private func completeness(filled: Set<Date>, bucket: Duration, lookback: Duration, at now: Date) -> CheckVerdict {
        let window = Self.completenessWindow(bucket: bucket, lookback: lookback, at: now)
        let empty = window.filter { !filled.contains($0) }
        let threshold = "0 empty buckets"
        guard !empty.isEmpty else {
            return CheckVerdict(
                .pass,
                value: 0,
                threshold: threshold,
                message: "all \(window.count) buckets of \(DurationText.format(bucket)) have rows"
            )
        }
        let gaps = Self.spans(empty, size: bucket.timeInterval)
        return CheckVerdict(
            .fail,
            value: Double(empty.count),
            threshold: threshold,
            message:
                "\(empty.count) of \(window.count) buckets of \(DurationText.format(bucket)) have no rows, in \(gaps.count) gap\(gaps.count == 1 ? "" : "s")",
            examples: gaps.prefix(5).map { "\(Self.stamp($0.start)) to \(Self.stamp($0.end))" }
        )
    }

    /// An instant as the check's messages write it, in UTC.
    static func stamp(_ instant: Date) -> String {
        ISO8601Text.format(instant, in: TimeZone(identifier: "UTC")!)
    }

    /// Consecutive empty buckets merged into spans.
    private static func spans(_ starts: [Date], size: TimeInterval) -> [(start: Date, end: Date)] {
        var spans: [(start: Date, end: Date)] = []
        for start in starts.sorted() {
            if let last = spans.last, last.end == start {
                spans[spans.count - 1].end = start.addingTimeInterval(size)
            } else {
                spans.append((start, start.addingTimeInterval(size)))
            }
        }
        return spans
    }

    private func violations(
        _ count: Int,
        of total: Int,
        examples: [String],
        limit: RowLimit,
        warn: RowLimit? = nil,
        threshold: String,
        what: String
    ) -> CheckVerdict {
        let state: CheckState =
            limit.isExceeded(by: count, of: total)
            ? .fail : warn?.isExceeded(by: count, of: total) == true ? .warn : .pass
        let share =
            total > 0 && count > 0
            ? String(format: " (%.2f%% of %d rows)", 100 * Double(count) / Double(total), total) : ""
        return CheckVerdict(
            state,
            value: Double(count),
            threshold: threshold,
            message: "\(count) row\(count == 1 ? "" : "s") \(what)\(share)",
            examples: Array(examples.prefix(5))
        )
    }

    private func anomaly(
        _ value: Double?,
        history: ArraySlice<Double>,
        lookback: Int,
        sigma: Double,
        warnSigma: Double?
    ) -> CheckVerdict {
        let threshold = "within \(sigma.formattedPlain)σ"
        guard let value else {
            return CheckVerdict(.fail, threshold: threshold, message: "the query returned no value")
        }
        let needed = min(minimumHistory, lookback)
        guard history.count >= needed else {
            return CheckVerdict(
                .pass,
                value: value,
                threshold: threshold,
                message: "learning: \(value.formattedPlain) kept; \(history.count) of \(needed) values needed"
            )
        }
        let values = Array(history)
        let median = RobustSpread.median(values)
        let spread = RobustSpread.scaledMAD(values, median: median)
        let score = spread > 0 ? (value - median) / spread : (value == median ? 0 : .infinity)
        let state: CheckState = abs(score) > sigma ? .fail : abs(score) > (warnSigma ?? .infinity) ? .warn : .pass
        let scoreText = score.isFinite ? String(format: "%.1f", score) : "∞"
        return CheckVerdict(
            state,
            value: value,
            threshold: threshold,
            message:
                "\(value.formattedPlain) is \(scoreText)σ from the median \(median.formattedPlain) of the last \(values.count) values"
        )
    }

    private func reconcile(_ left: Double?, _ right: Double?, tolerance: Tolerance, warn: Tolerance?) -> CheckVerdict {
        let threshold = "differ by <= \(tolerance)"
        guard let left, let right else {
            let empty = [left == nil ? "left" : nil, right == nil ? "right" : nil].compactMap { $0 }
            return CheckVerdict(
                .fail,
                threshold: threshold,
                message: "the \(empty.joined(separator: " and ")) query returned no value"
            )
        }
        let difference = tolerance.difference(left, right)
        let state: CheckState =
            !tolerance.admits(left, right) ? .fail : warn.map { !$0.admits(left, right) } == true ? .warn : .pass
        let shown: String =
            switch tolerance {
            case .relative: String(format: "%.3f%%", difference * 100)
            case .absolute: difference.formattedPlain
            }
        return CheckVerdict(
            state,
            value: difference,
            threshold: threshold,
            message: "left \(left.formattedPlain), right \(right.formattedPlain): they differ by \(shown)",
            observations: ["left": left, "right": right]
        )
    }
}
