"""Escalation and notification throughput of one and of two `pipewatch serve` instances on one
PostgreSQL.

Each round starts the instances (`--test-clock`, on a fresh schema) with every engineer's webhook at
one receiver on loopback (Tests/interop/webhook_receiver.py), opens N incidents through PagerDuty's
Events v2 endpoint spread over the instances, waits until their first pages are delivered, then
moves every instance's clock past the policy's 15 minutes: N second steps fall due at once. It
reports how fast the instances fire them (escalation steps per second, read from the database)
and deliver their pages (notifications per second, counted by the receiver).

Usage: bench_scaleout.py PIPEWATCH_BIN POSTGRES_URL [INCIDENTS]
"""

from __future__ import annotations

import concurrent.futures
import os
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import requests

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "Tests" / "interop"))
from webhook_receiver import WebhookReceiver  # noqa: E402

TOKEN = "pipewatch-demo-token"
CONTACTS = {"A": "/a", "B": "/b", "C": "/c", "D": "/d", "FINANCE": "/finance", "GROWTH": "/growth",
            "PRODUCT": "/product", "EXPERIMENTS": "/experiments", "IR": "/ir"}
SECRETS = {path: f"secret-{path[1:]}".encode() for path in CONTACTS.values()}


def free_port() -> int:
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def count(postgres: str, schema: str, query: str) -> int:
    parts = urlsplit(postgres)
    plain = urlunsplit((parts.scheme, parts.netloc, parts.path,
                        urlencode([(k, v) for k, v in parse_qsl(parts.query) if k != "schema"]), ""))
    out = subprocess.run(["psql", plain, "-qtA", "-c", f"SET search_path TO {schema}", "-c", query],
                         capture_output=True, text=True, check=True)
    return int(out.stdout.strip() or 0)


def wait(what: str, probe, seconds: float = 600) -> float:
    started = time.monotonic()
    while not probe():
        if time.monotonic() - started > seconds:
            raise SystemExit(f"{what}: not within {seconds} s")
        time.sleep(0.05)
    return time.monotonic()


def round_(binary: str, postgres: str, instances: int, incidents: int, work: Path) -> tuple[float, float]:
    schema = f"bench_{uuid.uuid4().hex[:8]}"
    parts = urlsplit(postgres)
    query = [(k, v) for k, v in parse_qsl(parts.query) if k != "schema"] + [("schema", schema)]
    database = urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(query), ""))
    config = work / "pipewatch.yaml"
    shutil.copy(ROOT / "examples" / "seed" / "pipewatch.yaml", config)
    with WebhookReceiver(SECRETS) as receiver:
        env = {k: v for k, v in os.environ.items() if not k.startswith("PIPEWATCH_WEBHOOK_")}
        env["PIPEWATCH_NOW"] = "2026-03-26T03:00:00-04:00"
        for suffix, path in CONTACTS.items():
            env[f"PIPEWATCH_WEBHOOK_URL_{suffix}"] = receiver.url(path)
            env[f"PIPEWATCH_WEBHOOK_SECRET_{suffix}"] = SECRETS[path].decode()
        servers, urls = [], []
        try:
            for index in range(instances):
                port = free_port()
                log = (work / f"server-{schema}-{index}.log").open("wb")
                servers.append(subprocess.Popen(
                    [binary, "serve", "--config", str(config), "--database", database, "--port", str(port),
                     "--test-clock", "--no-checks"], env=env, stdout=log, stderr=subprocess.STDOUT))
                urls.append(f"http://127.0.0.1:{port}")
                wait("healthz", lambda: _healthy(urls[-1]), 60)

            def trigger(n: int) -> None:
                body = {"routing_key": "pipewatch-demo-routing-key", "event_action": "trigger",
                        "dedup_key": f"bench-{n}", "payload": {"summary": f"bench {n}", "source": "bench",
                                                               "severity": "critical"}}
                response = requests.post(f"{urls[n % instances]}/v2/enqueue", json=body, timeout=60)
                assert response.status_code == 202, response.text

            with concurrent.futures.ThreadPoolExecutor(max_workers=16) as pool:
                list(pool.map(trigger, range(incidents)))

            def pages(step: int) -> int:
                return sum(1 for d in receiver.delivered() if f"/step-{step}/" in (d.key or ""))
            wait("first pages", lambda: pages(0) >= incidents)
            started = time.monotonic()
            for url in urls:
                requests.post(f"{url}/-/clock", json={"advance_seconds": 15 * 60 + 1},
                              headers={"Authorization": f"Bearer {TOKEN}"}, timeout=10).raise_for_status()
            fired = wait("second steps fired", lambda: count(
                postgres, schema, "SELECT COUNT(*) FROM escalation_steps WHERE step = 1 AND state <> 'pending'") >= incidents)
            delivered = wait("second pages delivered", lambda: pages(1) >= incidents)
            repeats = sum(1 for n in receiver.delivered_count_by_key().values() if n > 1)
            assert repeats == 0, f"{repeats} notifications delivered twice"
            return incidents / (fired - started), incidents / (delivered - started)
        finally:
            for server in servers:
                server.terminate()
            for server in servers:
                server.wait(timeout=30)


def _healthy(url: str) -> bool:
    try:
        return requests.get(f"{url}/healthz", timeout=1).status_code == 200
    except requests.ConnectionError:
        return False


def main() -> None:
    binary, postgres = sys.argv[1], sys.argv[2]
    incidents = int(sys.argv[3]) if len(sys.argv) > 3 else 1000
    with tempfile.TemporaryDirectory() as folder:
        for instances in (1, 2):
            steps, notifications = round_(binary, postgres, instances, incidents, Path(folder))
            print(f"escalation, {instances} instance{'s' if instances > 1 else ''}: {incidents} steps due at once: "
                  f"{steps:.0f} steps/s fired, {notifications:.0f} notifications/s delivered")


if __name__ == "__main__":
    main()
