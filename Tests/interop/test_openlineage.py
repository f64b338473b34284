"""The official OpenLineage Python client (openlineage-python) talking to a live `pipewatch serve`.

Needs:
  PIPEWATCH_URL          base URL of the running server, e.g. http://127.0.0.1:18080
  PIPEWATCH_WRITE_TOKEN  a token with write scope declared in the server's config
  PIPEWATCH_READ_TOKEN   optional: sent on reads (default: the write token)
The server must run the seed config (examples/seed/pipewatch.yaml), where the OpenLineage job
airflow/profit_daily belongs to pipeline `profit`.

Every test uses fresh run IDs and unique error messages and looks only at its own runs, so the
module can run against a store that already holds other events. Every accepted run is finished
(COMPLETE or FAIL), so none is left running to open a slow_run. Event times lie in the recent
past and the failing run is the newest run of profit_daily, so the processing_failure it opens
is not cleared by another test's successful run.
"""

from __future__ import annotations

import gzip
import json
import os
import time
import uuid
from datetime import datetime, timedelta, timezone
from typing import Any

import pytest
import requests
from openlineage.client import OpenLineageClient
from openlineage.client.event_v2 import InputDataset, Job, OutputDataset, Run, RunEvent, RunState
from openlineage.client.facet_v2 import (
    error_message_run,
    job_type_job,
    parent_run,
    schema_dataset,
    sql_job,
)
from openlineage.client.serde import Serde
from openlineage.client.uuid import generate_new_uuid

from pwinterop import check_run_shape, check_signal_shape, mentions, parse_instant, pretty

URL = os.environ.get("PIPEWATCH_URL", "")
WRITE_TOKEN = os.environ.get("PIPEWATCH_WRITE_TOKEN", "")
READ_TOKEN = os.environ.get("PIPEWATCH_READ_TOKEN", "") or WRITE_TOKEN

if not URL:
    pytest.skip(
        "PIPEWATCH_URL is unset: start `pipewatch serve` on the seed config and set PIPEWATCH_URL "
        "and PIPEWATCH_WRITE_TOKEN to run the OpenLineage interop tests",
        allow_module_level=True,
    )


@pytest.fixture(autouse=True, scope="module")
def _write_token_is_set() -> None:
    if not WRITE_TOKEN:
        pytest.fail("PIPEWATCH_URL is set but PIPEWATCH_WRITE_TOKEN is not: the tests need a write token")


PIPELINE = "profit"
NAMESPACE = "airflow"
JOB = "profit_daily"
PRODUCER = "https://github.com/pipewatch/pipewatch/tree/main/Tests/interop"
# One value per test session: error messages carry it so a test finds its own evidence.
SESSION = uuid.uuid4().hex[:8]


# --- the client and the events ------------------------------------------------------------


def make_client(*, token: str | None = WRITE_TOKEN, gzip_body: bool = False) -> OpenLineageClient:
    """The client as a user configures it: an `http` transport with `api_key` auth."""
    transport: dict[str, Any] = {"type": "http", "url": URL, "timeout": 10}
    if token is not None:
        transport["auth"] = {"type": "api_key", "apiKey": token}
    if gzip_body:
        transport["compression"] = "gzip"
    client = OpenLineageClient(config={"transport": transport})
    assert client.transport.kind == "http"
    return client


def iso(instant: datetime) -> str:
    return instant.astimezone(timezone.utc).isoformat()


def orders_input() -> InputDataset:
    return InputDataset(
        namespace="postgres://warehouse.example.com:5432",
        name="sales.public.orders",
        facets={
            "schema": schema_dataset.SchemaDatasetFacet(
                fields=[
                    schema_dataset.SchemaDatasetFacetFields(name="order_id", type="bigint"),
                    schema_dataset.SchemaDatasetFacetFields(name="amount", type="numeric"),
                    schema_dataset.SchemaDatasetFacetFields(name="cost", type="numeric"),
                    schema_dataset.SchemaDatasetFacetFields(name="updated_at", type="timestamp"),
                ]
            )
        },
    )


def profit_output() -> OutputDataset:
    return OutputDataset(namespace="postgres://warehouse.example.com:5432", name="analytics.public.profit_daily")


def event(
    kind: RunState,
    run_id: str,
    at: datetime,
    *,
    name: str = JOB,
    run_facets: dict[str, Any] | None = None,
) -> RunEvent:
    return RunEvent(
        eventType=kind,
        eventTime=iso(at),
        run=Run(runId=run_id, facets=run_facets or {}),
        job=Job(
            namespace=NAMESPACE,
            name=name,
            facets={
                "jobType": job_type_job.JobTypeJobFacet(processingType="BATCH", integration="AIRFLOW", jobType="TASK"),
                "sql": sql_job.SQLJobFacet(query="INSERT INTO analytics.profit_daily SELECT ..."),
            },
        ),
        producer=PRODUCER,
        inputs=[orders_input()],
        outputs=[profit_output()],
    )


def failure_facets(message: str) -> dict[str, Any]:
    return {
        "errorMessage": error_message_run.ErrorMessageRunFacet(
            message=message,
            programmingLanguage="PYTHON",
            stackTrace=f'Traceback (most recent call last):\n  File "profit.py", line 7\n{message}',
        )
    }


def new_run_id(at: datetime) -> str:
    return str(generate_new_uuid(at))


# --- reading Pipewatch back ----------------------------------------------------------------


def read(path: str) -> Any:
    headers = {"Accept": "application/json"}
    if READ_TOKEN:
        headers["Authorization"] = f"Bearer {READ_TOKEN}"
    response = requests.get(URL.rstrip("/") + path, headers=headers, timeout=10)
    assert response.status_code == 200, f"GET {path}: {response.status_code} {response.text[:500]}"
    assert response.headers.get("Content-Type", "").startswith("application/json"), response.headers
    return response.json()


def runs(pipeline: str = PIPELINE) -> list[dict[str, Any]]:
    body = read(f"/api/v1/pipelines/{pipeline}/runs")
    assert isinstance(body, dict) and isinstance(body.get("runs"), list), pretty(body)
    for run in body["runs"]:
        check_run_shape(run)
    return body["runs"]


def run_by_id(run_id: str) -> dict[str, Any] | None:
    found = [run for run in runs() if run["run_id"] == run_id]
    assert len(found) <= 1, f"run {run_id} listed {len(found)} times"
    return found[0] if found else None


def signals() -> list[dict[str, Any]]:
    body = read("/api/v1/signals")
    assert isinstance(body, dict) and isinstance(body.get("signals"), list), pretty(body)
    for signal in body["signals"]:
        check_signal_shape(signal)
    return body["signals"]


def assert_close(actual: Any, expected: datetime, what: str) -> None:
    instant = parse_instant(actual, what)
    assert abs(instant - expected) < timedelta(seconds=1), f"{what}: {actual}, expected {iso(expected)}"


def post_raw(body: bytes, *, token: str | None = WRITE_TOKEN, headers: dict[str, str] | None = None) -> requests.Response:
    all_headers = {"Content-Type": "application/json", **(headers or {})}
    if token is not None:
        all_headers["Authorization"] = f"Bearer {token}"
    return requests.post(URL.rstrip("/") + "/api/v1/lineage", data=body, headers=all_headers, timeout=10)


def valid_event_json(run_id: str, at: datetime) -> dict[str, Any]:
    """A valid START serialized as the client serializes it, for the rejection tests to break."""
    return json.loads(Serde.to_json(event(RunState.START, run_id, at)))


# --- rejections: nothing stored ------------------------------------------------------------


def test_wrong_token_gets_401_at_once_and_stores_nothing() -> None:
    at = datetime.now(timezone.utc) - timedelta(minutes=30)
    run_id = new_run_id(at)
    client = make_client(token="not-the-token-" + SESSION)
    started = time.monotonic()
    with pytest.raises(requests.HTTPError) as raised:
        client.emit(event(RunState.START, run_id, at))
    assert raised.value.response is not None and raised.value.response.status_code == 401
    # 401 is not retried: the client's retries (5, with backoff) would take well over a second.
    assert time.monotonic() - started < 3
    assert run_by_id(run_id) is None


def test_missing_token_gets_401_and_stores_nothing() -> None:
    at = datetime.now(timezone.utc) - timedelta(minutes=30)
    run_id = new_run_id(at)
    response = post_raw(json.dumps(valid_event_json(run_id, at)).encode(), token=None)
    assert response.status_code == 401, response.text
    assert run_by_id(run_id) is None


def _without(doc: dict[str, Any], *path: str) -> dict[str, Any]:
    target = doc
    for key in path[:-1]:
        target = target[key]
    del target[path[-1]]
    return doc


def _with(doc: dict[str, Any], value: Any, *path: str) -> dict[str, Any]:
    target = doc
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return doc


# (test id, how the valid event is broken, the field the error must name)
MALFORMED = [
    ("missing-runId", lambda d: _without(d, "run", "runId"), "runId"),
    ("runId-not-uuid", lambda d: _with(d, "run-42-not-a-uuid", "run", "runId"), "runId"),
    ("unknown-eventType", lambda d: _with(d, "EXPLODE", "eventType"), "eventType"),
    ("missing-eventTime", lambda d: _without(d, "eventTime"), "eventTime"),
    ("eventTime-not-a-time", lambda d: _with(d, "yesterday", "eventTime"), "eventTime"),
    ("missing-job-name", lambda d: _without(d, "job", "name"), "name"),
    ("missing-job-namespace", lambda d: _without(d, "job", "namespace"), "namespace"),
]


@pytest.mark.parametrize(("breakage", "field"), [(m[1], m[2]) for m in MALFORMED], ids=[m[0] for m in MALFORMED])
def test_malformed_event_gets_400_naming_the_field(breakage: Any, field: str) -> None:
    at = datetime.now(timezone.utc) - timedelta(minutes=30)
    run_id = new_run_id(at)
    doc = breakage(valid_event_json(run_id, at))
    response = post_raw(json.dumps(doc).encode())
    assert response.status_code == 400, f"{response.status_code} {response.text[:300]}"
    body = response.json()
    assert isinstance(body, dict) and isinstance(body.get("error"), str), body
    assert field in body["error"], f"the error should name {field!r}: {body['error']!r}"
    assert run_by_id(run_id) is None


def test_body_that_is_not_json_gets_400() -> None:
    response = post_raw(b'{"eventType": "START", "run": ')
    assert response.status_code == 400, response.text
    body = response.json()
    assert isinstance(body.get("error"), str) and body["error"], body


def test_gzip_header_on_a_body_that_is_not_gzip_gets_400() -> None:
    at = datetime.now(timezone.utc) - timedelta(minutes=30)
    run_id = new_run_id(at)
    response = post_raw(json.dumps(valid_event_json(run_id, at)).encode(), headers={"Content-Encoding": "gzip"})
    assert response.status_code == 400, response.text
    assert isinstance(response.json().get("error"), str)
    assert run_by_id(run_id) is None


# --- runs assembled from the client's events -----------------------------------------------


def test_start_then_complete_assembles_a_completed_run() -> None:
    client = make_client()
    start = datetime.now(timezone.utc) - timedelta(minutes=20)
    end = start + timedelta(seconds=42)
    run_id = new_run_id(start)

    client.emit(event(RunState.START, run_id, start))
    run = run_by_id(run_id)
    assert run is not None, f"START of {run_id} acknowledged but not listed under {PIPELINE}"
    assert run["job"] == {"namespace": NAMESPACE, "name": JOB}
    assert run["state"] == "running"
    assert_close(run["started_at"], start, "started_at")
    assert run["ended_at"] is None
    assert run["error_message"] is None

    client.emit(event(RunState.COMPLETE, run_id, end))
    run = run_by_id(run_id)
    assert run is not None
    assert run["state"] == "completed"
    assert_close(run["started_at"], start, "started_at")
    assert_close(run["ended_at"], end, "ended_at")
    assert run["error_message"] is None


def test_gzip_compressed_events_are_accepted() -> None:
    client = make_client(gzip_body=True)
    start = datetime.now(timezone.utc) - timedelta(minutes=18)
    run_id = new_run_id(start)
    client.emit(event(RunState.START, run_id, start))
    client.emit(event(RunState.COMPLETE, run_id, start + timedelta(seconds=30)))
    run = run_by_id(run_id)
    assert run is not None and run["state"] == "completed", pretty(run)


def test_gzip_body_posted_by_hand_is_accepted() -> None:
    """The same bytes the client sends with compression on, without the client in between."""
    start = datetime.now(timezone.utc) - timedelta(minutes=17)
    run_id = new_run_id(start)
    complete = valid_event_json(run_id, start + timedelta(seconds=25))
    complete["eventType"] = "COMPLETE"
    for doc in (valid_event_json(run_id, start), complete):
        response = post_raw(gzip.compress(json.dumps(doc).encode()), headers={"Content-Encoding": "gzip"})
        assert 200 <= response.status_code < 300, f"{response.status_code} {response.text[:300]}"
    run = run_by_id(run_id)
    assert run is not None and run["state"] == "completed", pretty(run)
    assert_close(run["started_at"], start, "started_at")


def test_events_arriving_out_of_order_assemble_one_run() -> None:
    client = make_client()
    start = datetime.now(timezone.utc) - timedelta(minutes=16)
    end = start + timedelta(seconds=20)
    run_id = new_run_id(start)
    client.emit(event(RunState.COMPLETE, run_id, end))
    client.emit(event(RunState.START, run_id, start))
    run = run_by_id(run_id)
    assert run is not None and run["state"] == "completed", pretty(run)
    assert_close(run["started_at"], start, "started_at")
    assert_close(run["ended_at"], end, "ended_at")


def test_task_job_maps_to_the_pipeline_through_its_parent_job() -> None:
    """An Airflow task reports its own job (dag.task) with a parent facet naming the DAG's job:
    the config's `jobs` entry airflow/profit_daily matches through the parent."""
    client = make_client()
    start = datetime.now(timezone.utc) - timedelta(minutes=14)
    parent_id = new_run_id(start - timedelta(seconds=5))
    run_id = new_run_id(start)
    parent = {
        "parent": parent_run.ParentRunFacet(
            run=parent_run.Run(runId=parent_id),
            job=parent_run.Job(namespace=NAMESPACE, name=JOB),
            root=parent_run.Root(
                run=parent_run.RootRun(runId=parent_id),
                job=parent_run.RootJob(namespace=NAMESPACE, name=JOB),
            ),
        )
    }
    task = f"{JOB}.load_orders"
    client.emit(event(RunState.START, run_id, start, name=task, run_facets=parent))
    client.emit(event(RunState.COMPLETE, run_id, start + timedelta(seconds=12), name=task, run_facets=parent))
    run = run_by_id(run_id)
    assert run is not None, f"task run {run_id} with parent {NAMESPACE}/{JOB} not listed under {PIPELINE}"
    assert run["job"] == {"namespace": NAMESPACE, "name": task}
    assert run["state"] == "completed"


def test_fail_opens_a_processing_failure_with_the_error_message() -> None:
    client = make_client()
    start = datetime.now(timezone.utc) - timedelta(minutes=5)
    end = start + timedelta(seconds=9)
    run_id = new_run_id(start)
    message = f"division by zero in profit_daily (interop {SESSION})"

    client.emit(event(RunState.START, run_id, start))
    fail = event(RunState.FAIL, run_id, end, run_facets=failure_facets(message))
    client.emit(fail)

    run = run_by_id(run_id)
    assert run is not None
    assert run["state"] == "failed"
    assert_close(run["ended_at"], end, "ended_at")
    assert run["error_message"] == message
    newest = runs()
    assert newest and newest[0]["run_id"] == run_id, "runs must be newest first; the FAIL run is the newest"

    def matching() -> list[dict[str, Any]]:
        return [
            s
            for s in signals()
            if s["kind"] == "processing_failure" and s["pipeline"] == PIPELINE and mentions(s["evidence"], message)
        ]

    found = matching()
    assert len(found) == 1, f"expected one processing_failure for {PIPELINE} with {message!r} in its evidence:\n" + pretty(
        signals()
    )
    assert mentions(found[0]["evidence"], run_id), "the evidence should name the failed run:\n" + pretty(found[0])

    # The client re-sending the same FAIL (a retry after a lost answer) changes nothing.
    client.emit(fail)
    again = matching()
    assert [(s["opened_at"], s["evidence"]) for s in again] == [(s["opened_at"], s["evidence"]) for s in found]
    assert run_by_id(run_id) == run


def test_a_repeated_complete_changes_nothing() -> None:
    """Idempotence: a second identical COMPLETE (e.g. the client retrying) leaves runs and
    signals as they were. The run lies in the past, so it is never the newest run."""
    client = make_client()
    start = datetime.now(timezone.utc) - timedelta(hours=2)
    run_id = new_run_id(start)
    complete = event(RunState.COMPLETE, run_id, start + timedelta(seconds=40))
    client.emit(event(RunState.START, run_id, start))
    client.emit(complete)

    def profit_signals() -> list[tuple[str, str]]:
        # Kind and opening time: evidence may hold figures computed at read time (ages).
        return sorted((s["kind"], s["opened_at"]) for s in signals() if s["pipeline"] == PIPELINE)

    runs_before, signals_before = runs(), profit_signals()
    client.emit(complete)
    assert runs() == runs_before
    assert profit_signals() == signals_before
    assert [r["run_id"] for r in runs_before].count(run_id) == 1
