"""A real Apache Airflow with its OpenLineage provider posting to a live `pipewatch serve`.

Needs:
  PIPEWATCH_BIN            the pipewatch executable; the test starts its own server on a fresh SQLite store
  PIPEWATCH_AIRFLOW_VENV   a venv holding apache-airflow and apache-airflow-providers-openlineage
                           (scripts/airflow-env.sh creates .venv-airflow and prints its path)

Airflow is configured only as our docs tell users to (docs: OpenLineage from Airflow):
  AIRFLOW__OPENLINEAGE__TRANSPORT='{"type":"http","url":"http://127.0.0.1:PORT","endpoint":"api/v1/lineage",
                                    "auth":{"type":"api_key","apiKey":"TOKEN"}}'
  AIRFLOW__OPENLINEAGE__NAMESPACE=airflow
Its metadata database is SQLite in a temporary AIRFLOW_HOME (`airflow db migrate`), and the DAG
runs with `airflow dags test` (no scheduler). The DAG (airflow/dags/profit_daily.py) runs
`extract`, which succeeds, then `load_profit`, which fails with `exit 3`.

`airflow dags test` sends no DAG-level START: the DAG's run arrives as one FAIL event whose
`airflowDagRun` facet carries its start; each task sends START and COMPLETE/FAIL with a `parent`
facet naming the DAG's run. The server is the seed config (examples/seed/pipewatch.yaml), copied
into a temporary folder, where pipeline `profit` maps job `airflow/profit_daily`.

A second `airflow dags test`, side by side with the first in its own AIRFLOW_HOME (a copy of the
migrated database), leaves AIRFLOW__OPENLINEAGE__NAMESPACE unset: its jobs are `default/...` and
land unmatched, which is why the docs tell users to set the namespace.

On a failure, the events the server stored (its `lineage_events` table) are printed.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import time
from pathlib import Path
from typing import Any, Iterator

import pytest

from pwinterop import ServeProcess, check_run_shape, check_signal_shape, eventually, mentions, parse_instant, pretty

BIN = os.environ.get("PIPEWATCH_BIN", "")
VENV = os.environ.get("PIPEWATCH_AIRFLOW_VENV", "")
HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
TOKEN = "pipewatch-demo-token"
PIPELINE = "profit"
DAG_ID = "profit_daily"
DAG_JOB = ("airflow", DAG_ID)
FAILING_TASK_JOB = ("airflow", f"{DAG_ID}.load_profit")
SUCCEEDING_TASK_JOB = ("airflow", f"{DAG_ID}.extract")
# What BashOperator raises for `exit 3` (airflow.providers.standard.operators.bash), as the
# provider sends it in the task's errorMessage facet.
TASK_ERROR = "Bash command failed. The command returned a non-zero exit code 3."

if not BIN:
    pytest.skip("PIPEWATCH_BIN is unset: point it at a built pipewatch to run the Airflow test", allow_module_level=True)
if not VENV:
    pytest.skip("PIPEWATCH_AIRFLOW_VENV is unset: run scripts/airflow-env.sh and point it at the venv it prints", allow_module_level=True)
AIRFLOW = Path(VENV) / "bin" / "airflow"
if not AIRFLOW.exists():
    pytest.skip(f"{AIRFLOW} is missing: run scripts/airflow-env.sh", allow_module_level=True)


class Server(ServeProcess):
    """`pipewatch serve` on the Airflow test's config, able to show what it stored."""

    def __init__(self, config: Path, database: Path, log: Path) -> None:
        super().__init__(BIN, config, database, log)

    def stored_events(self) -> str:
        """The lineage events the server stored, as Airflow sent them: shown when a check fails."""
        try:
            with sqlite3.connect(f"file:{self.database}?mode=ro", uri=True) as db:
                rows = db.execute(
                    "SELECT event_type, job_namespace, job_name, body FROM lineage_events ORDER BY event_time_ms"
                ).fetchall()
        except sqlite3.Error as error:
            return f"(could not read lineage_events: {error})"
        return "\n".join(f"{kind} {namespace}/{name}: {body[:4000]}" for kind, namespace, name, body in rows)


class Airflow:
    """An AIRFLOW_HOME on SQLite with the test's DAG. `airflow db migrate` runs once: a second home
    starts from a copy of the migrated database."""

    def __init__(self, home: Path, migrated: Airflow | None = None) -> None:
        self.home = home
        (home / "dags").mkdir(parents=True)
        shutil.copy(HERE / "airflow" / "dags" / f"{DAG_ID}.py", home / "dags")
        started = time.monotonic()
        if migrated is None:
            done = self.run("db", "migrate", env=self.env(), timeout=300)
            assert done.returncode == 0, f"airflow db migrate exited {done.returncode}:\n{(done.stdout + done.stderr)[-6000:]}"
        else:
            shutil.copy(migrated.home / "airflow.db", home / "airflow.db")
        self.migrate_seconds = time.monotonic() - started

    def env(self, transport: dict[str, Any] | None = None, namespace: str | None = None) -> dict[str, str]:
        # Nothing from the caller's shell: no AIRFLOW__* or OPENLINEAGE* variable but ours.
        env = {k: v for k, v in os.environ.items() if not k.startswith(("AIRFLOW", "OPENLINEAGE"))}
        env.update({
            "PATH": f"{Path(VENV) / 'bin'}{os.pathsep}{os.environ.get('PATH', '')}",
            "AIRFLOW_HOME": str(self.home),
            "AIRFLOW__CORE__DAGS_FOLDER": str(self.home / "dags"),
            "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
            "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN": f"sqlite:///{self.home / 'airflow.db'}",
        })
        if transport is not None:
            # As docs/integrations.md writes it: JSON in one variable.
            env["AIRFLOW__OPENLINEAGE__TRANSPORT"] = json.dumps(transport)
        if namespace is not None:
            env["AIRFLOW__OPENLINEAGE__NAMESPACE"] = namespace
        return env

    def run(self, *args: str, env: dict[str, str], timeout: float) -> subprocess.CompletedProcess[str]:
        return subprocess.run([str(AIRFLOW), *args], cwd=self.home, env=env, capture_output=True, text=True, timeout=timeout)

    def start_dags_test(self, server: Server, namespace: str | None) -> DagsTest:
        transport = {
            "type": "http",
            "url": server.url,
            "endpoint": "api/v1/lineage",
            "auth": {"type": "api_key", "apiKey": TOKEN},
        }
        return DagsTest(self, self.env(transport, namespace))


class DagsTest:
    """`airflow dags test profit_daily`, running in the background."""

    def __init__(self, airflow: Airflow, env: dict[str, str]) -> None:
        self.started = time.monotonic()
        self.output_path = airflow.home / "dags-test.log"
        self.process = subprocess.Popen(
            [str(AIRFLOW), "dags", "test", DAG_ID], cwd=airflow.home, env=env,
            stdout=self.output_path.open("wb"), stderr=subprocess.STDOUT,
        )

    def finish(self) -> float:
        """Waits for it and checks its output; returns its wall time in seconds."""
        try:
            code = self.process.wait(timeout=300)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
            pytest.fail(f"airflow dags test ran over 300 s:\n{self.output_path.read_text()[-6000:]}")
        elapsed = time.monotonic() - self.started
        output = self.output_path.read_text(errors="replace")
        # The DAG run failed (load_profit), so `airflow dags test` exits 1.
        assert code == 1 and "Bash command failed" in output, f"airflow dags test exited {code}:\n{output[-6000:]}"
        # The provider logs and carries on when the server refuses an event: each must be accepted.
        emitted = output.count("Successfully emitted OpenLineage")
        assert emitted == 5, f"{emitted} events emitted, not 5 (START/COMPLETE, START/FAIL, the DAG's FAIL):\n{output[-6000:]}"
        for refused in ("Failed to emit", "failed to emit", "Client Error", "Server Error"):
            assert refused not in output, f"an event was refused:\n{output[-6000:]}"
        return elapsed


def job_of(run: dict[str, Any]) -> tuple[str, str]:
    return (run["job"]["namespace"], run["job"]["name"])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    folder = tmp_path_factory.mktemp("pipewatch")
    # A copy of the seed config: `serve` writes the seed's demo warehouse beside its config.
    config = folder / "pipewatch.yaml"
    shutil.copy(ROOT / "examples" / "seed" / "pipewatch.yaml", config)
    running = Server(config, folder / "state.sqlite", folder / "server.log")
    try:
        yield running
    finally:
        running.stop()


@pytest.fixture(scope="module")
def dag_runs(server: Server, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """`airflow dags test profit_daily` twice at once, each in its own AIRFLOW_HOME: with the
    documented settings, and without AIRFLOW__OPENLINEAGE__NAMESPACE (the provider's default).
    Side by side, because each spends most of its ~20 s starting Airflow."""
    started = time.monotonic()
    documented = Airflow(tmp_path_factory.mktemp("airflow-home"))
    default = Airflow(tmp_path_factory.mktemp("airflow-home-default"), migrated=documented)
    runs = [documented.start_dags_test(server, namespace="airflow"), default.start_dags_test(server, namespace=None)]
    seconds = [run.finish() for run in runs]
    print(
        f"airflow db migrate: {documented.migrate_seconds:.1f} s; two airflow dags test side by side: "
        f"{seconds[0]:.1f} s and {seconds[1]:.1f} s; in all {time.monotonic() - started:.1f} s"
    )

    def dag_run_listed() -> list[dict[str, Any]] | None:
        listed = server.get(f"/api/v1/pipelines/{PIPELINE}/runs")["runs"]
        return listed if any(job_of(run) == DAG_JOB and run["state"] != "running" for run in listed) else None

    return {"runs": eventually("the DAG's run under `profit`", dag_run_listed)}


def test_dag_run_is_failed_with_its_real_start_and_duration(server: Server, dag_runs: dict[str, Any]) -> None:
    runs = dag_runs["runs"]
    for run in runs:
        check_run_shape(run)
    of_the_dag = [run for run in runs if job_of(run) == DAG_JOB]
    assert len(of_the_dag) == 1, f"{pretty(runs)}\nstored events:\n{server.stored_events()}"
    run = of_the_dag[0]
    assert run["state"] == "failed", f"{pretty(run)}\nstored events:\n{server.stored_events()}"
    started = parse_instant(run["started_at"], "DAG run started_at")
    ended = parse_instant(run["ended_at"], "DAG run ended_at")
    # No START was sent: the start comes from the airflowDagRun facet, so the run is not 0 s.
    assert started < ended, f"{pretty(run)}\nstored events:\n{server.stored_events()}"
    assert run["duration_s"] is not None and run["duration_s"] > 0, pretty(run)
    assert abs(run["duration_s"] - (ended - started).total_seconds()) < 0.01, pretty(run)
    # extract sleeps 1 s: the DAG run lasted at least that long.
    assert run["duration_s"] >= 1, pretty(run)


def test_task_runs_are_attributed_to_the_pipeline_through_the_parent_facet(server: Server, dag_runs: dict[str, Any]) -> None:
    runs = dag_runs["runs"]
    by_job = {job_of(run): run for run in runs}
    assert FAILING_TASK_JOB in by_job, f"{pretty(runs)}\nstored events:\n{server.stored_events()}"
    assert SUCCEEDING_TASK_JOB in by_job, pretty(runs)
    failed_task = by_job[FAILING_TASK_JOB]
    assert failed_task["state"] == "failed", pretty(failed_task)
    assert failed_task["error_message"] and TASK_ERROR in failed_task["error_message"], pretty(failed_task)
    assert parse_instant(failed_task["started_at"], "task started_at") <= parse_instant(failed_task["ended_at"], "task ended_at")
    assert by_job[SUCCEEDING_TASK_JOB]["state"] == "completed", pretty(by_job[SUCCEEDING_TASK_JOB])
    # The tasks ran inside the DAG's run.
    dag = by_job[DAG_JOB]
    assert parse_instant(dag["started_at"], "dag") <= parse_instant(by_job[SUCCEEDING_TASK_JOB]["started_at"], "task"), pretty(runs)
    unmatched = {(job["namespace"], job["name"]) for job in server.get("/api/v1/jobs/unmatched")["jobs"]}
    assert not unmatched & {DAG_JOB, FAILING_TASK_JOB, SUCCEEDING_TASK_JOB}, unmatched


def test_the_task_error_is_a_processing_failure_of_the_pipeline(server: Server, dag_runs: dict[str, Any]) -> None:
    def failure() -> list[dict[str, Any]]:
        signals = server.get(f"/api/v1/signals?pipeline={PIPELINE}")["signals"]
        return [s for s in signals if s["kind"] == "processing_failure" and mentions(s, TASK_ERROR)]

    found = eventually("a processing_failure naming the task's error", failure)
    for signal_ in found:
        check_signal_shape(signal_)
        assert signal_["pipeline"] == PIPELINE, pretty(signal_)
    # The DAG run failed because its task did: one failure, the task's, so the on-call is paged once.
    failures = [s for s in server.get(f"/api/v1/signals?pipeline={PIPELINE}")["signals"] if s["kind"] == "processing_failure"]
    assert [s["subject"] for s in failures] == [f"job:airflow/{FAILING_TASK_JOB[1]}"], pretty(failures)
    # The `default` namespace's run (beside this one) is unmatched; nothing of `airflow` is.
    unmatched = server.get("/api/v1/signals")["unmatched"]
    assert all(failure["job"]["namespace"] != "airflow" for failure in unmatched), pretty(unmatched)


def test_the_default_namespace_matches_no_pipeline(server: Server, dag_runs: dict[str, Any]) -> None:
    """Without AIRFLOW__OPENLINEAGE__NAMESPACE the provider says `default`: the jobs land unmatched,
    which is why the docs tell users to set it."""

    def unmatched() -> set[tuple[str, str]] | None:
        jobs = {(job["namespace"], job["name"]) for job in server.get("/api/v1/jobs/unmatched")["jobs"]}
        return jobs if ("default", DAG_ID) in jobs else None

    jobs = eventually("default/profit_daily under /api/v1/jobs/unmatched", unmatched)
    assert ("default", f"{DAG_ID}.load_profit") in jobs, jobs
    assert all(namespace == "default" for namespace, _ in jobs), jobs
    failures = server.get("/api/v1/signals")["unmatched"]
    assert any(f["job"]["namespace"] == "default" and mentions(f, TASK_ERROR) for f in failures), pretty(failures)
    # Nothing of it under `profit`: one DAG run, all in the `airflow` namespace.
    runs = server.get(f"/api/v1/pipelines/{PIPELINE}/runs")["runs"]
    assert [job_of(run) for run in runs].count(DAG_JOB) == 1, pretty(runs)
    assert all(run["job"]["namespace"] == "airflow" for run in runs), pretty(runs)
