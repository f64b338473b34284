"""A real dbt project's artifacts ingested by the `pipewatch` CLI, and the signals they become.

Needs:
  PIPEWATCH_BIN          the pipewatch executable (e.g. .build/debug/pipewatch)
Optional:
  PIPEWATCH_DBT_TARGET   a directory holding run_results.json, sources.json and manifest.json
                         from Tests/interop/dbt_build.sh; unset, the test runs dbt_build.sh itself
                         (dbt from .venv) into a temporary directory
  PIPEWATCH_CONFIG       the config (default: examples/seed/pipewatch.yaml)
  PIPEWATCH_DATABASE     the store (default: a fresh SQLite file in a temporary directory); a
                         postgres:// URL runs the same test against PostgreSQL

The dbt project (Tests/interop/dbt_project) maps model profit_daily and source raw.orders to
pipeline `profit` through `meta.pipewatch_pipeline`. `dbt build` fails
not_null_profit_daily_cost (a test of profit_daily, so of `profit`), warns on
not_null_profit_daily_profit (severity warn) and on an accepted_values test of stg_orders (no
pipeline), and skips profit_monthly; `dbt source freshness` reports raw.orders
`warn` and raw.customers `error` (no pipeline).
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest

from pwinterop import check_signal_shape, mentions, pretty

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
BIN = os.environ.get("PIPEWATCH_BIN", "")

if not BIN:
    pytest.skip(
        "PIPEWATCH_BIN is unset: build pipewatch and set PIPEWATCH_BIN to its path to run the dbt interop tests",
        allow_module_level=True,
    )

PIPELINE = "profit"
FAILING_TEST = "not_null_profit_daily_cost"
WARNING_TEST = "not_null_profit_daily_profit"
UNMATCHED_WARNING_TEST = "accepted_values_stg_orders_status"
ARTIFACTS = ("run_results.json", "sources.json", "manifest.json")


class Pipewatch:
    def __init__(self, config: str, database: str) -> None:
        self.config = config
        self.database = database

    def run(self, *args: str, ok: tuple[int, ...] = (0,)) -> subprocess.CompletedProcess[str]:
        command = [BIN, *args, "--config", self.config, "--database", self.database]
        done = subprocess.run(command, capture_output=True, text=True, timeout=120, cwd=ROOT)
        assert done.returncode in ok, (
            f"{' '.join(command)} exited {done.returncode}\nstdout:\n{done.stdout}\nstderr:\n{done.stderr}"
        )
        return done

    def signals(self, pipeline: str | None = None) -> list[dict[str, Any]]:
        args = ["signals", "--format", "json"] + (["--pipeline", pipeline] if pipeline else [])
        # Open signals may count as a finding (exit 1); the JSON is what is checked.
        done = self.run(*args, ok=(0, 1))
        try:
            body = json.loads(done.stdout)
        except json.JSONDecodeError as error:
            pytest.fail(f"`pipewatch {' '.join(args)}` did not print JSON ({error}):\n{done.stdout}\n{done.stderr}")
        assert isinstance(body, dict) and isinstance(body.get("signals"), list), pretty(body)
        for signal in body["signals"]:
            check_signal_shape(signal)
        return body["signals"]


@pytest.fixture(scope="module")
def dbt_target(tmp_path_factory: pytest.TempPathFactory) -> Path:
    given = os.environ.get("PIPEWATCH_DBT_TARGET")
    if given:
        target = Path(given)
    else:
        target = tmp_path_factory.mktemp("dbt-target")
        subprocess.run([str(HERE / "dbt_build.sh"), str(target)], check=True, timeout=600)
    for name in ARTIFACTS:
        assert (target / name).is_file(), f"{target / name} is missing; run Tests/interop/dbt_build.sh {target}"
    return target


@pytest.fixture(scope="module")
def pipewatch(tmp_path_factory: pytest.TempPathFactory, dbt_target: Path) -> Pipewatch:
    config = os.environ.get("PIPEWATCH_CONFIG") or str(ROOT / "examples/seed/pipewatch.yaml")
    database = os.environ.get("PIPEWATCH_DATABASE") or str(tmp_path_factory.mktemp("store") / "state.sqlite")
    tool = Pipewatch(config, database)
    tool.run("ingest", "dbt", str(dbt_target))
    return tool


def test_the_artifacts_are_what_the_project_promises(dbt_target: Path) -> None:
    """Guards the premise of the other tests: dbt really produced the failure and the warnings."""
    build = json.loads((dbt_target / "run_results.json").read_text())
    statuses = {r["unique_id"].split(".")[2]: r["status"] for r in build["results"]}
    assert statuses[FAILING_TEST] == "fail", statuses
    assert statuses[WARNING_TEST] == "warn", statuses
    assert statuses[next(k for k in statuses if k.startswith(UNMATCHED_WARNING_TEST))] == "warn", statuses
    assert statuses["profit_daily"] == "success" and statuses["profit_monthly"] == "skipped", statuses
    fresh = json.loads((dbt_target / "sources.json").read_text())
    assert {r["unique_id"]: r["status"] for r in fresh["results"]} == {
        "source.pipewatch_interop.raw.orders": "warn",
        "source.pipewatch_interop.raw.customers": "error",
    }


def test_the_failing_dbt_test_is_a_processing_failure_of_its_models_pipeline(pipewatch: Pipewatch) -> None:
    signals = pipewatch.signals(PIPELINE)
    assert all(s["pipeline"] == PIPELINE for s in signals), "--pipeline must filter:\n" + pretty(signals)
    failures = [s for s in signals if s["kind"] == "processing_failure" and mentions(s["evidence"], FAILING_TEST)]
    assert failures, f"no processing_failure for {PIPELINE} whose evidence names {FAILING_TEST}:\n" + pretty(signals)


def test_a_warning_test_is_not_a_failure(pipewatch: Pipewatch) -> None:
    signals = pipewatch.signals()
    wrong = [
        s
        for s in signals
        if s["kind"] == "processing_failure"
        and (mentions(s["evidence"], WARNING_TEST) or mentions(s["evidence"], UNMATCHED_WARNING_TEST))
    ]
    assert not wrong, "a dbt test with status warn must not be a processing failure:\n" + pretty(wrong)


def test_a_stale_source_is_a_late_input_of_its_pipeline(pipewatch: Pipewatch) -> None:
    signals = pipewatch.signals(PIPELINE)
    late = [s for s in signals if s["kind"] == "late_input" and mentions(s["evidence"], "orders")]
    assert late, f"no late_input for {PIPELINE} from the source freshness warn of raw.orders:\n" + pretty(signals)


def test_ingesting_the_same_artifacts_again_changes_nothing(pipewatch: Pipewatch, dbt_target: Path) -> None:
    def opened() -> list[tuple[str, str, str]]:
        # Kind, pipeline and opening time: evidence may hold figures computed at read time (ages).
        return sorted((s["kind"], s["pipeline"], s["opened_at"]) for s in pipewatch.signals())

    before = opened()
    pipewatch.run("ingest", "dbt", str(dbt_target))
    assert opened() == before
