#!/usr/bin/env bash
# The dashboard's overview for 200 pipelines and 20 engineers, two ways:
#  1. in process: `pipewatch-bench dashboard` builds and renders the page from data in memory
#     (median of 7 × 20 renders; target < 20 ms) and prints the page weight (target < 100 KB);
#  2. over HTTP: a release `pipewatch serve` on SQLite with a generated config (200 pipelines, 20
#     engineers, 20 failing pipelines with open incidents) answers GET / N times from curl on
#     loopback; prints the median and 95th percentile of curl's total time, and the bytes of the
#     page and of its stylesheet, gzip-free.
# Usage: scripts/bench-dashboard.sh [REQUESTS]     (default 200)
#   PIPEWATCH_BIN_DIR=DIR uses the pipewatch and pipewatch-bench already built there (no build)
set -euo pipefail
cd "$(dirname "$0")/.."

requests=${1:-200}
if [ -z "${PIPEWATCH_BIN_DIR:-}" ]; then
    swift build -c release --product pipewatch 2>&1 | grep -E "error:" && exit 1 || true
    swift build -c release --product pipewatch-bench 2>&1 | grep -E "error:" && exit 1 || true
fi
bin=${PIPEWATCH_BIN_DIR:-$(swift build -c release --show-bin-path)}
echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)"
echo "== in process"
"$bin/pipewatch-bench" dashboard

echo "== over HTTP (curl on loopback, server and client on the same cores)"
work=$(mktemp -d)
python3 - "$work" <<'PY'
import sys
work = sys.argv[1]
zones = ["Europe/London", "America/New_York", "Europe/Berlin", "Asia/Kolkata", "Australia/Sydney"]
regions = ["GB-ENG", "US-NY", "DE-BE", "IN-KA", "AU-NSW"]
lines = ["team:", "  name: Data", "  timezone: Europe/London", "engineers:"]
for i in range(20):
    lines.append(f"  e{i}: {{ name: Engineer {i}, region: {regions[i % 5]}, timezone: {zones[i % 5]} }}")
lines += ["oncall:", "  rotation: [" + ", ".join(f"e{i}" for i in range(20)) + "]",
          "  handoff: monday 09:00", "  starts: 2026-01-05", "pipelines:"]
for i in range(200):
    lines += [f"  pipeline_{i}:", f"    name: Pipeline {i} (daily)",
              f"    owners: {{ primary: e{i % 20}, secondary: e{(i + 7) % 20} }}",
              f"    deliver_by: '0{6 + i % 4}:00 Europe/London'",
              f"    jobs: [{{ namespace: airflow, name: job_{i} }}]"]
    if i > 0:
        lines.append(f"    upstream: [pipeline_{i - 1}]")
lines += ["api:", "  read_access: open", "  tokens:",
          "    - { name: bench, scope: write, sha256: 2bb80d537b1da3e38bd30361aa855686bde0eacd7162fef6a25fe97bf527a25b }"]
open(f"{work}/pipewatch.yaml", "w").write("\n".join(lines) + "\n")
PY
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$bin/pipewatch" serve --config "$work/pipewatch.yaml" --database "$work/state.sqlite" --port "$port" --no-checks \
    >"$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$work"' EXIT
until curl -sf "http://127.0.0.1:$port/livez" >/dev/null; do sleep 0.2; done
# A run for every pipeline; every tenth fails, which opens a signal and an incident.
python3 - "$port" <<'PY'
import json, sys, urllib.request, uuid, datetime
port = sys.argv[1]
now = datetime.datetime.now(datetime.timezone.utc)
def send(event):
    request = urllib.request.Request(f"http://127.0.0.1:{port}/api/v1/lineage", data=json.dumps(event).encode(),
        headers={"Content-Type": "application/json", "Authorization": "Bearer secret"})
    urllib.request.urlopen(request).read()
for i in range(200):
    run = str(uuid.uuid4())
    start = (now - datetime.timedelta(hours=1, minutes=i % 50)).isoformat()
    end = (now - datetime.timedelta(minutes=50 - i % 40)).isoformat()
    base = {"producer": "https://example.com/bench", "schemaURL": "https://openlineage.io/spec/2-0-2/OpenLineage.json#/definitions/RunEvent",
            "job": {"namespace": "airflow", "name": f"job_{i}"}, "inputs": [], "outputs": []}
    send(dict(base, eventType="START", eventTime=start, run={"runId": run}))
    send(dict(base, eventType="FAIL" if i % 10 == 0 else "COMPLETE", eventTime=end, run={"runId": run}))
PY
sleep 2
for _ in 1 2 3 4 5; do curl -s -o /dev/null "http://127.0.0.1:$port/"; done
for _ in $(seq "$requests"); do
    curl -s -o /dev/null -w '%{time_total}\n' "http://127.0.0.1:$port/"
done | sort -n | awk '{ t[NR] = $1 } END { printf "GET / (%d requests): median %.2f ms, p95 %.2f ms\n", NR, t[int(NR / 2) + 1] * 1000, t[int(NR * 0.95)] * 1000 }'
html=$(curl -s "http://127.0.0.1:$port/" | wc -c)
css=$(curl -s "http://127.0.0.1:$port/dashboard.css" | wc -c)
incidents=$(curl -s "http://127.0.0.1:$port/api/v1/incidents" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["incidents"]))')
echo "page weight: HTML $html bytes + stylesheet $css bytes = $(((html + css) / 1024)) KB; $incidents open incidents shown (target < 100 KB)"
