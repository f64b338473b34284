#!/usr/bin/env bash
# Floods a release `pipewatch serve` (SQLite, open-file soft limit 1,024 as many machines have)
# with idle, slowloris and stalled-body connections; prints /healthz latency, CPU and memory.
# Usage: scripts/bench-flood.sh        (needs a hard open-file limit of at least 8,000)
set -euo pipefail
cd "$(dirname "$0")/.."

swift build -c release --product pipewatch 2>&1 | grep -E "error:" && exit 1 || true
bin=$(swift build -c release --show-bin-path)/pipewatch
work=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
(ulimit -Sn 1024; exec "$bin" serve --config examples/seed/pipewatch.yaml --database "$work/state.sqlite" \
    --port "$port" --no-checks >"$work/server.log" 2>&1) &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$work"' EXIT
until curl -sf "http://127.0.0.1:$port/livez" >/dev/null; do sleep 0.2; done
echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo); server defaults (30 s timeouts, 64 MiB of bodies)"
python3 Benchmarks/flood/flood.py "$port" "$server" pipewatch-demo-token
