"""What the interoperability tests share: the shapes of Pipewatch's JSON answers, and a
`pipewatch serve` process for the tests that start their own."""

from __future__ import annotations

import json
import signal
import socket
import subprocess
import time
from datetime import datetime
from pathlib import Path
from typing import Any, Callable

import pytest
import requests

RUN_STATES = {"running", "completed", "failed", "aborted", "skipped", "unknown"}
SIGNAL_KINDS = {"processing_failure", "slow_run", "missed_deadline", "late_input", "schema_change", "check_failed", "check_error"}


def parse_instant(value: Any, what: str) -> datetime:
    """An ISO 8601 instant with an offset, as the API promises; fails the test otherwise."""
    assert isinstance(value, str), f"{what}: expected an ISO 8601 string, got {value!r}"
    try:
        instant = datetime.fromisoformat(value)
    except ValueError as error:
        pytest.fail(f"{what}: {value!r} is not ISO 8601 ({error})")
    assert instant.tzinfo is not None, f"{what}: {value!r} has no UTC offset"
    return instant


def check_run_shape(run: dict[str, Any]) -> None:
    """One element of GET /api/v1/pipelines/{id}/runs."""
    assert isinstance(run.get("run_id"), str), run
    job = run.get("job")
    assert isinstance(job, dict) and isinstance(job.get("namespace"), str) and isinstance(job.get("name"), str), run
    assert run.get("state") in RUN_STATES, run
    for key in ("started_at", "ended_at"):
        assert key in run, f"run without {key}: {run}"
        if run[key] is not None:
            parse_instant(run[key], f"run {run['run_id']} {key}")
    assert "error_message" in run and (run["error_message"] is None or isinstance(run["error_message"], str)), run


def check_signal_shape(signal: dict[str, Any]) -> None:
    """One element of GET /api/v1/signals (and of `pipewatch signals --format json`)."""
    assert signal.get("kind") in SIGNAL_KINDS, signal
    assert isinstance(signal.get("pipeline"), str), signal
    parse_instant(signal.get("opened_at"), f"signal {signal.get('kind')} opened_at")
    assert isinstance(signal.get("summary"), str) and signal["summary"], signal
    assert isinstance(signal.get("evidence"), dict), signal


def mentions(value: Any, needle: str) -> bool:
    """Whether `needle` occurs anywhere in a JSON value (keys excluded): evidence is free-form."""
    if isinstance(value, str):
        return needle in value
    if isinstance(value, dict):
        return any(mentions(v, needle) for v in value.values())
    if isinstance(value, list):
        return any(mentions(v, needle) for v in value)
    return False


def pretty(value: Any) -> str:
    return json.dumps(value, indent=2, sort_keys=True, default=str)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def eventually(what: str, probe: Callable[[], Any], seconds: float = 20) -> Any:
    """`probe()` once it is truthy; fails the test after `seconds`."""
    deadline = time.monotonic() + seconds
    while True:
        value = probe()
        if value or time.monotonic() > deadline:
            assert value, f"{what} did not happen within {seconds} s"
            return value
        time.sleep(0.25)


class ServeProcess:
    """`pipewatch serve` (the executable `binary`) on a config and a store, stopped with SIGTERM."""

    def __init__(self, binary: str, config: Path, database: Path, log: Path, env: dict[str, str] | None = None) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.database = database
        self.log = log
        self.process = subprocess.Popen(
            [binary, "serve", "--config", str(config), "--database", str(database), "--port", str(self.port), "--no-checks"],
            stdout=log.open("ab"), stderr=subprocess.STDOUT, env=env,
        )
        for _ in range(150):
            try:
                if requests.get(f"{self.url}/healthz", timeout=1).status_code == 200:
                    return
            except requests.ConnectionError:
                pass
            if self.process.poll() is not None:
                break
            time.sleep(0.2)
        self.stop()
        pytest.fail(f"pipewatch serve did not start:\n{log.read_text()}")

    def get(self, path: str) -> Any:
        """The JSON answered to a GET (the text, for /metrics); fails the test on another status than 200."""
        response = requests.get(f"{self.url}{path}", timeout=10)
        assert response.status_code == 200, f"GET {path}: {response.status_code} {response.text}"
        return response.text if path == "/metrics" else response.json()

    def stop(self) -> None:
        """Stops the server gracefully, as SIGTERM does in production; it must exit 0 within 30 s."""
        if self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            code = self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            pytest.fail(f"pipewatch serve did not stop within 30 s of SIGTERM:\n{self.log.read_text()}")
        assert code == 0, self.log.read_text()

