"""Checks shared by the interoperability tests: the shapes of Pipewatch's JSON answers."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

import pytest

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
