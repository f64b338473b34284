"""A PostgreSQL outage is visible and short, and Pipewatch recovers by itself.

Starts its own `pipewatch serve` (PIPEWATCH_BIN) on the test PostgreSQL server
(PIPEWATCH_TEST_POSTGRES_URL) through a TCP relay that the test can cut, as a network
partition or a stopped server would. While it is cut, reads and writes answer 503 with a JSON
error and `Retry-After` in seconds, not after a minute; `/healthz` and `/readyz` say the database
is down and `/livez` that the process lives. When the relay is back, everything answers again
without restarting the server.
"""

from __future__ import annotations

import os
import socket
import subprocess
import threading
import time
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
import requests
from floodkit import free_port

BIN = os.environ.get("PIPEWATCH_BIN", "")
POSTGRES = os.environ.get("PIPEWATCH_TEST_POSTGRES_URL", "")
ROOT = Path(__file__).resolve().parents[2]
CONFIG = str(ROOT / "examples" / "seed" / "pipewatch.yaml")
TOKEN = "pipewatch-demo-token"

if not BIN or not POSTGRES:
    pytest.skip("needs PIPEWATCH_BIN and PIPEWATCH_TEST_POSTGRES_URL", allow_module_level=True)


class Relay:
    """Forwards TCP connections from a local port to the PostgreSQL server until cut."""

    def __init__(self, target: tuple[str, int]) -> None:
        self.target = target
        self.port = 0
        self.listener: socket.socket | None = None
        self.connections: list[socket.socket] = []
        self.lock = threading.Lock()

    def up(self) -> None:
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(64)
        self.port = listener.getsockname()[1]
        self.listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()

    def cut(self) -> None:
        """Refuses new connections and drops the open ones, as a stopped server does."""
        with self.lock:
            listener, self.listener = self.listener, None
            connections, self.connections = self.connections, []
        if listener:
            # Closing alone would leave a thread blocked in accept() accepting on Linux.
            try:
                listener.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            listener.close()
        for connection in connections:
            try:
                connection.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            connection.close()

    def _accept(self, listener: socket.socket) -> None:
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return
            try:
                server = socket.create_connection(self.target)
            except OSError:
                client.close()
                continue
            with self.lock:
                self.connections += [client, server]
            threading.Thread(target=self._pump, args=(client, server), daemon=True).start()
            threading.Thread(target=self._pump, args=(server, client), daemon=True).start()

    @staticmethod
    def _pump(source: socket.socket, sink: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        for end in (source, sink):
            try:
                end.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass


def through(relay: Relay) -> str:
    """The test server's URL with the relay's port and a schema of this test's own."""
    parts = urlsplit(POSTGRES)
    netloc = parts.netloc.rsplit("@", 1)
    host = f"127.0.0.1:{relay.port}"
    netloc = f"{netloc[0]}@{host}" if len(netloc) == 2 else host
    # Timeouts shorter than the defaults (5 s and 10 s) keep the test short; they bound every wait.
    query = "&".join(
        filter(None, [parts.query, f"schema=outage_{uuid.uuid4().hex[:8]}", "connect_timeout=2", "statement_timeout=3000"])
    )
    return urlunsplit((parts.scheme, netloc, parts.path, query, ""))


def event() -> dict:
    return {
        "eventType": "COMPLETE",
        "eventTime": time.strftime("%Y-%m-%dT%H:%M:%S.000000+00:00", time.gmtime()),
        "run": {"runId": str(uuid.uuid4()), "facets": {}},
        "job": {"namespace": "airflow", "name": "profit_daily", "facets": {}},
        "inputs": [],
        "outputs": [],
        "producer": "https://example.invalid/outage-test",
        "schemaURL": "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent",
    }


def wait_for(predicate, seconds: float) -> float:
    """Polls until `predicate` holds; returns how long it took."""
    started = time.monotonic()
    while time.monotonic() - started < seconds:
        try:
            if predicate():
                return time.monotonic() - started
        except requests.RequestException:
            pass
        time.sleep(0.2)
    pytest.fail(f"not within {seconds} s")


def test_postgres_outage_is_visible_short_and_recovers() -> None:
    target = urlsplit(POSTGRES)
    relay = Relay((target.hostname or "127.0.0.1", target.port or 5432))
    relay.up()
    port = free_port()
    server = subprocess.Popen(
        [BIN, "serve", "--config", CONFIG, "--database", through(relay), "--port", str(port), "--no-checks"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}"
    auth = {"Authorization": f"Bearer {TOKEN}"}
    try:
        wait_for(lambda: requests.get(f"{url}/healthz", timeout=2).status_code == 200, 30)
        health = requests.get(f"{url}/healthz", timeout=2).json()
        assert health["status"] == "ok" and health["checks"]["database"]["status"] == "up"
        assert requests.post(f"{url}/api/v1/lineage", json=event(), headers=auth, timeout=10).status_code == 201

        relay.cut()
        for path in ["/api/v1/pipelines", "/api/v1/incidents", "/metrics", "/api/v1/pipelines"]:
            started = time.monotonic()
            response = requests.get(f"{url}{path}", timeout=30)
            took = time.monotonic() - started
            assert response.status_code == 503, (path, response.status_code, response.text)
            assert "database" in response.json()["error"], response.text
            assert int(response.headers["Retry-After"]) > 0
            assert took < 7, f"{path} took {took:.1f} s during the outage"
        write = requests.post(f"{url}/api/v1/lineage", json=event(), headers=auth, timeout=30)
        assert write.status_code == 503, write.text
        assert int(write.headers["Retry-After"]) > 0
        wait_for(lambda: requests.get(f"{url}/healthz", timeout=3).status_code == 503, 5)
        down = requests.get(f"{url}/readyz", timeout=3)
        assert down.status_code == 503
        assert down.json()["checks"]["database"]["status"] == "down"
        assert "down_since" in down.json()["checks"]["database"]
        assert requests.get(f"{url}/livez", timeout=2).status_code == 200
        # Later requests in the outage do not wait for the connect timeout again.
        started = time.monotonic()
        assert requests.get(f"{url}/api/v1/incidents", timeout=30).status_code == 503
        assert time.monotonic() - started < 2

        relay.up()
        wait_for(lambda: requests.get(f"{url}/healthz", timeout=3).status_code == 200, 30)
        wait_for(lambda: requests.get(f"{url}/api/v1/pipelines", timeout=10).status_code == 200, 30)
        assert requests.post(f"{url}/api/v1/lineage", json=event(), headers=auth, timeout=10).status_code == 201
        assert server.poll() is None, "the server exited during the outage"
    finally:
        relay.cut()
        server.terminate()
        try:
            _, log = server.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            _, log = server.communicate()
        # Shown by pytest when the test failed.
        print(log.decode(errors="replace")[-4000:])
