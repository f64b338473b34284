"""Hostile bodies replayed against both ingest endpoints of a live `pipewatch serve`.

Needs PIPEWATCH_URL and PIPEWATCH_WRITE_TOKEN. Its events are the seed's `unit-profit` pipeline's
(`airflow/unit_profit_hourly`), which no other test on the shared server posts to. Every body here
once crashed, froze or misled
a server like this one, or is a classic: numbers past any range, times that would silence
alerts, UTF-16 and NUL characters, deep nesting, a gzip bomb, lone surrogates, wrong types. Each
must get a 4xx with a JSON error; never a 5xx, never a dead server; a valid event still goes in.
"""

from __future__ import annotations

import gzip
import json
import os
import time
import uuid

import pytest
import requests

URL = os.environ.get("PIPEWATCH_URL", "")
TOKEN = os.environ.get("PIPEWATCH_WRITE_TOKEN", "")

if not URL or not TOKEN:
    pytest.skip("needs PIPEWATCH_URL and PIPEWATCH_WRITE_TOKEN", allow_module_level=True)


def now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%S.000Z", time.gmtime())


def event(**changes: object) -> dict:
    body = {
        "eventType": "FAIL", "eventTime": now(),
        "run": {"runId": str(uuid.uuid4()), "facets": {}},
        "job": {"namespace": "airflow", "name": "unit_profit_hourly", "facets": {}},
        "inputs": [], "outputs": [],
        "producer": "https://example.invalid/hostile", "schemaURL": "https://openlineage.io/spec/2-0-2/OpenLineage.json",
    }
    body.update(changes)
    return body


def dbt(result: dict) -> dict:
    node = {"unique_id": "model.shop.orders", "status": "success", "timing": [], "thread_id": "Thread-1",
            "execution_time": 1.0, "adapter_response": {}, "message": None, "failures": None}
    node.update(result)
    return {"run_results": {"metadata": {"invocation_id": str(uuid.uuid4()), "generated_at": now()},
                            "results": [node], "elapsed_time": 1.0, "args": {}}}


def raw(text: str) -> bytes:
    return text.encode()


DEEP = "[" * 100_000 + "]" * 100_000
BOMB = gzip.compress(b" " * (64 << 20))

LINEAGE: dict[str, tuple[bytes, dict[str, str]]] = {
    "empty": (b"", {}),
    "not JSON": (b"{'single': 'quotes'}", {}),
    "a JSON list": (b"[]", {}),
    "a JSON number": (b"1e999", {}),
    "100,000 nested lists": (raw(DEEP), {}),
    "100,000 nested objects": (raw('{"a":' * 100_000 + "1" + "}" * 100_000), {}),
    "UTF-16": (json.dumps(event()).encode("utf-16"), {}),
    "invalid UTF-8": (b'{"eventType": "\xff\xfe"}', {}),
    "a NUL in the job name": (raw(json.dumps(event(job={"namespace": "airflow", "name": "a\u0000b"}))), {}),
    "a lone surrogate": (raw(json.dumps(event()).replace("unit_profit_hourly", "\\ud800")), {}),
    "year 9999": (raw(json.dumps(event(eventTime="9999-12-31T23:59:59Z"))), {}),
    "year 0001": (raw(json.dumps(event(eventTime="0001-01-01T00:00:00Z"))), {}),
    "a time that is not one": (raw(json.dumps(event(eventTime="yesterday"))), {}),
    "an unknown event type": (raw(json.dumps(event(eventType="EXPLODE"))), {}),
    "a run id that is not a UUID": (raw(json.dumps(event(run={"runId": "../../etc/passwd"}))), {}),
    "a number for the job": (raw(json.dumps(event(job=12))), {}),
    "a 900 kB job name": (raw(json.dumps(event(job={"namespace": "airflow", "name": "x" * 900_000}))), {}),
    "a gzip bomb": (BOMB, {"Content-Encoding": "gzip"}),
    "gzip that is not": (b"not gzip at all", {"Content-Encoding": "gzip"}),
    "brotli": (b"{}", {"Content-Encoding": "br"}),
    "XML": (b"<event/>", {"Content-Type": "application/xml"}),
    "a body over the limit": (b" " * (2 << 20), {}),
}

DBT: dict[str, tuple[bytes, dict[str, str]]] = {
    "empty": (b"", {}),
    "a JSON string": (b'"run_results"', {}),
    "neither part": (b"{}", {}),
    "an unknown part": (raw('{"catalog": {}}'), {}),
    "execution_time 1e17": (raw(json.dumps(dbt({"execution_time": 1e17}))), {}),
    "execution_time 1e300": (raw(json.dumps(dbt({"execution_time": 1e300}))), {}),
    "execution_time -1e300": (raw(json.dumps(dbt({"execution_time": -1e300}))), {}),
    "execution_time 1e400": (raw(json.dumps(dbt({})).replace('"execution_time": 1.0', '"execution_time": 1e400')), {}),
    "a NUL in the message": (raw(json.dumps(dbt({"status": "error", "message": "boom\u0000"}))), {}),
    "timing in year 9999": (raw(json.dumps(dbt({"timing": [{"name": "execute", "started_at": "9999-12-31T00:00:00Z",
                                                               "completed_at": "9999-12-31T00:00:01Z"}]}))), {}),
    "results that are not a list": (raw('{"run_results": {"metadata": {}, "results": 5}}'), {}),
    "100,000 nested lists": (raw('{"run_results": ' + DEEP + "}"), {}),
    "UTF-16": (json.dumps(dbt({})).encode("utf-16"), {}),
    "a gzip bomb": (BOMB, {"Content-Encoding": "gzip"}),
}


def post(path: str, body: bytes, headers: dict[str, str]) -> requests.Response:
    sent = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json", **headers}
    return requests.post(f"{URL}{path}", data=body, headers=sent, timeout=30)


CASES = [("/api/v1/lineage", name) for name in sorted(LINEAGE)] + [("/api/v1/ingest/dbt", name) for name in sorted(DBT)]


@pytest.mark.parametrize(("path", "name"), CASES)
def test_ingest_refuses_hostile_bodies_with_a_4xx(path: str, name: str) -> None:
    body, headers = (LINEAGE if path.endswith("lineage") else DBT)[name]
    response = post(path, body, headers)
    assert 400 <= response.status_code < 500, (name, response.status_code, response.text[:300])
    assert response.json()["error"], name
    assert requests.get(f"{URL}/livez", timeout=5).status_code == 200


def test_after_the_replay_a_real_failure_still_raises_its_signal() -> None:
    run = str(uuid.uuid4())
    posted = post("/api/v1/lineage", json.dumps(event(run={"runId": run, "facets": {}})).encode(), {})
    assert posted.status_code == 201, posted.text
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        signals = requests.get(f"{URL}/api/v1/signals?pipeline=unit-profit", timeout=5).json()["signals"]
        if any(s["kind"] == "processing_failure" for s in signals):
            return
        time.sleep(0.2)
    pytest.fail("the FAIL posted after the hostile bodies raised no processing_failure signal")
