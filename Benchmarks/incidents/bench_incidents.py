"""FAIL event posted -> first page delivered, over loopback, for many incidents.

Starts a webhook receiver, writes a config of N pipelines (one job each) whose on-call engineer's
contact is that receiver, starts a release `pipewatch serve` on a fresh SQLite file, and then, one
incident at a time, posts an OpenLineage FAIL for pipeline i and waits for its page. The latency of
an incident is the time from sending the FAIL to the page's arrival at the receiver.

Usage: bench_incidents.py PIPEWATCH_BIN [INCIDENTS]
"""

from __future__ import annotations

import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import requests

TOKEN = "bench-token"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Receiver:
    def __init__(self) -> None:
        self.arrivals: dict[str, float] = {}
        self.events: dict[str, threading.Event] = {}
        self.lock = threading.Lock()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                arrived = time.perf_counter()
                message = json.loads(body)
                self.send_response(200)
                self.send_header("Content-Length", "0")
                self.end_headers()
                if message.get("kind") != "page":
                    return
                with receiver.lock:
                    pipeline = message.get("pipeline")
                    receiver.arrivals.setdefault(pipeline, arrived)
                    event = receiver.events.setdefault(pipeline, threading.Event())
                event.set()

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def wait(self, pipeline: str, timeout: float) -> float | None:
        with self.lock:
            event = self.events.setdefault(pipeline, threading.Event())
        if not event.wait(timeout):
            return None
        with self.lock:
            return self.arrivals[pipeline]


def config(count: int, receiver_port: int, token_hash: str) -> str:
    lines = [
        "team: { name: Bench, timezone: UTC }",
        "engineers:",
        f"  a: {{ name: A, region: GB, timezone: UTC, contacts: [{{ webhook: {{ url: 'http://127.0.0.1:{receiver_port}/a', secret_env: BENCH_SECRET }} }}] }}",
        f"  b: {{ name: B, region: GB, timezone: UTC, contacts: [{{ webhook: {{ url: 'http://127.0.0.1:{receiver_port}/b', secret_env: BENCH_SECRET }} }}] }}",
        "pipelines:",
    ]
    for index in range(count):
        lines.append(f"  p{index}: {{ name: Pipeline {index}, owners: {{ primary: a, secondary: b }}, "
                     f"jobs: [{{ namespace: bench, name: job{index} }}] }}")
    lines += [
        "oncall: { rotation: [a, b], shift: 1 week, handoff: monday 09:00, starts: 2026-01-05 }",
        "api:",
        f"  tokens: [{{ name: bench, sha256: {token_hash}, scope: write }}]",
    ]
    return "\n".join(lines) + "\n"


def main() -> None:
    binary = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
    token_hash = __import__("hashlib").sha256(TOKEN.encode()).hexdigest()
    receiver = Receiver()
    with tempfile.TemporaryDirectory() as work:
        path = os.path.join(work, "pipewatch.yaml")
        with open(path, "w") as file:
            file.write(config(count, receiver.port, token_hash))
        port = free_port()
        environment = dict(os.environ, BENCH_SECRET="s3cret")
        server = subprocess.Popen(
            [binary, "serve", "--config", path, "--database", os.path.join(work, "state.sqlite"), "--port", str(port)],
            env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        )
        url = f"http://127.0.0.1:{port}"
        try:
            for _ in range(200):
                try:
                    if requests.get(f"{url}/healthz", timeout=1).status_code == 200:
                        break
                except requests.ConnectionError:
                    time.sleep(0.1)
            session = requests.Session()
            session.headers.update({"Authorization": f"Bearer {TOKEN}"})
            latencies: list[float] = []
            missing = 0
            for index in range(count):
                event = {
                    "eventType": "FAIL",
                    "eventTime": datetime.now(timezone.utc).isoformat(),
                    "run": {"runId": str(uuid.uuid4()), "facets": {
                        "errorMessage": {"message": "boom", "programmingLanguage": "python",
                                         "_producer": "bench", "_schemaURL": "https://openlineage.io/spec/facets/1-0-0/ErrorMessageRunFacet.json"}}},
                    "job": {"namespace": "bench", "name": f"job{index}", "facets": {}},
                    "inputs": [], "outputs": [], "producer": "bench",
                    "schemaURL": "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent",
                }
                sent = time.perf_counter()
                response = session.post(f"{url}/api/v1/lineage", json=event, timeout=10)
                assert response.status_code == 201, response.text
                arrived = receiver.wait(f"p{index}", timeout=10)
                if arrived is None:
                    missing += 1
                    continue
                latencies.append(arrived - sent)
            latencies.sort()
            def pct(p: float) -> float:
                return latencies[min(len(latencies) - 1, int(p * len(latencies)))] * 1000
            print(f"incidents: {len(latencies)} paged, {missing} without a page within 10 s")
            print(f"FAIL posted -> page delivered: p50 {pct(0.50):.1f} ms, p90 {pct(0.90):.1f} ms, "
                  f"p99 {pct(0.99):.1f} ms, max {latencies[-1] * 1000:.1f} ms, mean {statistics.mean(latencies) * 1000:.1f} ms")
        finally:
            server.terminate()
            server.wait(timeout=30)


if __name__ == "__main__":
    main()
