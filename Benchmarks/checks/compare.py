"""Compares the verdicts of Soda Core and Pipewatch on the benchmark's checks.

    python compare.py DIR/N/checks.json --soda DIR/N/soda-results.json [--pipewatch DIR/N/pipewatch.json] [--sql]

checks.json is generate.py's mapping: each Pipewatch check id with the SodaCL check of the same
meaning (named with that id) and the verdict Soda should give, worked out from the data.
- Soda's verdicts come from its scan results file (`soda scan ... -srf FILE`): `outcome` is pass,
  warn or fail; a check that Soda could not evaluate (a NULL metric, a query error) is missing from
  the file and counts as `not_evaluated`.
- Pipewatch's come from `pipewatch check run --format json`: `{"results": [...]}` (or a bare
  array), each result with `check` and `state` (pass, warn, fail or error).
Prints where Soda disagrees with the expected verdict (this harness misreading Soda), where
Pipewatch disagrees with Soda (core checks: a bug or a missing feature; edge checks: a Soda rule
Pipewatch does not follow, explained), and with --sql how Soda batched its queries.
Exit status: 0 when every verdict agrees, 1 when any differs, 2 when an input cannot be read.
"""

from __future__ import annotations

import argparse
import collections
import json
import sys

STATES = {"pass", "warn", "fail", "error", "not_evaluated", "missing"}


def load_json(path: str, what: str):
    try:
        with open(path) as f:
            return json.load(f)
    except (OSError, ValueError) as e:
        print(f"compare: cannot read {what} {path}: {e}", file=sys.stderr)
        sys.exit(2)


def soda_verdicts(results: dict) -> dict[str, str]:
    verdicts = {}
    for check in results.get("checks", []):
        outcome = check.get("outcome")
        verdicts[check.get("name")] = outcome if outcome in ("pass", "warn", "fail") else "not_evaluated"
    return verdicts


def pipewatch_verdicts(results) -> dict[str, str]:
    if isinstance(results, dict):  # tolerate { "results": [...] } or { "checks": [...] }
        results = results.get("results", results.get("checks", []))
    verdicts = {}
    for row in results:
        verdicts[row.get("check")] = row.get("state", "missing")
    return verdicts


def seconds(duration: str | None) -> float:
    if not duration:
        return 0.0
    total = 0.0
    for part, scale in zip(reversed(duration.split(":")), (1, 60, 3600)):
        total += float(part) * scale
    return total


def sql_summary(results: dict) -> None:
    kinds: dict[str, list] = collections.defaultdict(lambda: [0, 0.0])
    tables = collections.Counter()
    for q in results.get("queries", []):
        if q.get("duration") is None:  # failing_sql / passing_sql: kept for Soda Cloud, never run
            continue
        name = q["name"]
        kind = name.split(".")[-1].split("[")[0]
        if "failed_rows" in name:
            kind = "failed_rows sample (" + name.split("[")[-1].rstrip("]") + ")"
        kinds[kind][0] += 1
        kinds[kind][1] += seconds(q.get("duration"))
        tables[q.get("table")] += 1
    print(f"Soda ran {sum(v[0] for v in kinds.values())} queries on {len(tables)} tables "
          f"for {len(results.get('checks', []))} evaluated checks:")
    for kind, (count, total) in sorted(kinds.items(), key=lambda kv: -kv[1][1]):
        print(f"  {count:5d} x {kind:40s} {total:8.3f} s in the database")


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("mapping")
    p.add_argument("--soda", required=True, help="Soda's scan results file (-srf)")
    p.add_argument("--pipewatch", help="pipewatch check run --format json output")
    p.add_argument("--sql", action="store_true", help="summarise the queries Soda ran")
    p.add_argument("--quiet", action="store_true", help="only the summary lines")
    args = p.parse_args()

    mapping = load_json(args.mapping, "mapping")["mapping"]
    soda_results = load_json(args.soda, "Soda scan results")
    soda = soda_verdicts(soda_results)
    pipewatch = pipewatch_verdicts(load_json(args.pipewatch, "Pipewatch output")) if args.pipewatch else None

    ids = {m["id"] for m in mapping}
    stray = sorted(set(soda) - ids)
    if stray:
        print(f"compare: Soda reported checks that are not in the mapping: {', '.join(stray[:10])}", file=sys.stderr)
        return 2

    harness, differ = [], []
    tally = collections.Counter()
    for m in mapping:
        s = soda.get(m["id"], "not_evaluated")
        tally[("soda", s)] += 1
        if s != m["expected"]:
            harness.append((m, s))
        if pipewatch is not None:
            w = pipewatch.get(m["id"], "missing")
            tally[("pipewatch", w)] += 1
            if w != s:
                differ.append((m, s, w))

    def line(m, *states):
        detail = m["soda"] + (f" {json.dumps(m['soda_config'])}" if m["soda_config"] else "")
        return f"  {m['id']:32s} {' / '.join(states):24s} {detail}"

    n = len(mapping)
    soda_counts = ", ".join(f"{s} {tally[('soda', s)]}" for s in sorted(STATES) if tally[("soda", s)])
    print(f"{n} checks. Soda: {soda_counts}.")
    if harness:
        print(f"Soda gave {len(harness)} verdicts other than the expected one (expected / Soda):")
        for m, s in harness:
            print(line(m, m["expected"], s) + (f"  [{m['note']}]" if m["note"] else ""))
    else:
        print("Soda gave the expected verdict on every check.")

    if pipewatch is not None:
        pw_counts = ", ".join(f"{s} {tally[('pipewatch', s)]}" for s in sorted(STATES) if tally[("pipewatch", s)])
        extra = sorted(set(pipewatch) - ids)
        print(f"Pipewatch: {pw_counts}." + (f" {len(extra)} results for unknown checks: {', '.join(extra[:5])}" if extra else ""))
        core = [d for d in differ if d[0]["tag"] == "core"]
        edge = [d for d in differ if d[0]["tag"] == "edge"]
        print(f"Verdicts differ on {len(differ)} of {n} checks ({len(core)} core, {len(edge)} edge cases).")
        if core and not args.quiet:
            by_kind = collections.Counter(m["kind"] for m, _, _ in core)
            print("Core checks that differ (Soda / Pipewatch), by kind: " + ", ".join(f"{k} {v}" for k, v in by_kind.items()))
            for m, s, w in core[:40]:
                print(line(m, s, w))
            if len(core) > 40:
                print(f"  ... and {len(core) - 40} more")
        if edge and not args.quiet:
            print("Edge cases that differ (Soda / Pipewatch): the Soda rule each one probes")
            for m, s, w in edge:
                print(line(m, s, w))
                print(f"      {m['explain']}")
        for state in ("missing", "error"):
            if tally[("pipewatch", state)] == n:
                print(f"(Pipewatch gave every check '{state}': did `check run` run at all?)")
    if args.sql:
        sql_summary(soda_results)
    return 1 if harness or (pipewatch is not None and differ) else 0


if __name__ == "__main__":
    sys.exit(main())
