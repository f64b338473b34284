#!/usr/bin/env bash
# Several instances on one PostgreSQL (issue 12): OpenLineage ingest on SQLite, on PostgreSQL with
# one instance and with two (events/s summed over both, p50/p99 of each), then escalation and
# notification throughput with one and two instances (Benchmarks/scaleout/bench_scaleout.py).
# Uses PIPEWATCH_TEST_POSTGRES_URL when set, else starts the test server (scripts/ci/postgres.sh).
#
# Usage: scripts/bench-scaleout.sh [SECONDS] [CONNECTIONS] [INCIDENTS]   (defaults: 20 s, 64, 1000)
# Needs wrk (installed from Debian when missing, as root) and psql (the PostgreSQL client).
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-20}
connections=${2:-64}
incidents=${3:-1000}
if ! command -v wrk >/dev/null; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
fi
if [ -z "${PIPEWATCH_TEST_POSTGRES_URL:-}" ]; then
    eval "$(scripts/ci/postgres.sh start | grep '^export ')"
fi
scripts/python-env.sh >/dev/null
swift build -c release --product pipewatch >/dev/null
bin=$(swift build -c release --show-bin-path)/pipewatch
work=$(mktemp -d)
servers=()
stop_all() { for pid in "${servers[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done; servers=(); }
trap 'stop_all; rm -rf "$work"' EXIT

# Starts an instance on $1 (a database) and appends its port to $ports.
start() {
    local port
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    "$bin" serve --config examples/seed/pipewatch.yaml --database "$1" --port "$port" --no-checks \
        >"$work/server-$port.log" 2>&1 &
    servers+=($!)
    until curl -sf "http://127.0.0.1:$port/healthz" >/dev/null; do sleep 0.2; done
    ports+=("$port")
}
schema() {
    local separator='?'
    [[ $PIPEWATCH_TEST_POSTGRES_URL == *'?'* ]] && separator='&'
    echo "${PIPEWATCH_TEST_POSTGRES_URL}${separator}schema=bench_$1_$RANDOM"
}
# Runs wrk against every port in $ports at once, the connections split between them.
load() {
    local each=$((connections / ${#ports[@]})) i=0 total=0 loads=()
    for port in "${ports[@]}"; do
        PIPEWATCH_BENCH_WRK=$i wrk -t1 -c"$each" -d"${seconds}s" -s Benchmarks/ingest/ingest.lua "http://127.0.0.1:$port" >"$work/wrk-$i.out" &
        loads+=($!)
        i=$((i + 1))
    done
    wait "${loads[@]}"
    for file in "$work"/wrk-*.out; do grep '^RESULT' "$file" >"${file%.out}.txt"; done
    for file in "$work"/wrk-*.txt; do
        echo "    instance: $(sed 's/^RESULT //' "$file")"
        total=$(awk -v t="$total" '{ for (i = 1; i <= NF; i++) if ($i ~ /^rps=/) { split($i, a, "="); t += a[2] } } END { print t }' "$file")
    done
    rm -f "$work"/wrk-*.txt "$work"/wrk-*.out
    echo "    total: $total events/s"
}

echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), load average $(cut -d' ' -f1-3 /proc/loadavg); wrk ${seconds}s, $connections connections"
echo "ingest, SQLite, 1 instance:"
ports=(); start "$work/state.sqlite"; load; stop_all
echo "ingest, PostgreSQL, 1 instance:"
ports=(); start "$(schema one)"; load; stop_all
echo "ingest, PostgreSQL, 2 instances on one database:"
ports=(); db=$(schema two); start "$db"; start "$db"; load; stop_all
.venv/bin/python Benchmarks/scaleout/bench_scaleout.py "$bin" "$PIPEWATCH_TEST_POSTGRES_URL" "$incidents"
