"""Graceful shutdown loses no acknowledged event.

Starts its own `pipewatch serve` (the binary in PIPEWATCH_BIN) on a fresh SQLite store, posts
events from several threads, sends SIGTERM while they are in flight, and then checks that the
server exited cleanly and that every event answered 201 is in the store.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import tempfile
import threading
import time
import uuid
from pathlib import Path

import pytest
import requests

BIN = os.environ.get("PIPEWATCH_BIN", "")
ROOT = Path(__file__).resolve().parents[2]
CONFIG = str(ROOT / "examples" / "seed" / "pipewatch.yaml")
TOKEN = "pipewatch-demo-token"

if not BIN:
    pytest.skip("PIPEWATCH_BIN is unset: point it at a built pipewatch to run the shutdown test", allow_module_level=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def event(run_id: str) -> dict:
    return {
        "eventType": "COMPLETE",
        "eventTime": "2026-11-27T12:00:00.000000+00:00",
        "run": {"runId": run_id, "facets": {}},
        "job": {"namespace": "airflow", "name": "profit_daily", "facets": {}},
        "inputs": [],
        "outputs": [],
        "producer": "https://example.invalid/shutdown-test",
        "schemaURL": "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent",
    }


def test_sigterm_keeps_every_acknowledged_event() -> None:
    with tempfile.TemporaryDirectory() as work:
        database = os.path.join(work, "state.sqlite")
        port = free_port()
        server = subprocess.Popen(
            [BIN, "serve", "--config", CONFIG, "--database", database, "--port", str(port)],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        )
        url = f"http://127.0.0.1:{port}"
        for _ in range(100):
            try:
                if requests.get(f"{url}/healthz", timeout=1).status_code == 200:
                    break
            except requests.ConnectionError:
                time.sleep(0.1)
        acknowledged: list[str] = []
        lock = threading.Lock()
        stop = threading.Event()

        def post() -> None:
            session = requests.Session()
            while not stop.is_set():
                run_id = str(uuid.uuid4())
                try:
                    response = session.post(
                        f"{url}/api/v1/lineage", json=event(run_id),
                        headers={"Authorization": f"Bearer {TOKEN}"}, timeout=5,
                    )
                except requests.RequestException:
                    return
                if response.status_code == 201:
                    with lock:
                        acknowledged.append(run_id)

        threads = [threading.Thread(target=post) for _ in range(8)]
        for thread in threads:
            thread.start()
        time.sleep(1.5)
        server.send_signal(signal.SIGTERM)
        try:
            code = server.wait(timeout=20)
        finally:
            stop.set()
            for thread in threads:
                thread.join()
        assert code == 0, server.stderr.read().decode()
        assert len(acknowledged) > 50, "the load did not get going before SIGTERM"

        listed = subprocess.run(
            [BIN, "runs", "profit", "--config", CONFIG, "--database", database, "--limit", "1000000", "--format", "json"],
            check=True, capture_output=True, text=True,
        )
        stored = {run["run_id"] for run in json.loads(listed.stdout)["runs"]}
        missing = [run_id for run_id in acknowledged if run_id not in stored]
        assert not missing, f"{len(missing)} of {len(acknowledged)} acknowledged events were lost"
