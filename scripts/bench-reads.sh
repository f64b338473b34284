#!/usr/bin/env bash
# Requests per second a release `pipewatch serve` (SQLite, the seed) answers on its busiest reads,
# against /healthz, which touches no state: wrk with 2 threads and 64 connections for SECONDS each.
# Usage: scripts/bench-reads.sh [SECONDS]      (default 10; installs wrk from Debian when missing)
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v wrk >/dev/null; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
fi
seconds=${1:-10}
swift build -c release --product pipewatch 2>&1 | grep -E "error:" && exit 1 || true
bin=$(swift build -c release --show-bin-path)/pipewatch
work=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$bin" serve --config examples/seed/pipewatch.yaml --database "$work/state.sqlite" --port "$port" --no-checks \
    >"$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$work"' EXIT
until curl -sf "http://127.0.0.1:$port/livez" >/dev/null; do sleep 0.2; done
echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo); wrk -t2 -c64 -d${seconds}s, server and wrk on the same cores"
for path in /healthz /api/v1/oncall/now /api/v1/pipelines; do
    rate=$(wrk -t2 -c64 -d"${seconds}s" "http://127.0.0.1:$port$path" | awk '/Requests\/sec/ { print $2 }')
    printf '%-22s %8.0f requests/s\n' "$path" "$rate"
done
