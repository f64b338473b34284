"""Drives a running `pipewatch serve` with floods and prints what an operator would watch.

Usage: flood.py PORT PID TOKEN
  1. 2,000 idle connections and 1,500 slowloris connections (a header line every 0.5 s):
     /healthz latency (50th, 99th percentile, max over 100 probes) and the server's CPU use;
  2. 1,000 clients that send 1,040,000 bytes of a declared 1 MiB body and stop: the server's
     resident memory before, while they hang, and after they are answered and closed.
"""

from __future__ import annotations

import resource
import socket
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "Tests" / "interop"))
from floodkit import cpu_seconds, drip, healthz_ms, open_idle, open_slowloris, rss_mb  # noqa: E402

port, pid, token = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
resource.setrlimit(resource.RLIMIT_NOFILE, (20_000, max(20_000, resource.getrlimit(resource.RLIMIT_NOFILE)[1])))


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]


idle = open_idle(port, 2_000)
slow = open_slowloris(port, 1_500)
time.sleep(1)
started, spent = time.monotonic(), cpu_seconds(pid)
latencies = []
for probe in range(100):
    if probe % 10 == 0:
        drip(slow)
    latencies.append(healthz_ms(port))
    time.sleep(0.05)
busy = (cpu_seconds(pid) - spent) / (time.monotonic() - started)
print(f"2,000 idle + 1,500 slowloris connections: /healthz p50 {statistics.median(latencies):.1f} ms, "
      f"p99 {percentile(latencies, 0.99):.1f} ms, max {max(latencies):.1f} ms; server CPU {busy * 100:.0f} % of a core")
for s in idle + slow:
    s.close()
time.sleep(2)

before = rss_mb(pid)
head = (f"POST /api/v1/lineage HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {token}\r\n"
        f"Content-Type: application/json\r\nContent-Length: {1 << 20}\r\n\r\n").encode()
stalled = []
for _ in range(1_000):
    s = socket.create_connection(("127.0.0.1", port), timeout=10)
    s.sendall(head)
    s.setblocking(False)
    try:
        s.send(b" " * 1_040_000)
    except OSError:
        pass
    stalled.append(s)
time.sleep(2)
during = rss_mb(pid)
answers: dict[str, int] = {}
for s in stalled:
    s.setblocking(True)
    s.settimeout(60)
    try:
        status = s.recv(64).split(b"\r\n")[0].decode() or "closed"
    except OSError as error:
        status = type(error).__name__
    answers[status] = answers.get(status, 0) + 1
    s.close()
time.sleep(2)
print(f"1,000 clients stalled after 1,040,000 of 1 MiB: RSS {before:.0f} MB before, {during:.0f} MB while they hang, "
      f"{rss_mb(pid):.0f} MB after; answers {answers}")
