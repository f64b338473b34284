"""Config reload as Prometheus does it: SIGHUP (and POST /-/reload) reads the config again.

Starts its own `pipewatch serve` (the binary in PIPEWATCH_BIN) on a config in a temporary folder,
adds a pipeline to the file and sends SIGHUP: the new pipeline is served, on the same process and
store. Then it breaks the file and sends SIGHUP again: the server is still running, still serves
the last good config, logged the error as `pipewatch validate` prints it, and /metrics has
pipewatch_config_last_reload_successful at 0. POST /-/reload does the same with an admin token.
"""

from __future__ import annotations

import hashlib
import os
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Callable

import pytest
import requests

BIN = os.environ.get("PIPEWATCH_BIN", "")
WRITE = "reload-test-write-token"
ADMIN = "reload-test-admin-token"

if not BIN:
    pytest.skip("PIPEWATCH_BIN is unset: point it at a built pipewatch to run the reload test", allow_module_level=True)


def sha256(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def config(pipelines: list[str]) -> str:
    lines = [
        "team: { name: Data, timezone: UTC }",
        "engineers:",
        "  a: { name: A, region: US }",
        "  b: { name: B, region: US }",
        "api:",
        "  tokens:",
        f"    - {{ name: airflow, sha256: {sha256(WRITE)}, scope: write }}",
        f"    - {{ name: ops, sha256: {sha256(ADMIN)}, scope: admin }}",
        "pipelines:",
    ]
    lines += [f"  {p}: {{ name: {p.title()}, owners: {{ primary: a, secondary: b }} }}" for p in pipelines]
    return "\n".join(lines) + "\n"


# Line 12 names an owner the config does not declare.
BROKEN = config(["orders", "profit"]) + "  billing: { name: Billing, owners: { primary: zed } }\n"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def eventually(check: Callable[[], bool], what: str, timeout: float = 10) -> None:
    """Polls `check` until it holds: a reload happens on the server's own schedule after a signal."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.05)
    pytest.fail(f"timed out waiting for {what}")


def metric(url: str, name: str) -> float | None:
    for line in requests.get(f"{url}/metrics", timeout=5).text.splitlines():
        if line.startswith(name + " "):
            return float(line.split()[1])
    return None


def test_sighup_reloads_and_an_invalid_config_keeps_the_last_good_one() -> None:
    with tempfile.TemporaryDirectory() as work:
        path = Path(work, "pipewatch.yaml")
        path.write_text(config(["orders"]))
        log_path = Path(work, "server.log")
        port = free_port()
        with open(log_path, "wb") as log:
            server = subprocess.Popen(
                [BIN, "serve", "--config", str(path), "--database", str(Path(work, "state.sqlite")),
                 "--port", str(port), "--no-checks"],
                stdout=log, stderr=subprocess.STDOUT, cwd=work,
            )
        url = f"http://127.0.0.1:{port}"
        try:
            def up() -> bool:
                try:
                    return requests.get(f"{url}/healthz", timeout=1).status_code == 200
                except requests.ConnectionError:
                    assert server.poll() is None, log_path.read_text()
                    return False

            eventually(up, "the server to answer")

            def pipelines() -> list[str]:
                answer = requests.get(f"{url}/api/v1/pipelines", timeout=5)
                assert answer.status_code == 200, answer.text
                return [p["id"] for p in answer.json()["pipelines"]]

            assert pipelines() == ["orders"]
            assert metric(url, "pipewatch_config_last_reload_successful") == 1
            started = metric(url, "pipewatch_config_last_reload_success_timestamp_seconds")
            assert started is not None and abs(started - time.time()) < 120
            assert "loaded the config" in log_path.read_text()

            # A pipeline added to the file is served after SIGHUP, by the same process.
            path.write_text(config(["orders", "profit"]))
            server.send_signal(signal.SIGHUP)
            eventually(lambda: pipelines() == ["orders", "profit"], "the reloaded config to list 'profit'")
            assert requests.get(f"{url}/api/v1/pipelines/profit", timeout=5).status_code == 200
            assert metric(url, "pipewatch_config_last_reload_successful") == 1

            # A broken file is refused: the server keeps running on the last good config.
            path.write_text(BROKEN)
            server.send_signal(signal.SIGHUP)
            eventually(lambda: metric(url, "pipewatch_config_last_reload_successful") == 0, "the gauge at 0")
            assert server.poll() is None, "SIGHUP with a broken config ended the server"
            assert pipelines() == ["orders", "profit"]
            assert requests.get(f"{url}/api/v1/pipelines/billing", timeout=5).status_code == 404
            log_text = log_path.read_text()
            assert "pipewatch.yaml:12:" in log_text and "error:" in log_text and "'zed'" in log_text, log_text
            assert "still serving the last good one" in log_text, log_text

            # POST /-/reload: only with an admin token; it answers with the errors, then the fix.
            assert requests.post(f"{url}/-/reload", timeout=5).status_code == 401
            forbidden = requests.post(f"{url}/-/reload", headers={"Authorization": f"Bearer {WRITE}"}, timeout=5)
            assert forbidden.status_code == 403, forbidden.text
            admin = {"Authorization": f"Bearer {ADMIN}"}
            refused = requests.post(f"{url}/-/reload", headers=admin, timeout=5)
            assert refused.status_code == 400, refused.text
            assert any(e.startswith("pipewatch.yaml:12:") and "'zed'" in e for e in refused.json()["errors"]), refused.text
            path.write_text(config(["orders", "profit", "billing"]))
            reloaded = requests.post(f"{url}/-/reload", headers=admin, timeout=5)
            assert reloaded.status_code == 200, reloaded.text
            assert reloaded.json()["pipelines"] == 3
            assert pipelines() == ["orders", "profit", "billing"]
            assert metric(url, "pipewatch_config_last_reload_successful") == 1
        finally:
            server.send_signal(signal.SIGTERM)
            code = server.wait(timeout=20)
        assert code == 0, log_path.read_text()
