#!/usr/bin/env bash
# How fast a failure reaches a person: a release `pipewatch serve` on SQLite, a webhook receiver on
# loopback, and one incident at a time, from the OpenLineage FAIL posted to the page delivered;
# then the engine's periodic work with 10,000 open incidents (pipewatch-bench engine).
#
# Usage: scripts/bench-incidents.sh [INCIDENTS]        (default 1,000)
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/python-env.sh >/dev/null
swift build -c release --product pipewatch >/dev/null
swift build -c release --product pipewatch-bench >/dev/null
bin=$(swift build -c release --show-bin-path)
echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)"
.venv/bin/python Benchmarks/incidents/bench_incidents.py "$bin/pipewatch" "${1:-1000}"
"$bin/pipewatch-bench" engine
