"""The seed's data checks, end to end: `pipewatch serve` on a copy of the seed plan writes the demo
warehouse, runs every check against it at start, and the faults the plan names show up as failing
checks, as `check_failed` signals and in /metrics; `pipewatch check run` agrees, with exit status 1.

Starts its own `pipewatch serve` (the binary in PIPEWATCH_BIN) with PIPEWATCH_NOW pinned, on a copy of
examples/seed/pipewatch.yaml in a temporary folder, so the demo warehouse is written there.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import pytest
import requests

BIN = os.environ.get("PIPEWATCH_BIN", "")
ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "examples" / "seed" / "pipewatch.yaml"
NOW = "2026-12-03T10:00:00+00:00"
FAULTS = {"orders-fresh", "sales-fresh", "cost-valid", "daily-matches-aggregate", "events-complete"}

if not BIN:
    pytest.skip("PIPEWATCH_BIN is unset: point it at a built pipewatch to run the checks test", allow_module_level=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_serve_runs_the_seed_checks_against_the_demo_warehouse() -> None:
    with tempfile.TemporaryDirectory() as work:
        config = Path(work) / "pipewatch.yaml"
        shutil.copy(SEED, config)
        env = dict(os.environ, PIPEWATCH_NOW=NOW)
        port = free_port()
        log = open(Path(work) / "server.log", "wb")
        server = subprocess.Popen(
            [BIN, "serve", "--config", str(config), "--database", str(Path(work) / "state.sqlite"), "--port", str(port)],
            env=env, stdout=log, stderr=subprocess.STDOUT,
        )
        url = f"http://127.0.0.1:{port}"
        try:
            checks: list[dict] = []
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline:
                try:
                    checks = requests.get(f"{url}/api/v1/checks", timeout=2).json()["checks"]
                    if checks and all(check.get("latest") for check in checks):
                        break
                except requests.ConnectionError:
                    pass
                time.sleep(0.2)
            else:
                pytest.fail(f"the checks did not all run within 60 s: {json.dumps(checks)[:2000]}\n"
                            + (Path(work) / "server.log").read_text()[-3000:])
            assert (Path(work) / "demo-warehouse" / "sales.sqlite").exists(), "serve should write the demo warehouse"
            states = {check["id"]: check["latest"]["state"] for check in checks}
            failing = {id for id, state in states.items() if state == "fail"}
            assert failing == FAULTS, states
            assert set(states.values()) <= {"pass", "fail"}, states
            sales = next(check["latest"] for check in checks if check["id"] == "sales-fresh")
            assert sales["value"] == 30 * 3600 and sales["threshold"] == "<= 6h", sales
            assert "MAX(\"updated_at\")" in sales["sql"], sales

            # Results are stored first, then the pipelines they touch are evaluated: wait for that.
            expected = {f"check:{id}" for id in FAULTS}
            deadline = time.monotonic() + 30
            while True:
                signals = requests.get(f"{url}/api/v1/signals", timeout=5).json()["signals"]
                subjects = {signal["subject"] for signal in signals if signal["kind"] == "check_failed"}
                if subjects == expected or time.monotonic() > deadline:
                    break
                time.sleep(0.2)
            assert subjects == expected, signals
            metrics = requests.get(f"{url}/metrics", timeout=5).text
            assert 'pipewatch_checks{state="fail"} 5' in metrics, metrics
            incidents = requests.get(f"{url}/api/v1/incidents", timeout=5).json()["incidents"]
            assert {incident["kind"] for incident in incidents} == {"check_failed"}, incidents
        finally:
            server.terminate()
            server.wait(timeout=10)
            log.close()

        ran = subprocess.run(
            [BIN, "check", "run", "--config", str(config), "--database", str(Path(work) / "cli.sqlite"), "--format", "json"],
            env=env, capture_output=True, text=True, timeout=60,
        )
        assert ran.returncode == 1, ran.stderr
        results = json.loads(ran.stdout)["results"]
        assert {result["check"] for result in results if result["state"] == "fail"} == FAULTS
        for result in results:
            assert {"check", "pipeline", "state", "value", "threshold", "message", "sql", "duration_ms"} <= result.keys()
