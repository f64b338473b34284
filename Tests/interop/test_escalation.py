"""End to end: a failed run pages the on-call engineer at a real webhook and, unacknowledged,
escalates to the pipeline's owners, across a crash of the server; a failing webhook is retried.

Needs PIPEWATCH_BIN (the `pipewatch` executable), like test_shutdown.py. Each test starts its
own `pipewatch serve --test-clock` on a fresh SQLite store with the seed config and a real
webhook receiver (webhook_receiver.py, http.server on loopback) behind every engineer's and
stakeholder's PIPEWATCH_WEBHOOK_URL_* / PIPEWATCH_WEBHOOK_SECRET_*. The failure is reported by
the official OpenLineage client (openlineage-python).

The scenario (examples/seed/pipewatch.yaml): at 2026-03-26 03:00 America/New_York (07:00Z) the
rotation's engineer d has a public holiday, so b is on call; `investor-profit` (job
airflow/investor_profit, owners c then a) follows the team policy: on call (ack within 15m) ->
primary owner (30m) -> secondary owner. The server's clock starts at PIPEWATCH_NOW and moves
only through POST /-/clock; its background services (escalator, dispatcher) run on real time,
so every wait below is a poll with a deadline.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Callable, Iterator

import pytest
import requests
from openlineage.client import OpenLineageClient
from openlineage.client.event_v2 import Job, Run, RunEvent, RunState
from openlineage.client.facet_v2 import error_message_run, job_type_job
from openlineage.client.uuid import generate_new_uuid

from pwinterop import parse_instant, pretty
from webhook_receiver import Delivery, WebhookReceiver

BIN = os.environ.get("PIPEWATCH_BIN", "")
ROOT = Path(__file__).resolve().parents[2]
CONFIG = str(ROOT / "examples" / "seed" / "pipewatch.yaml")
TOKEN = "pipewatch-demo-token"

if not BIN:
    pytest.skip(
        "PIPEWATCH_BIN is unset: point it at a built pipewatch to run the escalation tests",
        allow_module_level=True,
    )

# Contact suffix in the config (PIPEWATCH_WEBHOOK_URL_<X>) -> the receiver's path for it.
CONTACTS = {
    "A": "/a", "B": "/b", "C": "/c", "D": "/d",
    "FINANCE": "/finance", "GROWTH": "/growth", "PRODUCT": "/product",
    "EXPERIMENTS": "/experiments", "IR": "/ir",
}
SECRETS = {path: f"secret-{path[1:]}".encode() for path in CONTACTS.values()}

START_NOW = "2026-03-26T03:00:00-04:00"
EVENT_TIME = datetime(2026, 3, 26, 7, 0, tzinfo=timezone.utc)
PIPELINE = "investor-profit"
NAMESPACE, JOB = "airflow", "investor_profit"
PRODUCER = "https://github.com/pipewatch/pipewatch/tree/main/Tests/interop"
ERROR = "relation sales.orders has no rows for 2026-03-25 (upstream load missing)"

PAGE_DEADLINE = 6.0   # a due page reaches the receiver well within this (escalator 1 s, dispatcher ~1 s)
QUIET = 2.5           # how long "nothing new" is watched for


# --- the server ---------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """One `pipewatch serve --test-clock` process on a given store (restartable on the same one)."""

    def __init__(self, work: str, receiver: WebhookReceiver) -> None:
        self.work = work
        self.database = os.path.join(work, "state.sqlite")
        self.receiver = receiver
        self.process: subprocess.Popen[bytes] | None = None
        self.url = ""
        self.logs: list[str] = []

    def start(self, now: str) -> None:
        assert self.process is None
        env = dict(os.environ, PIPEWATCH_NOW=now)
        for name in list(env):
            if name.startswith(("PIPEWATCH_WEBHOOK_", "OPENLINEAGE")):
                del env[name]
        for suffix, path in CONTACTS.items():
            env[f"PIPEWATCH_WEBHOOK_URL_{suffix}"] = self.receiver.url(path)
            env[f"PIPEWATCH_WEBHOOK_SECRET_{suffix}"] = SECRETS[path].decode()
        port = free_port()
        log = os.path.join(self.work, f"server-{len(self.logs) + 1}.log")
        self.logs.append(log)
        with open(log, "wb") as out:
            self.process = subprocess.Popen(
                [BIN, "serve", "--config", CONFIG, "--database", self.database, "--port", str(port), "--test-clock", "--no-checks"],
                env=env, stdout=out, stderr=subprocess.STDOUT,
            )
        self.url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                pytest.fail(f"pipewatch serve exited with {self.process.returncode}:\n{self.log_tail()}")
            try:
                if requests.get(f"{self.url}/healthz", timeout=1).status_code == 200:
                    return
            except requests.ConnectionError:
                pass
            time.sleep(0.1)
        pytest.fail(f"pipewatch serve did not answer /healthz within 20 s:\n{self.log_tail()}")

    def kill(self) -> None:
        """SIGKILL: no graceful shutdown, whatever is not committed is lost."""
        assert self.process is not None
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=10)
        self.process = None

    def stop(self) -> None:
        if self.process is None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)
        self.process = None

    def log_tail(self, lines: int = 40) -> str:
        text = ""
        for log in self.logs:
            with open(log, "rb") as f:
                text += f"--- {os.path.basename(log)}\n" + "\n".join(f.read().decode(errors="replace").splitlines()[-lines:]) + "\n"
        return text

    # --- HTTP ---------------------------------------------------------------------------------

    def get(self, path: str) -> Any:
        response = requests.get(self.url + path, headers={"Accept": "application/json"}, timeout=10)
        assert response.status_code == 200, f"GET {path}: {response.status_code} {response.text[:500]}"
        return response.json()

    def post(self, path: str, body: Any) -> requests.Response:
        return requests.post(self.url + path, json=body, headers={"Authorization": f"Bearer {TOKEN}"}, timeout=10)

    def clock(self) -> datetime:
        return parse_instant(self.get("/-/clock").get("now"), "GET /-/clock now")

    def advance(self, seconds: float) -> datetime:
        before = self.clock()
        response = self.post("/-/clock", {"advance_seconds": seconds})
        assert response.status_code == 200, f"POST /-/clock: {response.status_code} {response.text[:300]}"
        now = parse_instant(response.json().get("now"), "POST /-/clock now")
        assert abs((now - before).total_seconds() - seconds) < 1, f"advanced {seconds} s: {before} -> {now}"
        return now

    def incident_detail(self, incident_id: int) -> dict[str, Any]:
        return self.get(f"/api/v1/incidents/{incident_id}")

    def notifications(self) -> list[dict[str, Any]]:
        body = self.get("/api/v1/notifications")
        assert isinstance(body.get("notifications"), list), pretty(body)
        return body["notifications"]

    def context(self) -> str:
        """What to print when an assertion fails: the server's view and what the receiver saw."""
        parts = [f"receiver:\n{self.receiver.summary()}"]
        if self.process is not None:
            try:
                parts.append("notifications:\n" + pretty(self.notifications()))
                incidents = self.get("/api/v1/incidents")["incidents"]
                for incident in incidents:
                    parts.append(f"incident {incident['id']}:\n" + pretty(self.incident_detail(incident["id"])))
            except Exception as error:  # the context is best effort
                parts.append(f"(could not read the server: {error})")
        parts.append(self.log_tail())
        return "\n".join(parts)


@pytest.fixture()
def receiver() -> Iterator[WebhookReceiver]:
    with WebhookReceiver(SECRETS) as r:
        yield r


@pytest.fixture()
def server(receiver: WebhookReceiver) -> Iterator[Server]:
    with tempfile.TemporaryDirectory(prefix="pipewatch-escalation-") as work:
        s = Server(work, receiver)
        try:
            yield s
        finally:
            s.stop()


# --- the failure, reported with the official client ----------------------------------------


def report_failure(server: Server) -> str:
    client = OpenLineageClient(
        config={"transport": {"type": "http", "url": server.url, "timeout": 10, "auth": {"type": "api_key", "apiKey": TOKEN}}}
    )
    assert client.transport.kind == "http"
    run_id = str(generate_new_uuid(EVENT_TIME))
    job = Job(
        namespace=NAMESPACE,
        name=JOB,
        facets={"jobType": job_type_job.JobTypeJobFacet(processingType="BATCH", integration="AIRFLOW", jobType="DAG")},
    )
    client.emit(RunEvent(eventType=RunState.START, eventTime=EVENT_TIME.isoformat(), run=Run(runId=run_id), job=job, producer=PRODUCER))
    failure = {
        "errorMessage": error_message_run.ErrorMessageRunFacet(
            message=ERROR,
            programmingLanguage="PYTHON",
            stackTrace=f'Traceback (most recent call last):\n  File "investor_profit.py", line 12\n{ERROR}',
        )
    }
    client.emit(
        RunEvent(eventType=RunState.FAIL, eventTime=EVENT_TIME.isoformat(), run=Run(runId=run_id, facets=failure), job=job, producer=PRODUCER)
    )
    return run_id


# --- reading what the receiver got ---------------------------------------------------------


def pages(deliveries: list[Delivery], path: str | None = None, *, delivered: bool = True) -> list[Delivery]:
    return [
        d
        for d in deliveries
        if isinstance(d.body, dict) and d.body.get("kind") == "page" and (path is None or d.path == path)
        and (d.delivered or not delivered)
    ]


def wait_for_page(server: Server, path: str, count: int = 1) -> list[Delivery]:
    """The delivered pages at `path` once there are `count` of them (fails at the deadline)."""
    if not server.receiver.wait_for(lambda ds: len(pages(ds, path)) >= count, PAGE_DEADLINE):
        pytest.fail(f"no page reached {path} within {PAGE_DEADLINE} s\n{server.context()}")
    return pages(server.receiver.deliveries(), path)


def assert_nothing_new(server: Server, seen: int, what: str, *, only: Callable[[list[Delivery]], list[Delivery]] | None = None) -> None:
    """No request beyond the first `seen` reaches the receiver within QUIET seconds."""
    select = only or (lambda ds: ds)
    if server.receiver.wait_for(lambda ds: len(select(ds)) > seen, QUIET):
        pytest.fail(f"{what}, but the receiver got:\n{server.context()}")


def signed_at(delivery: Delivery) -> datetime:
    fields = dict(part.split("=", 1) for part in (delivery.signature or "").split(","))
    return datetime.fromtimestamp(int(fields["t"]), timezone.utc)


def check_page(server: Server, page: Delivery, *, engineer: str, incident_id: int | None = None) -> int:
    """A correctly signed page about this failure that tells `engineer` how to acknowledge it."""
    assert page.problem is None, page.problem
    body = page.body
    assert isinstance(body, dict), page.raw
    assert body.get("kind") == "page", pretty(body)
    assert body.get("pipeline") == PIPELINE, pretty(body)
    assert body.get("severity") == "critical", pretty(body)  # an investor pipeline
    assert isinstance(body.get("incident_id"), int), pretty(body)
    if incident_id is not None:
        assert body["incident_id"] == incident_id, pretty(body)
    for key in ("title", "text"):
        assert isinstance(body.get(key), str) and body[key], pretty(body)
    assert isinstance(body.get("fields"), dict), pretty(body)
    text = body["text"]
    # What broke: the job and the error the client reported.
    assert f"{NAMESPACE}/{JOB}" in text and ERROR in text, f"the page should say what broke:\n{text}"
    # The run book's first step.
    assert "Check data sources" in text, f"the page should give the run book's first step:\n{text}"
    # How to acknowledge, addressed to the person paged.
    ack = f"pipewatch incident ack {body['incident_id']} --as {engineer}"
    assert ack in text, f"the page should say how to acknowledge ({ack!r}):\n{text}"
    # Signed on the server's clock (the test clock), not far from it.
    assert abs((signed_at(page) - server.clock()).total_seconds()) <= 300, (page.signature, server.clock())
    assert page.key, "a page needs an Idempotency-Key"
    return body["incident_id"]


def assert_no_key_delivered_twice(server: Server) -> None:
    counts = server.receiver.delivered_count_by_key()
    twice = {key: n for key, n in counts.items() if n > 1}
    assert not twice, f"messages delivered (answered 200) more than once: {twice}\n{server.context()}"


def assert_every_request_verified(server: Server) -> None:
    bad = server.receiver.problems()
    assert not bad, "requests that failed verification:\n" + "\n".join(f"{d.path}: {d.problem}" for d in bad)


# --- the tests -----------------------------------------------------------------------------


def test_unacknowledged_page_escalates_to_the_owners_across_a_crash(server: Server, receiver: WebhookReceiver) -> None:
    server.start(START_NOW)
    assert server.clock() == EVENT_TIME
    run_id = report_failure(server)

    # b is on call (d's holiday): one page, correctly signed, saying what broke and what to do.
    [page_b] = wait_for_page(server, "/b")
    incident_id = check_page(server, page_b, engineer="b")
    assert run_id in page_b.body["text"] or run_id in json.dumps(page_b.body["fields"]), pretty(page_b.body)
    incidents = server.get("/api/v1/incidents")["incidents"]
    [incident] = [i for i in incidents if i["id"] == incident_id]
    assert incident["pipeline"] == PIPELINE and incident["kind"] == "processing_failure", pretty(incident)
    assert incident["state"] == "triggered" and incident["assignee"] == "b", pretty(incident)
    assert not pages(receiver.deliveries(), "/d"), "d is on holiday and must not be paged"

    # 14 minutes without an acknowledgement: still inside b's 15 minutes, nobody else is paged.
    seen = len(pages(receiver.deliveries(), delivered=False))
    server.advance(14 * 60)
    assert_nothing_new(server, seen, "nothing is due 14 minutes after the page to b", only=lambda ds: pages(ds, delivered=False))

    # The 15th minute: the primary owner c.
    server.advance(60)
    [page_c] = wait_for_page(server, "/c")
    check_page(server, page_c, engineer="c", incident_id=incident_id)
    assert page_c.key != page_b.key

    # Crash once c's page is recorded as delivered (not merely received: a page in flight at a
    # crash may legitimately be sent again under the same Idempotency-Key).
    deadline = time.monotonic() + PAGE_DEADLINE
    while True:
        c_state = [n for n in server.notifications() if n.get("kind") == "page" and n.get("recipient") == "engineer:c"]
        if c_state and all(n["state"] == "delivered" for n in c_state):
            break
        if time.monotonic() > deadline:
            pytest.fail(f"c's page reached the receiver but is not recorded as delivered:\n{server.context()}")
        time.sleep(0.1)
    last_clock = server.clock()
    assert last_clock == EVENT_TIME + timedelta(minutes=15)
    server.kill()

    server.start(last_clock.isoformat())
    assert server.clock() == last_clock
    # The restart sends nothing that was already delivered (pages to b and c stay single).
    seen = len(pages(receiver.deliveries(), delivered=False))
    assert_nothing_new(server, seen, "the restart re-sent a page", only=lambda ds: pages(ds, delivered=False))

    # 30 more minutes without an acknowledgement: the secondary owner a, exactly once.
    server.advance(30 * 60)
    [page_a] = wait_for_page(server, "/a")
    check_page(server, page_a, engineer="a", incident_id=incident_id)
    time.sleep(3)  # let anything that would be sent twice arrive
    assert len(pages(receiver.deliveries(), "/a", delivered=False)) == 1, server.context()
    assert [len(pages(receiver.deliveries(), p, delivered=False)) for p in ("/b", "/c")] == [1, 1], server.context()
    assert_no_key_delivered_twice(server)
    assert_every_request_verified(server)
    assert len({page_a.key, page_b.key, page_c.key}) == 3

    detail = server.incident_detail(incident_id)
    paged = sorted((s["step"], s.get("target")) for s in detail["escalation"] if s["state"] == "paged")
    assert paged == [(1, "b"), (2, "c"), (3, "a")], pretty(detail["escalation"])
    assert detail["incident"]["state"] == "triggered", pretty(detail["incident"])

    # At 07:59 New York time (11:59Z) the stakeholders have heard nothing; at 08:00, an hour before
    # the 09:00 deadline, investor relations and the metric owner hear it may be late, once each.
    def notices(path: str, deliveries: list[Delivery] | None = None) -> list[Delivery]:
        # The receiver's wait_for hands its list in (it holds its lock while asking).
        return [
            d for d in (server.receiver.deliveries() if deliveries is None else deliveries)
            if d.delivered and d.path == path and isinstance(d.body, dict)
            and d.body.get("kind") == "stakeholder_notice" and d.body.get("pipeline") == "investor-profit"
        ]

    until_notice = (datetime(2026, 3, 26, 11, 59, tzinfo=timezone.utc) - server.clock()).total_seconds()
    server.advance(until_notice)
    assert_nothing_new(
        server, 0, "a stakeholder heard before 08:00", only=lambda ds: notices("/ir", ds) + notices("/finance", ds)
    )
    server.advance(60)
    for path in ("/ir", "/finance"):
        if not server.receiver.wait_for(lambda ds, path=path: len(notices(path, ds)) >= 1, PAGE_DEADLINE):
            pytest.fail(f"no stakeholder notice reached {path}\n{server.context()}")
    time.sleep(2)  # a notice sent twice would arrive by now
    [notice] = notices("/ir")
    assert len(notices("/finance")) == 1, server.context()
    text = notice.body["text"]
    assert "'Aggregate profit reported to investors' may not be ready by its deadline, 09:00 on Thursday 26 March 2026" in text, text
    assert "Who is working on it: Data Engineer B, on call." in text, text


def test_a_failing_webhook_is_retried_and_an_acknowledgement_stops_escalation(server: Server, receiver: WebhookReceiver) -> None:
    receiver.set_down(True)
    server.start(START_NOW)
    report_failure(server)

    def b_page_state() -> dict[str, Any] | None:
        found = [n for n in server.notifications() if n.get("kind") == "page" and n.get("recipient") == "engineer:b"]
        assert len(found) <= 1, pretty(found)
        return found[0] if found else None

    def wait_for_attempts(attempts: int) -> dict[str, Any]:
        deadline = time.monotonic() + PAGE_DEADLINE
        while True:
            state = b_page_state()
            if state is not None and state.get("attempts", 0) >= attempts and state.get("last_error"):
                return state
            if time.monotonic() > deadline:
                pytest.fail(f"b's page did not reach {attempts} failed attempt(s):\n{server.context()}")
            time.sleep(0.1)

    # The first attempt fails: pending, one attempt, the error, a retry ~7 s (+-20%) later.
    state = wait_for_attempts(1)
    failed_at = server.clock()
    assert state["state"] == "pending" and state["attempts"] == 1, pretty(state)
    assert state["last_error"].startswith("HTTP 500"), pretty(state)
    retry_at = parse_instant(state["next_attempt_at"], "next_attempt_at")
    # next_attempt_at is shown to the second: allow 1 s either side of 7 s +-20%.
    assert 7 * 0.8 - 1 <= (retry_at - failed_at).total_seconds() <= 7 * 1.2 + 1, pretty(state)
    # Backoff is on the server's clock, which stands still: no retry without advancing it.
    assert_nothing_new(server, 1, "the clock did not move, yet b's page was retried", only=lambda ds: pages(ds, "/b", delivered=False))

    # Past the first retry time, still down: a second failure, the backoff doubles (~14 s).
    second_at = server.advance((retry_at - failed_at).total_seconds() + 1)
    state = wait_for_attempts(2)
    assert state["state"] == "pending" and state["last_error"].startswith("HTTP 500"), pretty(state)
    retry_at = parse_instant(state["next_attempt_at"], "next_attempt_at")
    assert 14 * 0.8 - 1 <= (retry_at - second_at).total_seconds() <= 14 * 1.2 + 1, pretty(state)

    # The receiver recovers; past the next retry time the page arrives, exactly once.
    receiver.set_down(False)
    server.advance(20)
    [page_b] = wait_for_page(server, "/b")
    incident_id = check_page(server, page_b, engineer="b")
    attempts = pages(receiver.deliveries(), "/b", delivered=False)
    assert len(attempts) == 3 and {a.key for a in attempts} == {page_b.key}, receiver.summary()
    assert [a.status for a in attempts] == [500, 500, 200], receiver.summary()
    deadline = time.monotonic() + PAGE_DEADLINE
    while (state := b_page_state()) is None or state["state"] != "delivered":
        if time.monotonic() > deadline:
            pytest.fail(f"b's page was answered 200 but is not recorded as delivered:\n{server.context()}")
        time.sleep(0.1)
    assert state["attempts"] == 3, pretty(state)

    # a acknowledges through the API (with the write token): escalation stops.
    response = server.post(f"/api/v1/incidents/{incident_id}/ack", {"as": "a"})
    assert response.status_code == 200, f"ack: {response.status_code} {response.text[:500]}"
    acknowledged = response.json()
    assert acknowledged.get("state") == "acknowledged" and acknowledged.get("acknowledged_by") == "a", pretty(acknowledged)
    seen = len(pages(receiver.deliveries(), delivered=False))
    server.advance(2 * 60 * 60)
    assert_nothing_new(server, seen, "the incident was acknowledged, yet a page went out", only=lambda ds: pages(ds, delivered=False))
    assert not pages(receiver.deliveries(), "/c", delivered=False) and not pages(receiver.deliveries(), "/a", delivered=False)
    assert_no_key_delivered_twice(server)
    assert_every_request_verified(server)

    detail = server.incident_detail(incident_id)
    assert detail["incident"]["state"] == "acknowledged", pretty(detail["incident"])
    last = detail["timeline"][-1]
    assert last["kind"] == "acknowledged" and last["actor"] == "a", pretty(detail["timeline"])
    assert [s["target"] for s in detail["escalation"] if s["state"] == "paged"] == ["b"], pretty(detail["escalation"])
    assert all(s["state"] != "pending" for s in detail["escalation"]), pretty(detail["escalation"])
