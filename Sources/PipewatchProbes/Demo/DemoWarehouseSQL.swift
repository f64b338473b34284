/// The SQL that writes Pipewatch's demo warehouse: six weeks of sales, costs, profit, signups,
/// growth and engagement, and the numbers reported to investors, shaped so that the seed plan's
/// checks (`examples/seed/pipewatch.yaml`) find four faults and pass everything else.
///
/// The script runs on an SQLite connection that has one file attached per schema in
/// ``schemas`` (`ATTACH 'DIR/sales.sqlite' AS sales`), so `sales.orders` names table `orders`
/// in the file attached as `sales`. Timestamps are `YYYY-MM-DD HH:MM:SS` text in UTC, dates
/// `YYYY-MM-DD`. Rows come from recursive CTEs that walk back from the demo's instant, with a
/// linear congruential generator (`s * 1103515245 + 12345` mod 2³¹) for noise: the same instant
/// always gives the same rows. The hour-of-day weight `4 + abs((t / 3600 + 6) % 24 - 12)`, 4 at
/// 06:00 UTC and 16 at 18:00 UTC (13:00 in New York), 10 on average, gives orders, signups and
/// events a daily rhythm.
///
/// The faults, and the seed checks that see them:
/// - `sales.orders` stopped 30 hours ago: `orders-fresh` and `sales-fresh` (6 hours) fail.
/// - `analytics.profit_daily` has a cost outlier yesterday, 10 times the usual cost, so the
///   day's profit is negative. Revenue and cost stay at or above 0, so `revenue-valid` and
///   `cost-valid` as the seed writes them pass; a cost range with a `max` of 100000, or an
///   anomaly check on the newest day's cost, fails.
/// - `raw.events` has no rows in the 24 whole hours from 48 to 24 hours before the demo's
///   hour: `events-complete` fails with 24 empty buckets while `events-volume` passes.
/// - `reporting.investor_growth` is 3% above the sum of `analytics.growth_daily` for the latest
///   quarter: `daily-matches-aggregate` (tolerance 0.5%) fails.
enum DemoWarehouseSQL {
    /// The schemas the script writes into, each an SQLite file attached under that name.
    static let schemas = ["sales", "finance", "analytics", "raw", "reporting"]

    /// The statements that drop, create and fill every demo table as it looks at `now`.
    ///
    /// Run them in one transaction, on a connection with each of ``schemas`` attached (ATTACH
    /// cannot run inside a transaction). Every statement ends with `;` at the end of a line and
    /// holds no other semicolon, so a driver that runs one statement at a time may split on
    /// `";\n"`. About 95,000 rows, half of them engagement events: a fraction of a second.
    ///
    /// - Parameter now: The demo's instant in UTC as `YYYY-MM-DD HH:MM:SS` text, bare
    ///   (`2026-12-03 10:00:00`) or already quoted as an SQL literal (`'2026-12-03 10:00:00'`).
    /// - Returns: The script, with `now` as an SQL text literal wherever it is used.
    static func script(now: String) -> String {
        let quoted = now.count >= 2 && now.hasPrefix("'") && now.hasSuffix("'")
        let bare = quoted ? String(now.dropFirst().dropLast()) : now
        let literal = "'" + bare.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "''") + "'"
        // The instant as Unix seconds, and the starts of its hour and of its day.
        let clock =
            "clock(now_s, hour_s, day_s) AS (SELECT n, n - n % 3600, n - n % 86400 "
            + "FROM (SELECT CAST(strftime('%s', \(literal)) AS INTEGER) AS n))"
        return """
            DROP TABLE IF EXISTS sales.orders;
            DROP TABLE IF EXISTS finance.costs;
            DROP TABLE IF EXISTS analytics.profit_daily;
            DROP TABLE IF EXISTS analytics.unit_profit;
            DROP TABLE IF EXISTS analytics.growth_daily;
            DROP TABLE IF EXISTS analytics.engagement_daily;
            DROP TABLE IF EXISTS raw.signups;
            DROP TABLE IF EXISTS raw.events;
            DROP TABLE IF EXISTS reporting.investor_profit;
            DROP TABLE IF EXISTS reporting.investor_growth;
            DROP TABLE IF EXISTS reporting.investor_engagement;

            -- sales.orders: about 300 orders a day, amounts 20 to 220, costs 45 to 65% of the amount.
            -- FAULT (data source unavailability): the sales feed stopped 30 hours ago, so the newest
            -- updated_at is 30 hours old and orders-fresh and sales-fresh (max_age 6h) fail.
            CREATE TABLE sales.orders (order_id bigint, amount numeric, cost numeric, updated_at timestamp);
            INSERT INTO sales.orders (order_id, amount, cost, updated_at)
            WITH RECURSIVE \(clock),
            walk(i, t, s) AS (
                SELECT 0, now_s - 30 * 3600, 1013904223 FROM clock
                UNION ALL
                SELECT i + 1,
                       t - 1 - CAST(3600.0 / (1.25 * (4 + abs((t / 3600 + 6) % 24 - 12)))
                                    * (0.5 + s / 2147483648.0) AS INTEGER),
                       (s * 1103515245 + 12345) % 2147483648
                FROM walk, clock WHERE t >= day_s - 42 * 86400
            ),
            orders AS (
                SELECT i, t, s, round(20 + (s / 64 % 20000) / 100.0, 2) AS amount
                FROM walk, clock WHERE t >= day_s - 42 * 86400
            )
            SELECT 7400000 - i, amount, round(amount * (0.45 + (s / 8192 % 1000) / 5000.0), 2),
                   datetime(t, 'unixepoch')
            FROM orders ORDER BY t;

            -- finance.costs: about one cost line an hour, the newest 17 minutes old. Fresh.
            CREATE TABLE finance.costs (cost_id bigint, amount numeric, updated_at timestamp);
            INSERT INTO finance.costs (cost_id, amount, updated_at)
            WITH RECURSIVE \(clock),
            walk(i, t, s) AS (
                SELECT 0, now_s - 17 * 60, 1597334677 FROM clock
                UNION ALL
                SELECT i + 1, t - 1800 - CAST(3600 * (s / 2147483648.0) AS INTEGER),
                       (s * 1103515245 + 12345) % 2147483648
                FROM walk, clock WHERE t >= day_s - 42 * 86400
            )
            SELECT 880000 - i, round(150 + (s / 64 % 70000) / 100.0, 2), datetime(t, 'unixepoch')
            FROM walk, clock WHERE t >= day_s - 42 * 86400 ORDER BY t;

            -- analytics.profit_daily: one row per day for the 42 days before today (yesterday is
            -- the newest), revenue about 36,000 and cost 55 to 65% of it.
            -- FAULT (inaccurate cost data due to upstream errors): yesterday's cost is 10 times the
            -- usual, so its profit is about -180,000. Revenue and cost stay >= 0, so revenue-valid
            -- and cost-valid (min 0) pass, while a cost range with max 100000, or an anomaly check on
            -- the newest day's cost, fails.
            CREATE TABLE analytics.profit_daily (day date, quarter text, revenue numeric, cost numeric, profit numeric);
            INSERT INTO analytics.profit_daily (day, quarter, revenue, cost, profit)
            WITH RECURSIVE \(clock),
            walk(k, s) AS (
                SELECT 1, 1857247373
                UNION ALL
                SELECT k + 1, (((s * 1103515245 + 12345) % 2147483648) * 1103515245 + 12345) % 2147483648
                FROM walk WHERE k < 42
            ),
            days AS (
                SELECT date(day_s - k * 86400, 'unixepoch') AS day,
                       round(36000 * (0.9 + 0.2 * s / 2147483648.0), 2) AS revenue,
                       (0.55 + 0.1 * ((s * 1103515245 + 12345) % 2147483648) / 2147483648.0)
                           * (CASE WHEN k = 1 THEN 10 ELSE 1 END) AS cost_share
                FROM walk, clock
            )
            SELECT day, substr(day, 1, 4) || '-Q' || ((CAST(substr(day, 6, 2) AS INTEGER) + 2) / 3), revenue,
                   round(revenue * cost_share, 2), round(revenue - round(revenue * cost_share, 2), 2)
            FROM days ORDER BY day;

            -- reporting.investor_profit: profit per quarter as reported, 0.04% under the sum of the
            -- daily profit (rounding in the report). aggregate-matches-daily (tolerance 0.1%) passes.
            CREATE TABLE reporting.investor_profit (quarter text, profit numeric);
            INSERT INTO reporting.investor_profit (quarter, profit)
            SELECT quarter, round(SUM(profit) * 0.9996, 2) FROM analytics.profit_daily
            GROUP BY quarter ORDER BY quarter;

            -- analytics.unit_profit: the hourly job's profit for 20 experiment units, computed 40
            -- minutes ago and every hour before that for 42 days. Fresh (40 minutes old).
            CREATE TABLE analytics.unit_profit (unit_id bigint, profit numeric, computed_at timestamp);
            INSERT INTO analytics.unit_profit (unit_id, profit, computed_at)
            WITH RECURSIVE \(clock),
            walk(i, s) AS (
                SELECT 0, 1234567891
                UNION ALL
                SELECT i + 1, (s * 1103515245 + 12345) % 2147483648 FROM walk WHERE i < 42 * 24 * 20 - 1
            )
            SELECT 101 + i % 20,
                   round((i % 20 * 37 % 20 * 25 - 100) * (0.8 + 0.4 * s / 2147483648.0)
                         + (s / 64 % 4000) / 100.0 - 20, 2),
                   datetime(now_s - 40 * 60 - i / 20 * 3600, 'unixepoch')
            FROM walk, clock ORDER BY i DESC;

            -- raw.signups: about 320 signups a day with the hourly rhythm, never more than 17 minutes
            -- apart, so every hour has rows (signups-complete passes). The newest is 95 seconds old.
            CREATE TABLE raw.signups (user_id bigint, created_at timestamp);
            INSERT INTO raw.signups (user_id, created_at)
            WITH RECURSIVE \(clock),
            walk(i, t, s) AS (
                SELECT 0, now_s - 95, 1948269781 FROM clock
                UNION ALL
                SELECT i + 1,
                       t - 1 - CAST(3600.0 / (1.3333 * (4 + abs((t / 3600 + 6) % 24 - 12)))
                                    * (0.5 + s / 2147483648.0) AS INTEGER),
                       (s * 1103515245 + 12345) % 2147483648
                FROM walk, clock WHERE t >= day_s - 42 * 86400
            )
            SELECT 1020000 - i, datetime(t, 'unixepoch') FROM walk, clock
            WHERE t >= day_s - 42 * 86400 ORDER BY t;

            -- analytics.growth_daily: new users per day counted from raw.signups, today's row
            -- included (its count so far), so growth-daily-volume finds a row in the last day.
            CREATE TABLE analytics.growth_daily (day date, quarter text, new_users integer);
            INSERT INTO analytics.growth_daily (day, quarter, new_users)
            WITH RECURSIVE \(clock),
            walk(k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM walk WHERE k < 42),
            days AS (SELECT date(day_s - k * 86400, 'unixepoch') AS day FROM walk, clock),
            counts AS (SELECT substr(created_at, 1, 10) AS day, COUNT(*) AS n FROM raw.signups GROUP BY 1)
            SELECT days.day, substr(days.day, 1, 4) || '-Q' || ((CAST(substr(days.day, 6, 2) AS INTEGER) + 2) / 3),
                   COALESCE(counts.n, 0)
            FROM days LEFT JOIN counts ON counts.day = days.day ORDER BY days.day;

            -- reporting.investor_growth: new users per quarter as reported.
            -- FAULT (misalignment between daily and aggregate growth numbers): the latest quarter is
            -- 3% above the sum of analytics.growth_daily (at least 1 above), so daily-matches-aggregate
            -- (tolerance 0.5%) fails. Earlier quarters agree.
            CREATE TABLE reporting.investor_growth (quarter text, new_users integer);
            INSERT INTO reporting.investor_growth (quarter, new_users)
            SELECT quarter,
                   CASE WHEN quarter = (SELECT MAX(quarter) FROM analytics.growth_daily)
                        THEN total + max(CAST(round(total * 0.03) AS INTEGER), 1) ELSE total END
            FROM (SELECT quarter, SUM(new_users) AS total FROM analytics.growth_daily GROUP BY quarter)
            ORDER BY quarter;

            -- raw.events: engagement events, kept for 3 days (from 72 hours before this hour to now),
            -- about 24,000 a day with the hourly rhythm.
            -- FAULT (missing user engagement events from tracking systems): none in the 24 whole hours
            -- from 48 to 24 hours before this hour. events-complete (1h buckets over 2 days) finds
            -- those 24 buckets empty. events-volume counts about 24,000 rows in the last day and
            -- passes a min_rows of 20000.
            CREATE TABLE raw.events (event_id text, user_id bigint, event_time timestamp, name text);
            INSERT INTO raw.events (event_id, user_id, event_time, name)
            WITH RECURSIVE \(clock),
            -- v walks back, in milliseconds, over the 48 hours that have events. Those more than
            -- 24 hours before this hour move back a further 24 hours, which leaves the gap.
            walk(i, v, s) AS (
                SELECT 0, now_s * 1000 - 700, 1477211653 FROM clock
                UNION ALL
                SELECT i + 1,
                       v - 1 - CAST(3600000.0 / (100 * (4 + abs((v / 3600000 + 6) % 24 - 12)))
                                    * (0.5 + s / 2147483648.0) AS INTEGER),
                       (s * 1103515245 + 12345) % 2147483648
                FROM walk, clock WHERE v >= (hour_s - 48 * 3600) * 1000
            ),
            events(t, s) AS (
                SELECT CASE WHEN v < (hour_s - 24 * 3600) * 1000 THEN v - 24 * 3600 * 1000 ELSE v END, s
                FROM walk, clock WHERE v >= (hour_s - 48 * 3600) * 1000
            )
            SELECT printf('evt_%x', t), 960001 + s / 64 % 60000, datetime(t / 1000, 'unixepoch'),
                   CASE WHEN s / 4096 % 100 < 45 THEN 'page_view' WHEN s / 4096 % 100 < 65 THEN 'click'
                        WHEN s / 4096 % 100 < 75 THEN 'search' WHEN s / 4096 % 100 < 85 THEN 'session_start'
                        WHEN s / 4096 % 100 < 93 THEN 'add_to_cart' WHEN s / 4096 % 100 < 97 THEN 'checkout'
                        ELSE 'purchase' END
            FROM events ORDER BY t;

            -- analytics.engagement_daily: daily active users for the 42 days before today, about
            -- 6,000 on weekdays and 15% fewer at weekends. The two days that lost events to the gap
            -- in raw.events show fewer active users, in proportion to the hours they lost.
            CREATE TABLE analytics.engagement_daily (day date, month text, active_users integer);
            INSERT INTO analytics.engagement_daily (day, month, active_users)
            WITH RECURSIVE \(clock),
            walk(k, s) AS (
                SELECT 1, 1103527590
                UNION ALL
                SELECT k + 1, (s * 1103515245 + 12345) % 2147483648 FROM walk WHERE k < 42
            ),
            days AS (
                SELECT day_s - k * 86400 AS start, s,
                       max(0, min(day_s - k * 86400 + 86400, hour_s - 24 * 3600)
                              - max(day_s - k * 86400, hour_s - 48 * 3600)) AS lost
                FROM walk, clock
            )
            SELECT date(start, 'unixepoch'), strftime('%Y-%m', start, 'unixepoch'),
                   CAST(6000 * (CASE WHEN (start / 86400 + 4) % 7 IN (0, 6) THEN 0.85 ELSE 1.0 END)
                        * (0.95 + 0.1 * s / 2147483648.0) * (1 - 0.6 * lost / 86400.0) AS INTEGER)
            FROM days ORDER BY start;

            -- reporting.investor_engagement: the month's summed daily active users as reported, 0.3%
            -- under analytics.engagement_daily (test accounts removed). engagement-reconciles
            -- (tolerance 1%) passes.
            CREATE TABLE reporting.investor_engagement (month text, active_users integer);
            INSERT INTO reporting.investor_engagement (month, active_users)
            SELECT month, CAST(round(SUM(active_users) * 0.997) AS INTEGER) FROM analytics.engagement_daily
            GROUP BY month ORDER BY month;

            """
    }
}
