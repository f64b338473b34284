"""SQLite is single-instance: a second `pipewatch serve` on the same file stops at once with exit
status 3 and says which process runs the engine there; the first keeps serving."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
import requests

from pwinterop import ServeProcess, free_port

BIN = os.environ.get("PIPEWATCH_BIN", "")
SEED = Path(__file__).resolve().parents[2] / "examples" / "seed" / "pipewatch.yaml"

if not BIN:
    pytest.skip("PIPEWATCH_BIN is unset", allow_module_level=True)


def test_a_second_server_on_one_sqlite_file_is_refused() -> None:
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        shutil.copy(SEED, work / "pipewatch.yaml")
        database = work / "state.sqlite"
        first = ServeProcess(BIN, work / "pipewatch.yaml", database, work / "first.log")
        try:
            second = subprocess.run(
                [BIN, "serve", "--config", str(work / "pipewatch.yaml"), "--database", str(database),
                 "--port", str(free_port()), "--no-checks"],
                capture_output=True, text=True, timeout=60,
            )
            assert second.returncode == 3, second.stderr
            assert f"another 'pipewatch serve' (process {first.process.pid}) runs the engine on" in second.stderr
            assert "PostgreSQL" in second.stderr
            assert requests.get(f"{first.url}/healthz", timeout=5).status_code == 200
        finally:
            first.stop()
