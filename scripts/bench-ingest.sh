#!/usr/bin/env bash
# Sustained OpenLineage ingest over loopback: events per second and latency percentiles of a
# release `pipewatch serve` storing every event durably in SQLite (WAL, synchronous=FULL),
# side by side with the same server answering without storing, so the ratio is the store's cost.
#
# Usage: scripts/bench-ingest.sh [SECONDS] [CONNECTIONS]        (defaults: 20 s, 64 connections)
#        scripts/bench-ingest.sh --memory [EVENTS]              (RSS while ingesting EVENTS, default 1,000,000)
# Needs wrk (installed from Debian when missing, as root).
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v wrk >/dev/null; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
fi
swift build -c release --product pipewatch >/dev/null
bin=$(swift build -c release --show-bin-path)/pipewatch
work=$(mktemp -d)
server=""
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"' EXIT

start() {
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    "$bin" serve --config examples/seed/pipewatch.yaml --database "$work/state-$port.sqlite" --port "$port" "$@" \
        >"$work/server.log" 2>&1 &
    server=$!
    until curl -sf "http://127.0.0.1:$port/healthz" >/dev/null; do sleep 0.2; done
}
stop() { kill "$server"; wait "$server" 2>/dev/null || true; server=""; }
rss_mb() { awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$server/status"; }

if [ "${1:-}" = "--memory" ]; then
    events=${2:-1000000}
    start
    echo "ingesting $events events; resident memory of the server every 10 s:"
    wrk -t2 -c64 -d3600s -s Benchmarks/ingest/ingest.lua "http://127.0.0.1:$port" >"$work/wrk.log" 2>&1 &
    load=$!
    while :; do
        sleep 10
        stored=$(curl -s "http://127.0.0.1:$port/metrics" | awk '/^pipewatch_events_accepted_total\{outcome="stored"\}/ { print $2 }')
        echo "  events stored: ${stored:-0}  rss: $(rss_mb) MB"
        [ "${stored%.*}" -ge "$events" ] 2>/dev/null && break
    done
    kill "$load"; wait "$load" 2>/dev/null || true
    stop
    exit 0
fi

seconds=${1:-20}
connections=${2:-64}
echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo); wrk -t2 -c$connections -d${seconds}s"
for mode in store discard; do
    if [ "$mode" = store ]; then start; else start --discard-events; fi
    result=$(wrk -t2 -c"$connections" -d"${seconds}s" -s Benchmarks/ingest/ingest.lua "http://127.0.0.1:$port" | grep '^RESULT')
    echo "$mode: ${result#RESULT } rss_mb=$(rss_mb)"
    stop
done
