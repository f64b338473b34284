"""Times whole processes for the checks benchmark, and prints the comparison table.

    python timing.py run --log runs.jsonl --tool soda --checks 100 --ok 0,1,2 \
        --stdout out.txt --stderr err.txt -- soda scan -d bench -c configuration.yml checks.yml
    python timing.py report runs.jsonl

`run` starts the command once, waits for it with wait4 and appends one JSON line to the log: the
wall time (perf_counter around fork and reap), the process's peak resident set (ru_maxrss of that
child: both tools run as one process) and its exit status. An exit status outside --ok is
recorded as a failed run and makes `run` exit 1.
`report` prints, per number of checks and tool, the runs that succeeded: min and median wall time,
the highest peak RSS, each tool's median as a multiple of Pipewatch's, and the median of the ratios
of runs taken in turn (each tool's i-th run against Pipewatch's i-th), which the machine's speed
drifting over minutes does not move.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time


def run(args) -> int:
    ok = {int(x) for x in args.ok.split(",")}
    with open(args.stdout, "wb") as out, open(args.stderr, "wb") as err:
        start = time.perf_counter()
        proc = subprocess.Popen(args.command, stdout=out, stderr=err, stdin=subprocess.DEVNULL)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    record = {"tool": args.tool, "checks": args.checks, "wall_s": round(wall, 4),
              "max_rss_kib": usage.ru_maxrss, "user_s": round(usage.ru_utime, 3), "sys_s": round(usage.ru_stime, 3),
              "exit": proc.returncode, "ok": proc.returncode in ok}
    with open(args.log, "a") as f:
        f.write(json.dumps(record) + "\n")
    print(f"  {args.tool:9s} {args.checks:5d} checks: {wall:7.2f} s, {usage.ru_maxrss / 1024:6.1f} MiB, "
          f"cpu {usage.ru_utime + usage.ru_stime:6.2f} s, exit {proc.returncode}", file=sys.stderr)
    return 0 if record["ok"] else 1


def report(args) -> int:
    rows = [json.loads(line) for line in open(args.log) if line.strip()]
    groups: dict[tuple[int, str], list[dict]] = {}
    for r in rows:
        groups.setdefault((r["checks"], r["tool"]), []).append(r)
    print(f"{'tool':10s} {'checks':>6s} {'runs':>4s} {'min wall':>9s} {'median wall':>11s} {'median cpu':>10s} "
          f"{'max RSS':>9s} {'vs pipewatch':>12s} {'paired':>7s}")
    for checks in sorted({c for c, _ in groups}):
        base = [r["wall_s"] for r in groups.get((checks, "pipewatch"), []) if r["ok"]]
        base_median = statistics.median(base) if base else None
        for tool in sorted({t for c, t in groups if c == checks}, key=lambda t: (t != "pipewatch", t)):
            runs = groups[(checks, tool)]
            good = [r for r in runs if r["ok"]]
            if not good:
                print(f"{tool:10s} {checks:6d} {len(runs):4d}   failed (exit {runs[-1]['exit']})")
                continue
            walls = [r["wall_s"] for r in good]
            median = statistics.median(walls)
            cpu = statistics.median(r["user_s"] + r["sys_s"] for r in good)
            rss = max(r["max_rss_kib"] for r in good) / 1024
            ratio = f"{median / base_median:.2f}x" if base_median else "-"
            # Runs alternate, so the i-th run of each tool ran within seconds of the other's: the
            # median of their ratios is untouched by the machine's speed drifting between pairs.
            pairs = [r["wall_s"] / p["wall_s"] for r, p in zip(runs, groups.get((checks, "pipewatch"), []))
                     if r["ok"] and p["ok"]]
            paired = f"{statistics.median(pairs):.2f}x" if pairs and tool != "pipewatch" else "-"
            print(f"{tool:10s} {checks:6d} {len(good):4d} {min(walls):8.2f}s {median:10.2f}s {cpu:9.2f}s "
                  f"{rss:7.1f}MiB {ratio:>12s} {paired:>7s}")
    return 0


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = p.add_subparsers(dest="verb", required=True)
    r = sub.add_parser("run")
    r.add_argument("--log", required=True)
    r.add_argument("--tool", required=True)
    r.add_argument("--checks", type=int, required=True)
    r.add_argument("--ok", default="0")
    r.add_argument("--stdout", default=os.devnull)
    r.add_argument("--stderr", default=os.devnull)
    r.add_argument("command", nargs=argparse.REMAINDER)
    s = sub.add_parser("report")
    s.add_argument("log")
    args = p.parse_args()
    if args.verb == "run":
        if args.command and args.command[0] == "--":
            args.command = args.command[1:]
        if not args.command:
            p.error("run needs a command after --")
        return run(args)
    return report(args)


if __name__ == "__main__":
    sys.exit(main())
