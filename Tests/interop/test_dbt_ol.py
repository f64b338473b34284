"""dbt-ol (openlineage-dbt) posting to a live `pipewatch serve`, as a dbt team sets it up.

Needs:
  PIPEWATCH_BIN   the pipewatch executable; the test starts its own servers on a fresh SQLite store
dbt-ol, dbt and dbt-duckdb come from the venv running pytest (scripts/python-env.sh).

The project (Tests/interop/dbt_ol_project, dbt-duckdb: dbt-ol does not support sqlite) has models
`orders` and `customers`; `orders` lists order 2 twice, so its `unique` test fails. dbt-ol is
configured only by the environment, as its docs say: OPENLINEAGE_URL, OPENLINEAGE_ENDPOINT and
OPENLINEAGE_API_KEY; its job namespace is left at its default (`dbt`).

The story:
1. The config maps no dbt job. `dbt-ol run`, then `dbt-ol test`: the failing test is listed under
   `unmatched` in GET /api/v1/signals with its assertion, and counted in /metrics.
2. The config maps `dbt: model.shop.orders` and the server restarts on the same store: the runs
   already stored are attributed to the pipeline, which now has the test's failure as a signal.
3. `dbt-ol run` again succeeds: the test's failure stays open (dbt-ol's `run` and `test` share the
   parent job `dbt-run-shop`, and a run says nothing about the tests).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from pwinterop import ServeProcess, check_run_shape, check_signal_shape, eventually, mentions, parse_instant, pretty

BIN = os.environ.get("PIPEWATCH_BIN", "")
HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
VENV_BIN = Path(sys.executable).parent
DBT_OL = VENV_BIN / "dbt-ol"
TOKEN = "pipewatch-demo-token"
TOKEN_SHA256 = "5f82654d41085febd21a85a28b5d9a212e7bb52396b064ef2f632f20e706da32"
PIPELINE = "shop-orders"
TEST_JOB = "shop.main.shop.orders.test"
MODEL_JOB = "shop.main.shop.orders"
FAILING_ASSERTION = "unique_orders_order_id"

if not BIN:
    pytest.skip("PIPEWATCH_BIN is unset: point it at a built pipewatch to run the dbt-ol test", allow_module_level=True)
if not DBT_OL.exists():
    pytest.skip(f"{DBT_OL} is missing: run scripts/python-env.sh", allow_module_level=True)

CONFIG = """
team: {{ name: Shop analytics, timezone: UTC }}
engineers:
  a: {{ name: Engineer A, email: a@example.com, region: GB, timezone: UTC }}
  b: {{ name: Engineer B, email: b@example.com, region: GB, timezone: UTC }}
pipelines:
  {pipeline}:
    name: Shop orders
    owners: {{ primary: a, secondary: b }}
    jobs: [{jobs}]
api:
  read_access: open
  tokens:
    - {{ name: dbt, sha256: {sha}, scope: write }}
"""


def write_config(path: Path, jobs: str) -> Path:
    path.write_text(CONFIG.format(pipeline=PIPELINE, jobs=jobs, sha=TOKEN_SHA256))
    done = subprocess.run([BIN, "validate", "--config", str(path)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, f"{path} is invalid:\n{done.stdout}{done.stderr}"
    return path


def dbt_ol(command: str, project: Path, server: ServeProcess, expect: int) -> None:
    """`dbt-ol <command>` in the project, reporting to `server`; its exit status must be `expect`."""
    env = {
        **os.environ,
        "PATH": f"{VENV_BIN}{os.pathsep}{os.environ.get('PATH', '')}",  # dbt-ol runs `dbt` from PATH
        "OPENLINEAGE_URL": server.url,
        "OPENLINEAGE_ENDPOINT": "api/v1/lineage",
        "OPENLINEAGE_API_KEY": TOKEN,
        "PIPEWATCH_DBT_OL_DB": str(project / "shop.duckdb"),
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
        "DBT_VERSION_CHECK": "false",
        "DBT_USE_COLORS": "false",
    }
    done = subprocess.run(
        [str(DBT_OL), command, "--profiles-dir", str(project), "--project-dir", str(project)],
        cwd=project, env=env, capture_output=True, text=True, timeout=600,
    )
    output = done.stdout + done.stderr
    assert done.returncode == expect, f"dbt-ol {command} exited {done.returncode}, not {expect}:\n{output[-4000:]}"
    # The client logs and carries on when an event is refused: make sure each was accepted.
    assert "Emitted" in output and "failed to emit" not in output, output[-4000:]


def test_dbt_ol_run_and_test_reach_the_pipeline_naming_the_model(tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(HERE / "dbt_ol_project", project)
    database = tmp_path / "state.sqlite"
    log = tmp_path / "server.log"

    # 1. No pipeline maps the dbt jobs yet.
    unmapped = write_config(tmp_path / "unmapped.yaml", "{ namespace: airflow, name: shop_daily }")
    server = ServeProcess(BIN, unmapped, database, log)
    try:
        dbt_ol("run", project, server, expect=0)
        dbt_ol("test", project, server, expect=1)
        listed = server.get("/api/v1/signals")
        assert listed["signals"] == [], pretty(listed)
        failures = {failure["job"]["name"]: failure for failure in listed["unmatched"]}
        assert TEST_JOB in failures, pretty(listed)
        test_failure = failures[TEST_JOB]
        assert test_failure["kind"] == "processing_failure"
        assert mentions(test_failure, FAILING_ASSERTION), pretty(test_failure)
        parse_instant(test_failure["opened_at"], "unmatched failure opened_at")
        metrics = server.get("/metrics")
        counted = [line for line in metrics.splitlines() if line.startswith("pipewatch_unmatched_job_failures ")]
        assert counted and float(counted[0].split()[1]) >= 1, counted
        unmatched_jobs = {job["name"] for job in server.get("/api/v1/jobs/unmatched")["jobs"]}
        assert {MODEL_JOB, TEST_JOB, "dbt-run-shop"} <= unmatched_jobs, unmatched_jobs
    finally:
        server.stop()

    # 2. The config maps the model; at start the server attributes the stored runs to the pipeline.
    mapped = write_config(tmp_path / "mapped.yaml", "{ dbt: model.shop.orders }")
    server = ServeProcess(BIN, mapped, database, log)
    try:
        def test_signal() -> dict[str, Any] | None:
            signals = server.get(f"/api/v1/signals?pipeline={PIPELINE}")["signals"]
            return next((s for s in signals if s["subject"] == f"job:dbt/{TEST_JOB}"), None)

        signal_before = eventually("the pipeline's signal for the failed dbt test", test_signal)
        check_signal_shape(signal_before)
        assert signal_before["kind"] == "processing_failure"
        assert FAILING_ASSERTION in signal_before["summary"], pretty(signal_before)
        assert FAILING_ASSERTION in signal_before["evidence"].get("failed_assertions", ""), pretty(signal_before)
        runs = server.get(f"/api/v1/pipelines/{PIPELINE}/runs")["runs"]
        for run in runs:
            check_run_shape(run)
        assert {run["job"]["name"] for run in runs} == {MODEL_JOB, TEST_JOB}, pretty(runs)
        # Event times keep their fractions of a second (dbt-ol sends microseconds; the store keeps ms).
        assert any("." in run["started_at"] for run in runs), pretty(runs)
        assert all(failure["job"]["name"] not in (MODEL_JOB, TEST_JOB) for failure in server.get("/api/v1/signals")["unmatched"])

        # 3. A later successful `dbt-ol run` does not clear the failed test.
        dbt_ol("run", project, server, expect=0)
        runs_after = server.get(f"/api/v1/pipelines/{PIPELINE}/runs")["runs"]
        model_runs = [run for run in runs_after if run["job"]["name"] == MODEL_JOB]
        assert len(model_runs) == 2 and all(run["state"] == "completed" for run in model_runs), pretty(runs_after)
        signal_after = test_signal()
        assert signal_after is not None, pretty(server.get("/api/v1/signals"))
        assert signal_after["opened_at"] == signal_before["opened_at"]
    finally:
        server.stop()
