"""Writes N equivalent data checks for Soda Core and for Pipewatch over the bench schema.

    python generate.py --url postgres://pipewatch:pipewatch@127.0.0.1:PORT/pipewatch_test \
        --out DIR --checks 100 [--checks 1000] [--soda-samples-limit 0]

For each N it writes DIR/N/:
  configuration.yml   Soda's data source `bench` (password from ${BENCH_PG_PASSWORD})
  checks.yml          SodaCL, one check per Pipewatch check, each named with the Pipewatch check id
  pipewatch.yaml      the same checks as a Pipewatch config (source `bench`, password_env BENCH_PG_PASSWORD)
  checks.json         the mapping compare.py reads: id, pipeline, kind, the SodaCL line, the verdict
                      Soda should give (worked out here from the data), and whether it is an edge case
It also writes DIR/facts.json: what the data holds (row and NULL counts, min/max, newest
timestamps, duplicate counts), read once from the database.

Thresholds are chosen from the facts so that every ordinary ("core") check has a verdict that does
not depend on the fine print: no threshold sits where Soda's rounding, its treatment of NULL keys or
the way duplicates are counted (groups, rows, surplus rows) could tip it, and freshness thresholds
stay hours away from the data's age. "Edge" checks do the opposite on purpose: each probes one
Soda rule that Pipewatch must copy for the verdicts to agree (see EDGE_NOTES).
Deterministic: the same data gives the same checks (freshness thresholds follow the data's age).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import os
import random
import sys
import urllib.parse

import psycopg2

# What data.sql creates. Types are as information_schema.columns.data_type shows them.
TABLES: dict[str, dict] = {
    "orders": {
        "columns": {
            "order_id": "bigint", "customer_id": "bigint", "amount": "numeric", "status": "text",
            "discount": "numeric", "created_at": "timestamp without time zone",
            "updated_at": "timestamp without time zone",
        },
        "keys": [["order_id"], ["order_id", "status"], ["customer_id", "created_at"]],
    },
    "customers": {
        "columns": {
            "customer_id": "bigint", "email": "text", "country": "text", "credit_limit": "numeric",
            "signup_at": "timestamp without time zone", "updated_at": "timestamp without time zone",
        },
        "keys": [["customer_id"], ["email"], ["customer_id", "country"]],
    },
    "events": {
        "columns": {
            "event_id": "bigint", "user_id": "bigint", "event_type": "text", "payload_bytes": "integer",
            "session_id": "text", "occurred_at": "timestamp without time zone",
            "received_at": "timestamp without time zone",
        },
        "keys": [["event_id"], ["session_id", "event_type"], ["user_id", "occurred_at"]],
    },
    "payments": {
        "columns": {
            "payment_id": "bigint", "order_id": "bigint", "amount": "numeric", "fee": "double precision",
            "currency": "text", "status": "text", "paid_at": "timestamp without time zone",
        },
        "keys": [["payment_id"], ["order_id"], ["payment_id", "status"]],
    },
    "inventory": {
        "columns": {
            "sku_id": "bigint", "warehouse": "text", "quantity": "integer", "unit_cost": "numeric",
            "reorder_level": "integer", "updated_at": "timestamp without time zone",
            "counted_at": "timestamp with time zone",
        },
        "keys": [["sku_id"], ["warehouse", "sku_id"]],
    },
    "refunds": {
        "columns": {
            "refund_id": "bigint", "payment_id": "bigint", "amount": "numeric", "reason": "text",
            "created_at": "timestamp without time zone",
        },
        "keys": [["refund_id"]],
    },
}
NUMERIC = {"bigint", "integer", "numeric", "double precision"}
TIMESTAMP = {"timestamp without time zone", "timestamp with time zone"}
ID_COLUMNS = {"order_id", "customer_id", "event_id", "payment_id", "sku_id", "refund_id", "user_id"}

# How Pipewatch's schema checks spell the types in the core checks (the short names people write).
PIPEWATCH_TYPE = {"timestamp without time zone": "timestamp", "timestamp with time zone": "timestamp with time zone"}

# Kinds of core checks, by share of the total.
WEIGHTS = [("volume", 0.10), ("missing", 0.30), ("range", 0.30), ("freshness", 0.12), ("duplicates", 0.15),
           ("schema", 0.03)]

# A freshness threshold passes only when it is this far above the newest row's age (the benchmark
# runs for a while after generation) and fails only when this far below it.
FRESH_PASS_MARGIN = 3 * 3600
FRESH_FAIL_MARGIN = 120

EDGE_NOTES = {
    "missing-percent-rounding": "Soda rounds missing_percent to 2 decimals before comparing: 2502 of 50000 "
                                "NULLs is 5.004%, read as 5.0, so `<= 5` passes (the exact share exceeds 5%)",
    "missing-percent-boundary": "exactly 5.000% NULL against a 5% limit: Soda passes (the limit is inclusive)",
    "missing-percent-empty": "missing_percent of an empty table is 0 in Soda: pass",
    "range-empty-min": "min() of an empty table is NULL: Soda leaves the check NOT EVALUATED (absent from "
                       "the scan results, no outcome)",
    "range-empty-both": "invalid_count with valid min/max on an empty table is 0: pass",
    "range-inclusive": "bounds equal to the actual min and max: Soda's min/max and valid min/max are inclusive",
    "freshness-empty": "freshness of an empty table (max is NULL): Soda fails",
    "freshness-timestamptz": "freshness of a timestamptz column: Soda converts to UTC",
    "volume-empty": "row_count of an empty table is 0",
    "dupes-null-keys": "Soda's duplicate_count ignores rows where any key column is NULL: 100 NULL updated_at "
                       "values are not duplicates",
    "dupes-count-groups": "Soda's duplicate_count counts distinct duplicated keys (groups with count > 1), "
                          "not rows: 40 duplicated ids (10 three times, 30 twice) count 40; the surplus rows "
                          "are 50 and the rows involved 90",
    "dupes-count-groups-nulls": "email: 100 duplicated values (200 rows) plus 2500 NULLs; Soda counts 100",
    "schema-alias-timestamptz": "Soda treats `timestamptz` as `timestamp with time zone`",
    "schema-uppercase": "Soda lower-cases the expected type: `BIGINT` matches bigint",
    "schema-varchar-for-text": "Soda's alias table maps `character varying` to [varchar, text], so an expected "
                               "`character varying` matches a text column",
    "schema-numeric-for-double": "Soda's alias table maps `double precision` to [decimal, numeric], so an expected "
                                 "`numeric` matches a double precision column",
    "schema-decimal-for-numeric": "Soda has no alias `decimal` -> numeric: an expected `decimal` fails on a "
                                  "numeric column",
    "schema-numeric-precision": "Soda compares with information_schema data_type (`numeric`, no precision): an "
                                "expected `numeric(12,2)` fails",
    "schema-order": "`when mismatching columns` ignores column order",
}


# --------------------------------------------------------------------------------------------- facts

def connect(url: str, password: str | None):
    u = urllib.parse.urlsplit(url)
    query = dict(urllib.parse.parse_qsl(u.query))
    return psycopg2.connect(
        host=u.hostname, port=u.port or 5432, user=urllib.parse.unquote(u.username or ""),
        password=urllib.parse.unquote(u.password) if u.password else password,
        dbname=u.path.lstrip("/"), sslmode=query.get("sslmode", "prefer"),
    )


def as_utc(value):
    if value is None:
        return None
    if value.tzinfo is None:  # timestamp without time zone holds UTC wall-clock times (Soda's reading too)
        return value.replace(tzinfo=dt.timezone.utc)
    return value.astimezone(dt.timezone.utc)


def read_facts(conn) -> dict:
    facts: dict = {"read_at": dt.datetime.now(dt.timezone.utc).isoformat(), "tables": {}}
    with conn.cursor() as cur:
        cur.execute("SELECT anchor FROM bench.load_info")
        facts["anchor"] = cur.fetchone()[0].isoformat()
        for table, spec in TABLES.items():
            cols = spec["columns"]
            exprs = ["count(*)"]
            for c, t in cols.items():
                exprs.append(f"count(*) - count({c})")
                if t in NUMERIC or t in TIMESTAMP:
                    exprs += [f"min({c})", f"max({c})"]
            cur.execute(f"SELECT {', '.join(exprs)} FROM bench.{table}")
            row = list(cur.fetchone())
            tf = {"rows": row.pop(0), "columns": {}}
            for c, t in cols.items():
                cf = {"type": t, "nulls": row.pop(0)}
                if t in NUMERIC or t in TIMESTAMP:
                    lo, hi = row.pop(0), row.pop(0)
                    if t in TIMESTAMP:
                        cf["newest"] = as_utc(hi).isoformat() if hi is not None else None
                    else:
                        cf["min"] = None if lo is None else float(lo)
                        cf["max"] = None if hi is None else float(hi)
                tf["columns"][c] = cf
            cur.execute(
                "SELECT column_name, data_type FROM information_schema.columns "
                "WHERE table_schema = 'bench' AND table_name = %s ORDER BY ordinal_position", (table,))
            catalog = dict(cur.fetchall())
            if catalog != cols:
                sys.exit(f"generate.py: bench.{table} has columns {catalog}, expected {cols}: reload the data")
            tf["keys"] = {}
            for key in spec["keys"]:
                k = ", ".join(key)
                not_null = " AND ".join(f"{c} IS NOT NULL" for c in key)
                q = ("SELECT count(*) FILTER (WHERE f > 1), coalesce(sum(f) FILTER (WHERE f > 1), 0) "
                     "FROM (SELECT count(*) AS f FROM bench.{t} {w} GROUP BY {k}) g")
                cur.execute(q.format(t=table, w=f"WHERE {not_null}", k=k))
                groups, rows = cur.fetchone()
                cur.execute(q.format(t=table, w="", k=k))
                groups_n, rows_n = cur.fetchone()
                tf["keys"][k] = {"groups": groups, "rows": int(rows), "groups_with_nulls": groups_n,
                                 "rows_with_nulls": int(rows_n)}
            facts["tables"][table] = tf
    return facts


# --------------------------------------------------------------------------------------------- checks

class Check:
    def __init__(self, table, kind, pipewatch: dict, soda_line: str, soda_config: dict | None, expected: str,
                 tag: str = "core", note: str | None = None, signature=None):
        self.table, self.kind, self.pipewatch, self.soda_line = table, kind, pipewatch, soda_line
        self.soda_config = soda_config or {}
        self.expected, self.tag, self.note = expected, tag, note
        self.signature = signature or (table, kind, json.dumps(pipewatch, sort_keys=True))
        self.id = ""


def fmt_num(x: float) -> str:
    if float(x).is_integer():
        return str(int(x))
    return f"{x:.2f}".rstrip("0").rstrip(".")


def fmt_duration(seconds: int) -> str:
    parts = []
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60), ("s", 1)):
        if seconds >= size:
            parts.append(f"{seconds // size}{unit}")
            seconds %= size
    return "".join(parts) or "0s"


def volume(table, tf, rng, want_pass: bool) -> Check | None:
    n = tf["rows"]
    shape = rng.choice(["min", "min", "max", "between"])
    below = [v for v in sorted({1, n // 2, int(n * 0.9), int(n * 0.99), n, int(n * rng.uniform(0.3, 1.0))}) if 0 < v <= n] or [0]
    above = [n + 1, int(n * 1.1) + 1, n * 2 + 1, int(n * rng.uniform(1.0, 3.0)) + 1, n + rng.randint(1, 1000)]
    under = [v for v in sorted({n - 1, n // 2, int(n * rng.uniform(0.1, 0.99))}) if 0 <= v < n]
    pw = {"table": f"bench.{table}"}
    if shape == "min":
        lo = rng.choice(below if want_pass else above)
        pw["min_rows"], line = lo, f"row_count >= {lo}"
    elif shape == "max":
        if not want_pass and not under:
            return None
        hi = rng.choice([n] + above if want_pass else under)
        pw["max_rows"], line = hi, f"row_count <= {hi}"
    else:
        if want_pass:
            lo, hi = rng.choice(below), rng.choice([n] + above)
        elif under and rng.random() < 0.5:
            hi = rng.choice(under)
            lo = rng.randint(0, hi)
        else:
            lo = rng.choice(above)
            hi = lo + rng.choice([0, 10, n])
        pw["min_rows"], pw["max_rows"], line = lo, hi, f"row_count between {lo} and {hi}"
    ok = pw.get("min_rows", 0) <= n <= pw.get("max_rows", n)
    if ok != want_pass:
        return None
    return Check(table, "volume", {"volume": pw}, line, None, "pass" if ok else "fail")


def missing(table, tf, rng, want_pass: bool) -> Check | None:
    n = tf["rows"]
    col = rng.choice(list(tf["columns"]))
    nulls = tf["columns"][col]["nulls"]
    if rng.random() < 0.5:
        if want_pass:
            limit = rng.choice([nulls, nulls + 1, nulls * 2, nulls + rng.randint(0, 5000),
                                int(math.ceil(nulls * rng.uniform(1, 4)))])
        else:
            if nulls == 0:
                return None
            limit = rng.choice([0, nulls - 1, nulls // 2, rng.randint(0, nulls - 1)])
        pw = {"table": f"bench.{table}", "column": col, "max_count": limit}
        line = f"missing_count({col}) <= {limit}"
        ok = nulls <= limit
    else:
        share = 100.0 * nulls / n if n else 0.0
        pct = rng.choice([0.1, 0.2, 0.5, 1, 1.5, 2, 2.5, 3, 4, 5, 7.5, 10, 12, 12.5, 15, 20, 25, 50,
                          round(rng.uniform(0.05, 30), 2)])
        # Core checks stay clear of Soda's rounding of the share to 2 decimals.
        if n and ((round(share, 2) <= pct) != (share <= pct) or abs(share - pct) < 1e-9):
            return None
        pw = {"table": f"bench.{table}", "column": col, "max_percent": f"{fmt_num(pct)}%"}
        line = f"missing_percent({col}) <= {fmt_num(pct)}"
        ok = (round(share, 2) if n else 0.0) <= pct
    if ok != want_pass:
        return None
    return Check(table, "missing", {"missing": pw}, line, None, "pass" if ok else "fail")


def nice_below(x: float, rng) -> float:
    step = rng.choice([1, 10, 100])
    return math.floor(x / step) * step - rng.choice([0, step, 2 * step])


def nice_above(x: float, rng) -> float:
    step = rng.choice([1, 10, 100])
    return math.ceil(x / step) * step + rng.choice([0, step, 2 * step])


def range_check(table, tf, rng, want_pass: bool) -> Check | None:
    numeric = [c for c, f in tf["columns"].items() if f["type"] in NUMERIC and c not in ID_COLUMNS]
    if not numeric or tf["rows"] == 0:
        return None
    col = rng.choice(numeric)
    lo, hi = tf["columns"][col]["min"], tf["columns"][col]["max"]
    if lo is None or hi <= lo:
        return None
    shape = rng.choice(["both", "both", "min", "max"])
    a, b = nice_below(lo, rng), nice_above(hi, rng)
    if not want_pass:
        # Move one bound (or both) inside the data.
        digits = rng.choice([0, 0, 1, 2])
        inner_lo = round(lo + (hi - lo) * rng.uniform(0.01, 0.6), digits)
        inner_hi = round(hi - (hi - lo) * rng.uniform(0.01, 0.6), digits)
        tighten = shape if shape != "both" else rng.choice(["min", "max", "both"])
        if tighten in ("min", "both"):
            a = inner_lo
        if tighten in ("max", "both"):
            b = inner_hi
    # Core checks keep bounds off the actual min and max (inclusive bounds are an edge case).
    if a > b or a == lo or b == hi:
        return None
    a, b = (int(v) if float(v).is_integer() else v for v in (a, b))
    pw: dict = {"table": f"bench.{table}", "column": col}
    config = None
    if shape == "min":
        pw["min"], line, ok = a, f"min({col}) >= {fmt_num(a)}", lo >= a
    elif shape == "max":
        pw["max"], line, ok = b, f"max({col}) <= {fmt_num(b)}", hi <= b
    else:
        pw["min"], pw["max"] = a, b
        line, config, ok = f"invalid_count({col}) = 0", {"valid min": a, "valid max": b}, lo >= a and hi <= b
    if ok != want_pass:
        return None
    return Check(table, "range", {"range": pw}, line, config, "pass" if ok else "fail")


FRESH_MENU = [60, 300, 600, 900, 1800, 3600, 5400, 7200, 3 * 3600, 4 * 3600, 6 * 3600, 8 * 3600, 12 * 3600,
              18 * 3600, 86400, 86400 + 6 * 3600, 86400 + 12 * 3600, 2 * 86400, 3 * 86400, 4 * 86400,
              5 * 86400, 6 * 86400, 7 * 86400, 10 * 86400, 14 * 86400, 30 * 86400, 90 * 86400]


def freshness(table, tf, rng, want_pass: bool, now: dt.datetime) -> Check | None:
    cols = [c for c, f in tf["columns"].items() if f["type"] in TIMESTAMP]
    col = rng.choice(cols)
    newest = tf["columns"][col]["newest"]
    if newest is None:
        if want_pass:
            return None
        age = None
    else:
        age = (now - dt.datetime.fromisoformat(newest)).total_seconds()
    base = rng.choice(FRESH_MENU)
    seconds = base if rng.random() < 0.7 else base + rng.choice([60, 300, 1800, 3600])
    if age is None:
        ok = False
    elif seconds >= age + FRESH_PASS_MARGIN:
        ok = True
    elif seconds <= age - FRESH_FAIL_MARGIN:
        ok = False
    else:
        return None
    if ok != want_pass:
        return None
    text = fmt_duration(seconds)
    pw = {"table": f"bench.{table}", "column": col, "max_age": text}
    return Check(table, "freshness", {"freshness": pw}, f"freshness({col}) < {text}", None,
                 "pass" if ok else "fail")


def duplicates(table, tf, rng, want_pass: bool) -> Check | None:
    key = rng.choice(list(tf["keys"]))
    k = tf["keys"][key]
    readings = [k["groups"], k["rows"], k["rows"] - k["groups"], k["groups_with_nulls"], k["rows_with_nulls"],
                k["rows_with_nulls"] - k["groups_with_nulls"]]
    lo, hi = min(readings), max(readings)
    if want_pass:
        limit = rng.choice([hi, hi + 1, hi * 2, hi + rng.randint(1, 1000), 0 if hi == 0 else hi + 10])
    else:
        if lo == 0:
            return None
        limit = rng.choice([0, lo - 1, lo // 2, rng.randint(0, lo - 1)])
    ok = k["groups"] <= limit
    if ok != want_pass or (not ok and limit >= lo) or (ok and limit < hi):
        return None
    cols = [c.strip() for c in key.split(",")]
    pw = {"table": f"bench.{table}", "columns": cols, "max_count": limit}
    return Check(table, "duplicates", {"duplicates": pw}, f"duplicate_count({key}) <= {limit}", None,
                 "pass" if ok else "fail")


WRONG_TYPE = {"bigint": ["integer", "text", "numeric"], "integer": ["bigint", "text"], "numeric": ["bigint", "text", "integer"],
              "text": ["integer", "bigint", "numeric"], "double precision": ["integer", "text"],
              "timestamp without time zone": ["date", "text", "timestamp with time zone"],
              "timestamp with time zone": ["timestamp without time zone", "date"]}


def schema(table, tf, rng, want_pass: bool) -> Check | None:
    actual = {c: f["type"] for c, f in tf["columns"].items()}
    expected = dict(actual)
    variant = "exact"
    if not want_pass:
        variant = rng.choice(["wrong-type", "wrong-type", "unlisted-column", "absent-column"])
        col = rng.choice(list(actual))
        if variant == "wrong-type":
            expected[col] = rng.choice(WRONG_TYPE[actual[col]])
        elif variant == "unlisted-column":
            del expected[col]
        else:
            expected[rng.choice(["id", "deleted_at", "source", "batch_id", "tenant_id", "note", col + "_v2"])] = "text"
    # Timestamps by their short name (`timestamp`) or their catalog name, column by column.
    cols = {c: t if t != "timestamp without time zone" or rng.random() < 0.3 else "timestamp"
            for c, t in expected.items()}
    pw = {"table": f"bench.{table}", "columns": cols}
    return Check(table, "schema", {"schema": pw}, "schema", {"fail": {"when mismatching columns": cols}},
                 "pass" if want_pass else "fail", note=variant)


def edge_checks(facts: dict) -> list[Check]:
    t = facts["tables"]
    edges: list[Check] = []

    def add(table, kind, pw, line, config, expected, note):
        edges.append(Check(table, kind, {kind: pw}, line, config, expected, tag="edge", note=note))

    inv = t["inventory"]["columns"]
    assert inv["reorder_level"]["nulls"] == 2502 and inv["unit_cost"]["nulls"] == 2500
    add("inventory", "missing", {"table": "bench.inventory", "column": "reorder_level", "max_percent": "5%"},
        "missing_percent(reorder_level) <= 5", None, "pass", "missing-percent-rounding")
    add("inventory", "missing", {"table": "bench.inventory", "column": "unit_cost", "max_percent": "5%"},
        "missing_percent(unit_cost) <= 5", None, "pass", "missing-percent-boundary")
    add("refunds", "missing", {"table": "bench.refunds", "column": "reason", "max_percent": "1%"},
        "missing_percent(reason) <= 1", None, "pass", "missing-percent-empty")
    add("refunds", "range", {"table": "bench.refunds", "column": "amount", "min": 0},
        "min(amount) >= 0", None, "not_evaluated", "range-empty-min")
    add("refunds", "range", {"table": "bench.refunds", "column": "amount", "min": 0, "max": 10000},
        "invalid_count(amount) = 0", {"valid min": 0, "valid max": 10000}, "pass", "range-empty-both")
    pay = t["payments"]["columns"]["amount"]
    add("payments", "range", {"table": "bench.payments", "column": "amount", "min": int(pay["min"]), "max": int(pay["max"])},
        "invalid_count(amount) = 0", {"valid min": int(pay["min"]), "valid max": int(pay["max"])}, "pass",
        "range-inclusive")
    add("payments", "range", {"table": "bench.payments", "column": "amount", "max": int(pay["max"])},
        f"max(amount) <= {int(pay['max'])}", None, "pass", "range-inclusive")
    add("refunds", "freshness", {"table": "bench.refunds", "column": "created_at", "max_age": "30d"},
        "freshness(created_at) < 30d", None, "fail", "freshness-empty")
    counted = (dt.datetime.fromisoformat(facts["read_at"]) - dt.datetime.fromisoformat(inv["counted_at"]["newest"]))
    assert counted.total_seconds() > 3600 + FRESH_FAIL_MARGIN
    hours = math.ceil((counted.total_seconds() + FRESH_PASS_MARGIN) / 3600)
    add("inventory", "freshness", {"table": "bench.inventory", "column": "counted_at", "max_age": f"{hours}h"},
        f"freshness(counted_at) < {hours}h", None, "pass", "freshness-timestamptz")
    add("inventory", "freshness", {"table": "bench.inventory", "column": "counted_at", "max_age": "1h"},
        "freshness(counted_at) < 1h", None, "fail", "freshness-timestamptz")
    add("refunds", "volume", {"table": "bench.refunds", "min_rows": 1}, "row_count >= 1", None, "fail", "volume-empty")
    add("refunds", "volume", {"table": "bench.refunds", "max_rows": 0}, "row_count <= 0", None, "pass", "volume-empty")

    add("orders", "duplicates", {"table": "bench.orders", "columns": ["updated_at"], "max_count": 0},
        "duplicate_count(updated_at) <= 0", None, "pass", "dupes-null-keys")
    cust = t["customers"]["keys"]
    assert (cust["customer_id"]["groups"], cust["customer_id"]["rows"]) == (40, 90) and cust["email"]["groups"] == 100
    for limit in (40, 45, 60):  # Soda (40 keys) passes all three; 50 surplus rows fail two, 90 rows all three
        add("customers", "duplicates", {"table": "bench.customers", "columns": ["customer_id"], "max_count": limit},
            f"duplicate_count(customer_id) <= {limit}", None, "pass", "dupes-count-groups")
    add("customers", "duplicates", {"table": "bench.customers", "columns": ["email"], "max_count": 150},
        "duplicate_count(email) <= 150", None, "pass", "dupes-count-groups-nulls")

    def schema_edge(table, overrides, expected, note, reorder=False):
        cols = {c: PIPEWATCH_TYPE.get(f["type"], f["type"]) for c, f in t[table]["columns"].items()}
        cols.update(overrides)
        if reorder:
            cols = dict(reversed(list(cols.items())))
        add(table, "schema", {"table": f"bench.{table}", "columns": cols}, "schema",
            {"fail": {"when mismatching columns": cols}}, expected, note)

    schema_edge("inventory", {"counted_at": "timestamptz"}, "pass", "schema-alias-timestamptz")
    schema_edge("orders", {"order_id": "BIGINT", "amount": "NUMERIC"}, "pass", "schema-uppercase")
    schema_edge("customers", {"email": "character varying", "country": "character varying"}, "pass",
                "schema-varchar-for-text")
    schema_edge("payments", {"fee": "numeric"}, "pass", "schema-numeric-for-double")
    schema_edge("orders", {"amount": "decimal"}, "fail", "schema-decimal-for-numeric")
    schema_edge("orders", {"amount": "numeric(12,2)"}, "fail", "schema-numeric-precision")
    schema_edge("events", {}, "pass", "schema-order", reorder=True)
    return edges


def generate(facts: dict, n: int, seed: int, with_edges: bool) -> list[Check]:
    rng = random.Random(f"{seed}-{n}")
    now = dt.datetime.fromisoformat(facts["read_at"])
    checks: list[Check] = edge_checks(facts) if with_edges else []
    seen = {c.signature for c in checks}
    core = n - len(checks)
    if core < len(WEIGHTS):
        sys.exit(f"generate.py: {n} checks leave too few for the core kinds after {len(checks)} edge checks")
    quotas = [(kind, max(1, round(core * w))) for kind, w in WEIGHTS]
    quotas[1] = ("missing", quotas[1][1] + core - sum(q for _, q in quotas))  # missing takes the rounding
    tables = list(TABLES)
    for kind, quota in quotas:
        made, attempts = 0, 0
        while made < quota:
            attempts += 1
            if attempts > quota * 500:
                sys.exit(f"generate.py: could not make {quota} distinct {kind} checks")
            table = tables[(made + attempts) % len(tables)]
            tf = facts["tables"][table]
            want_pass = rng.random() < 0.7
            if kind == "volume":
                c = volume(table, tf, rng, want_pass)
            elif kind == "missing":
                c = missing(table, tf, rng, want_pass) if tf["rows"] or want_pass else None
            elif kind == "range":
                c = range_check(table, tf, rng, want_pass)
            elif kind == "freshness":
                c = freshness(table, tf, rng, want_pass, now)
            elif kind == "duplicates":
                c = duplicates(table, tf, rng, want_pass) if tf["rows"] else None
            else:
                c = schema(table, tf, rng, want_pass)
            if c is None or c.signature in seen:
                continue
            seen.add(c.signature)
            checks.append(c)
            made += 1
    order = {t: i for i, t in enumerate(TABLES)}
    checks.sort(key=lambda c: (order[c.table], c.tag == "edge"))  # stable: kinds keep their order
    counters: dict[str, int] = {}
    for c in checks:
        stem = f"{c.table}-{c.kind}" + ("-edge" if c.tag == "edge" else "")
        counters[stem] = counters.get(stem, 0) + 1
        c.id = f"{stem}-{counters[stem]}"
    return checks


# --------------------------------------------------------------------------------------------- output

def yaml_scalar(v) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return fmt_num(v) if isinstance(v, float) else str(v)
    s = str(v)
    try:
        float(s)
        looks_like_number = True
    except ValueError:
        looks_like_number = False
    if (s == "" or looks_like_number or any(ch in s for ch in ":#{}[],&*!|>'\"@`") or s.strip() != s
            or s[0] in "-?%" or s.lower() in ("yes", "no", "true", "false", "null", "on", "off", "~")):
        return json.dumps(s)
    return s


def flow(v) -> str:
    if isinstance(v, dict):
        return "{ " + ", ".join(f"{yaml_scalar(k)}: {flow(x)}" for k, x in v.items()) + " }"
    if isinstance(v, list):
        return "[" + ", ".join(flow(x) for x in v) + "]"
    return yaml_scalar(v)


def block(v, indent: int) -> list[str]:
    pad = " " * indent
    lines = []
    for k, x in v.items():
        if isinstance(x, dict):
            lines.append(f"{pad}{yaml_scalar(k)}:")
            lines += block(x, indent + 2)
        else:
            lines.append(f"{pad}{yaml_scalar(k)}: {flow(x)}")
    return lines


def write_soda(dirname: str, checks: list[Check], url: str, samples_limit: int | None):
    u = urllib.parse.urlsplit(url)
    query = dict(urllib.parse.parse_qsl(u.query))
    with open(os.path.join(dirname, "configuration.yml"), "w") as f:
        f.write("# Soda Core data source for the benchmark (written by Benchmarks/checks/generate.py).\n")
        f.write("data_source bench:\n  type: postgres\n")
        f.write(f"  host: {u.hostname}\n  port: {u.port or 5432}\n  username: {urllib.parse.unquote(u.username)}\n")
        f.write("  password: ${BENCH_PG_PASSWORD}\n")
        f.write(f"  database: {u.path.lstrip('/')}\n  schema: bench\n  sslmode: {query.get('sslmode', 'prefer')}\n")
    by_table: dict[str, list[Check]] = {}
    for c in checks:
        by_table.setdefault(c.table, []).append(c)
    lines = ["# SodaCL checks equivalent to pipewatch.yaml; each is named with the Pipewatch check id.",
             f"# {len(checks)} checks (written by Benchmarks/checks/generate.py)."]
    for table, group in by_table.items():
        lines.append(f"checks for {table}:")
        for c in group:
            lines.append(f"  - {c.soda_line}:")
            lines.append(f"      name: {c.id}")
            if samples_limit is not None and c.kind != "schema":
                lines.append(f"      samples limit: {samples_limit}")
            lines += block(c.soda_config, 6)
    with open(os.path.join(dirname, "checks.yml"), "w") as f:
        f.write("\n".join(lines) + "\n")


def write_pipewatch(dirname: str, checks: list[Check], url: str):
    u = urllib.parse.urlsplit(url)
    source_url = f"postgres://{urllib.parse.unquote(u.username)}@{u.hostname}:{u.port or 5432}{u.path}"
    lines = [
        f"# Pipewatch config equivalent to checks.yml: {len(checks)} checks (written by Benchmarks/checks/generate.py).",
        "sources:",
        "  bench:",
        f"    url: {source_url}",
        "    password_env: BENCH_PG_PASSWORD",
        "    max_connections: 4",
        "team:",
        "  name: Bench",
        "  timezone: UTC",
        "  source: bench",
        "engineers:",
        "  a: { name: Bench Engineer A, region: US, contacts: [{ webhook: { url_env: BENCH_WEBHOOK_URL, secret_env: BENCH_WEBHOOK_SECRET } }] }",
        "  b: { name: Bench Engineer B, region: GB, contacts: [{ webhook: { url_env: BENCH_WEBHOOK_URL, secret_env: BENCH_WEBHOOK_SECRET } }] }",
        "oncall:",
        "  rotation: [a, b]",
        "  starts: 2026-01-05",
        "pipelines:",
    ]
    by_table: dict[str, list[Check]] = {}
    for c in checks:
        by_table.setdefault(c.table, []).append(c)
    for table, group in by_table.items():
        lines += [f"  {table}:", f"    name: {table.capitalize()}", "    owners: { primary: a, secondary: b }",
                  "    checks:"]
        for c in group:
            lines.append(f"      {c.id}: {flow(c.pipewatch)}")
    with open(os.path.join(dirname, "pipewatch.yaml"), "w") as f:
        f.write("\n".join(lines) + "\n")


def write_mapping(dirname: str, checks: list[Check], n: int):
    rows = [{"id": c.id, "pipeline": c.table, "table": f"bench.{c.table}", "kind": c.kind, "tag": c.tag,
             "soda": c.soda_line, "soda_config": c.soda_config, "pipewatch": c.pipewatch,
             "expected": c.expected, "note": c.note,
             "explain": EDGE_NOTES.get(c.note) if c.tag == "edge" else None} for c in checks]
    with open(os.path.join(dirname, "checks.json"), "w") as f:
        json.dump({"checks": n, "mapping": rows}, f, indent=1)


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--url", required=True, help="postgres://user[:password]@host:port/db?sslmode=...")
    p.add_argument("--out", required=True)
    p.add_argument("--checks", type=int, action="append", required=True)
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--no-edges", action="store_true", help="only core checks")
    p.add_argument("--soda-samples-limit", type=int, default=None,
                   help="add `samples limit: N` to every Soda check (default: Soda's own, 100)")
    args = p.parse_args()
    os.makedirs(args.out, exist_ok=True)
    with connect(args.url, os.environ.get("BENCH_PG_PASSWORD")) as conn:
        facts = read_facts(conn)
    conn.close()
    with open(os.path.join(args.out, "facts.json"), "w") as f:
        json.dump(facts, f, indent=1)
    for n in args.checks:
        checks = generate(facts, n, args.seed, not args.no_edges)
        d = os.path.join(args.out, str(n))
        os.makedirs(d, exist_ok=True)
        write_soda(d, checks, args.url, args.soda_samples_limit)
        write_pipewatch(d, checks, args.url)
        write_mapping(d, checks, n)
        kinds: dict[str, int] = {}
        for c in checks:
            kinds[c.kind] = kinds.get(c.kind, 0) + 1
        fails = sum(c.expected != "pass" for c in checks)
        print(f"generate: {n} checks in {d} ({', '.join(f'{k} {v}' for k, v in kinds.items())}; "
              f"{sum(c.tag == 'edge' for c in checks)} edge cases; {fails} expected not to pass)", file=sys.stderr)


if __name__ == "__main__":
    main()
