"""Several `pipewatch serve` instances on one PostgreSQL share the engine's work (issue 12).

Three instances (PIPEWATCH_BIN) on one fresh schema of the test PostgreSQL server
(PIPEWATCH_TEST_POSTGRES_URL), each with `--test-clock` (the clocks start at PIPEWATCH_NOW and are
moved together through POST /-/clock) and data checks on, on a copy of the seed config whose
engineers' webhooks point at one counting receiver (webhook_receiver.py). 200 PagerDuty triggers,
spread over the three, open 200 incidents on `profit`; unacknowledged, each escalates through the
team policy (on call, 15 min, primary owner, 30 min, secondary owner). In the middle of the
second step the instance that holds the check scheduler's lease is killed with SIGKILL.

What must hold, read from the receiver and from the database itself:
- every escalation step fired exactly once (one paged/skipped row and one timeline entry each);
- every page reached the receiver, and exactly once, except a page the killed instance had sent
  in its last moment but not yet recorded: that one may come again, with the same
  Idempotency-Key (the documented at-least-once window; docs/deployment.md);
- no data check ran twice for one due time, and the check lease moved to a survivor within the
  lease period (PIPEWATCH_LEASE_PERIOD, shortened here to keep the test short).

A second test restarts the PostgreSQL server's connections (a TCP relay, as test_outage.py) while
two instances take events: they reconnect by themselves, every event answered 2xx is stored, and
/healthz says the database is down while it is.
"""

from __future__ import annotations

import concurrent.futures
import os
import shutil
import signal
import subprocess
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any, Iterator
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import pytest
import requests

from pwinterop import eventually, free_port
from test_outage import Relay, event
from webhook_receiver import WebhookReceiver

BIN = os.environ.get("PIPEWATCH_BIN", "")
POSTGRES = os.environ.get("PIPEWATCH_TEST_POSTGRES_URL", "")
ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "examples" / "seed" / "pipewatch.yaml"
TOKEN = "pipewatch-demo-token"
ROUTING_KEY = "pipewatch-demo-routing-key"  # the seed routes it to 'profit'
NOW = "2026-03-26T03:00:00-04:00"
LEASE_SECONDS = 12  # several times the check scheduler's 5 s tick, which renews it
INCIDENTS = 200

if not BIN or not POSTGRES:
    pytest.skip("needs PIPEWATCH_BIN and PIPEWATCH_TEST_POSTGRES_URL", allow_module_level=True)

CONTACTS = {"A": "/a", "B": "/b", "C": "/c", "D": "/d", "FINANCE": "/finance", "GROWTH": "/growth",
            "PRODUCT": "/product", "EXPERIMENTS": "/experiments", "IR": "/ir"}
SECRETS = {path: f"secret-{path[1:]}".encode() for path in CONTACTS.values()}


def with_schema(url: str, schema: str) -> str:
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query) if k != "schema"] + [("schema", schema)]
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(query), ""))


def sql(schema: str, query: str) -> list[list[str]]:
    """Rows of `query` in `schema`, read with psql (the database's own view, not Pipewatch's)."""
    parts = urlsplit(POSTGRES)
    plain = urlunsplit((parts.scheme, parts.netloc, parts.path,
                        urlencode([(k, v) for k, v in parse_qsl(parts.query) if k != "schema"]), ""))
    out = subprocess.run(
        ["psql", plain, "-v", "ON_ERROR_STOP=1", "-qtA", "-F", "\t", "-c", f"SET search_path TO {schema}", "-c", query],
        capture_output=True, text=True, timeout=30,
    )
    assert out.returncode == 0, out.stderr
    return [line.split("\t") for line in out.stdout.splitlines() if line]


class Instance:
    """One `pipewatch serve --test-clock` on the shared database."""

    def __init__(self, name: str, config: Path, database: str, work: Path, env: dict[str, str], checks: bool,
                 test_clock: bool = True) -> None:
        self.name = name
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = work / f"{name}.log"
        args = [BIN, "serve", "--config", str(config), "--database", database, "--port", str(self.port)]
        if test_clock:
            args.append("--test-clock")
        if not checks:
            args.append("--no-checks")
        self.process = subprocess.Popen(args, env=env, stdout=self.log.open("ab"), stderr=subprocess.STDOUT)

    def wait_ready(self) -> None:
        def ready() -> bool:
            assert self.process.poll() is None, f"{self.name} exited:\n{self.log.read_text()[-3000:]}"
            try:
                return requests.get(f"{self.url}/healthz", timeout=1).status_code == 200
            except requests.ConnectionError:
                return False
        eventually(f"{self.name} answers /healthz", ready, 60)

    def post(self, path: str, body: Any, timeout: float = 10) -> requests.Response:
        return requests.post(self.url + path, json=body, headers={"Authorization": f"Bearer {TOKEN}"}, timeout=timeout)

    def advance(self, seconds: float) -> None:
        response = self.post("/-/clock", {"advance_seconds": seconds})
        assert response.status_code == 200, response.text

    def kill(self) -> None:
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


@pytest.fixture()
def work() -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="pipewatch-scaleout-") as folder:
        yield Path(folder)


def environment(receiver: WebhookReceiver) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PIPEWATCH_WEBHOOK_", "OPENLINEAGE"))}
    env.update(PIPEWATCH_NOW=NOW, PIPEWATCH_LEASE_PERIOD=f"{LEASE_SECONDS}s")
    for suffix, path in CONTACTS.items():
        env[f"PIPEWATCH_WEBHOOK_URL_{suffix}"] = receiver.url(path)
        env[f"PIPEWATCH_WEBHOOK_SECRET_{suffix}"] = SECRETS[path].decode()
    return env


def trigger(instance: Instance, number: int) -> int:
    body = {
        "routing_key": ROUTING_KEY, "event_action": "trigger", "dedup_key": f"scaleout-{number:03d}",
        "payload": {"summary": f"profit_daily check {number} failed", "source": "scaleout-test", "severity": "critical"},
    }
    return requests.post(f"{instance.url}/v2/enqueue", json=body, timeout=30).status_code


def test_three_instances_share_the_engine_and_survive_a_sigkill(work: Path) -> None:
    schema = f"scaleout_{uuid.uuid4().hex[:8]}"
    database = with_schema(POSTGRES, schema)
    config = work / "pipewatch.yaml"
    shutil.copy(SEED, config)
    with WebhookReceiver(SECRETS) as receiver:
        env = environment(receiver)
        instances: list[Instance] = []
        try:
            # The first writes the demo warehouse the checks read and applies the migrations.
            instances.append(Instance("one", config, database, work, env, checks=True))
            instances[0].wait_ready()
            for name in ("two", "three"):
                instances.append(Instance(name, config, database, work, env, checks=True))
            for instance in instances[1:]:
                instance.wait_ready()

            # 200 incidents, opened through all three at once; each pages the on-call engineer.
            with concurrent.futures.ThreadPoolExecutor(max_workers=12) as pool:
                codes = list(pool.map(lambda n: trigger(instances[n % 3], n), range(INCIDENTS)))
            assert codes == [202] * INCIDENTS, codes
            incidents = sql(schema, "SELECT COUNT(*) FROM incidents WHERE pipeline = 'profit' AND kind = 'external_alert'")
            assert int(incidents[0][0]) >= INCIDENTS

            def step_pages(step: int) -> set[str]:
                return {d.key or "" for d in receiver.delivered() if f"/step-{step}/" in (d.key or "")}

            eventually("every first page delivered", lambda: len(step_pages(0)) >= INCIDENTS, 60)
            eventually("the check lease is held", lambda: sql(schema, "SELECT holder FROM engine_leases WHERE module = 'checks'"), 30)

            # Unacknowledged for 15 minutes: the second step falls due for all 200 at once.
            # A slow receiver keeps each instance's sends in flight, so the kill cuts some short.
            receiver.set_delay(0.3)
            for instance in instances:
                instance.advance(15 * 60 + 1)
            holder = sql(schema, "SELECT holder FROM engine_leases WHERE module = 'checks'")[0][0]
            victim = next(i for i in instances if f":{i.process.pid}:" in holder)
            assert receiver.wait_for(
                lambda ds: sum(1 for d in ds if d.delivered and "/step-1/" in (d.key or "")) >= 20, 60
            ), "the second steps did not start"
            victim.kill()
            killed_at = time.monotonic()
            at_kill = len(step_pages(1))
            receiver.set_delay(0)
            survivors = [i for i in instances if i is not victim]

            # The check lease moves to a survivor within the lease period (and a tick).
            def moved() -> bool:
                rows = sql(schema, "SELECT holder FROM engine_leases WHERE module = 'checks'")
                return bool(rows) and f":{victim.process.pid}:" not in rows[0][0]
            eventually("a survivor takes the check lease", moved, LEASE_SECONDS + 10)
            assert time.monotonic() - killed_at < LEASE_SECONDS + 10

            eventually("every second page delivered", lambda: len(step_pages(1)) >= INCIDENTS, 90)
            for instance in survivors:
                instance.advance(30 * 60 + 1)
            alerts = "incident_id IN (SELECT id FROM incidents WHERE kind = 'external_alert')"
            eventually("every third step fired", lambda: sql(
                schema, f"SELECT COUNT(*) FROM escalation_steps WHERE step = 2 AND state <> 'pending' AND {alerts}"
            )[0][0] == str(INCIDENTS), 90)
            eventually("every page of the 200 delivered", lambda: sql(
                schema, f"SELECT COUNT(*) FROM outbox WHERE state = 'pending' AND {alerts}")[0][0] == "0", 90)
            time.sleep(1.5)  # anything sent twice would arrive now

            # Every escalation step fired once: one row per (incident, generation, step), each fired,
            # and one 'paged' timeline entry per paged step.
            pending = sql(schema, f"SELECT COUNT(*) FROM escalation_steps WHERE state = 'pending' AND {alerts}")
            assert pending == [["0"]]
            mismatched = sql(schema, """
                SELECT s.incident_id, s.paged, t.entries FROM
                  (SELECT incident_id, COUNT(*) FILTER (WHERE state = 'paged') AS paged FROM escalation_steps GROUP BY 1) s
                  LEFT JOIN (SELECT incident_id, COUNT(*) AS entries FROM incident_timeline WHERE kind = 'paged' GROUP BY 1) t
                  USING (incident_id)
                WHERE s.paged <> COALESCE(t.entries, 0)""")
            assert mismatched == [], f"incidents whose paged steps and timeline disagree: {mismatched}"
            pages = {row[0] for row in sql(schema, "SELECT idempotency_key FROM outbox WHERE kind = 'page'")}
            steps_fired = int(sql(schema, "SELECT COUNT(*) FROM escalation_steps WHERE state = 'paged'")[0][0])
            assert len(pages) == steps_fired >= 2 * INCIDENTS
            assert sql(schema, f"SELECT COUNT(*) FROM outbox WHERE state <> 'delivered' AND kind = 'page' AND {alerts}") == [["0"]]

            # Every notification reached the receiver; a repeat only for what the victim sent as it died.
            assert receiver.problems() == [], receiver.summary()
            counts = receiver.delivered_count_by_key()
            outbox_keys = {row[0] for row in sql(schema, "SELECT idempotency_key FROM outbox WHERE state = 'delivered'")}
            assert outbox_keys <= set(counts), f"never delivered: {sorted(outbox_keys - set(counts))[:10]}"
            repeats = {key for key, n in counts.items() if n > 1}
            for key in repeats:
                first = min(d.received_at for d in receiver.delivered() if d.key == key)
                assert killed_at - 2 <= first <= killed_at + 0.5, f"{key} delivered {counts[key]} times, first at " \
                    f"{first - killed_at:+.2f} s from the kill: only a send cut short by the kill may repeat"
            assert len(repeats) <= 32, f"{len(repeats)} repeats: more than one batch in flight"
            late = sum(1 for d in receiver.delivered() if d.received_at > killed_at + 15)
            print(f"{len(counts)} notifications; {at_kill} of the second pages delivered at the kill; "
                  f"{late} delivered after the killed instance's outbox leases expired; "
                  f"{len(repeats)} sent again after the kill (same Idempotency-Key)")

            # No check ran twice for one due time.
            twice = sql(schema, """
                SELECT check_id, started_at_ms, COUNT(*) FROM check_results GROUP BY 1, 2 HAVING COUNT(*) > 1""")
            assert twice == [], f"checks run twice for one due time: {twice}"
            ran = int(sql(schema, "SELECT COUNT(DISTINCT started_at_ms) FROM check_results")[0][0])
            assert ran >= 2, "the checks did not run both before and after the kill"
        finally:
            for instance in instances:
                instance.stop()
            for instance in instances:
                print(f"--- {instance.name}\n" + instance.log.read_text(errors="replace")[-2500:])


def test_instances_ride_out_a_database_restart_and_lose_no_acknowledged_event(work: Path) -> None:
    target = urlsplit(POSTGRES)
    relay = Relay((target.hostname or "127.0.0.1", target.port or 5432))
    relay.up()
    parts = urlsplit(POSTGRES)
    userinfo = parts.netloc.rsplit("@", 1)
    netloc = f"{userinfo[0]}@127.0.0.1:{relay.port}" if len(userinfo) == 2 else f"127.0.0.1:{relay.port}"
    schema = f"restart_{uuid.uuid4().hex[:8]}"
    query = [(k, v) for k, v in parse_qsl(parts.query) if k != "schema"] + [
        ("schema", schema), ("connect_timeout", "2"), ("statement_timeout", "3000")]
    database = urlunsplit((parts.scheme, netloc, parts.path, urlencode(query), ""))
    config = work / "pipewatch.yaml"
    shutil.copy(SEED, config)
    env = {k: v for k, v in os.environ.items() if k != "PIPEWATCH_NOW"}
    instances: list[Instance] = []
    acknowledged: list[str] = []
    try:
        instances.append(Instance("one", config, database, work, env, checks=False, test_clock=False))
        instances[0].wait_ready()
        instances.append(Instance("two", config, database, work, env, checks=False, test_clock=False))
        instances[1].wait_ready()
        auth = {"Authorization": f"Bearer {TOKEN}"}

        def send(instance: Instance, count: int) -> None:
            for _ in range(count):
                body = event()
                try:
                    response = requests.post(f"{instance.url}/api/v1/lineage", json=body, headers=auth, timeout=15)
                except requests.RequestException:
                    continue
                if 200 <= response.status_code < 300:
                    acknowledged.append(body["run"]["runId"])
                time.sleep(0.02)

        send(instances[0], 20)
        send(instances[1], 20)
        relay.cut()  # the server goes away, as `pg_ctl restart` makes it do
        for instance in instances:
            eventually(f"{instance.name} reports the outage", lambda: requests.get(
                f"{instance.url}/healthz", timeout=5).status_code == 503, 15)
            down = requests.get(f"{instance.url}/healthz", timeout=5).json()
            assert down["checks"]["database"]["status"] == "down", down
        with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
            during = [pool.submit(send, i, 10) for i in instances]
            time.sleep(1)
            relay.up()  # back, on the same port
            for future in during:
                future.result()
        for instance in instances:
            eventually(f"{instance.name} is healthy again", lambda: requests.get(
                f"{instance.url}/healthz", timeout=5).status_code == 200, 30)
            assert instance.process.poll() is None, f"{instance.name} exited during the restart"
        send(instances[0], 20)
        send(instances[1], 20)
        stored = {row[0] for row in sql(schema, "SELECT run_id FROM lineage_events")}
        lost = [run for run in acknowledged if run not in stored]
        assert lost == [], f"{len(lost)} events answered 2xx are not stored: {lost[:5]}"
        assert len(acknowledged) >= 80
    finally:
        relay.cut()
        for instance in instances:
            instance.stop()
        for instance in instances:
            print(f"--- {instance.name}\n" + instance.log.read_text(errors="replace")[-2500:])
