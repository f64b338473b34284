"""Floods of idle, slow and stalled connections neither freeze Pipewatch nor take its memory.

Each test starts its own `pipewatch serve` (PIPEWATCH_BIN) with short timeouts and an open-file
soft limit of 1,024, as many machines have, and checks what an operator would: `/healthz` keeps
answering, no core spins, idle and slow connections are closed, stalled bodies are refused past
the memory budget and time out, and their memory comes back.
"""

from __future__ import annotations

import os
import resource
import socket
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

import pytest
import requests
from floodkit import cpu_seconds, drip, free_port, healthz_ms, open_idle, open_slowloris, rss_mb

BIN = os.environ.get("PIPEWATCH_BIN", "")
ROOT = Path(__file__).resolve().parents[2]
CONFIG = str(ROOT / "examples" / "seed" / "pipewatch.yaml")
TOKEN = "pipewatch-demo-token"

if not BIN:
    pytest.skip("PIPEWATCH_BIN is unset: point it at a built pipewatch", allow_module_level=True)

# This process holds thousands of sockets too.
_soft, _hard = resource.getrlimit(resource.RLIMIT_NOFILE)
if _hard != resource.RLIM_INFINITY and _hard < 8_000:
    pytest.skip(f"the hard open-file limit is {_hard}; the flood needs 8,000", allow_module_level=True)
resource.setrlimit(resource.RLIMIT_NOFILE, (min(_hard, 20_000) if _hard != resource.RLIM_INFINITY else 20_000, _hard))


class Server:
    def __init__(self, work: str, *flags: str, files: tuple[int, int] | None = (1024, None)) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"

        def limit() -> None:
            if files:
                soft, hard = files
                resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard or resource.getrlimit(resource.RLIMIT_NOFILE)[1]))

        self.log = Path(work) / f"{self.port}.log"
        with self.log.open("wb") as log:
            self.process = subprocess.Popen(
                [BIN, "serve", "--config", CONFIG, "--database", os.path.join(work, f"{self.port}.sqlite"),
                 "--port", str(self.port), "--no-checks", *flags],
                stdout=log, stderr=subprocess.STDOUT, preexec_fn=limit,
            )
        for _ in range(150):
            try:
                if requests.get(f"{self.url}/livez", timeout=1).status_code == 200:
                    return
            except requests.ConnectionError:
                time.sleep(0.1)
        raise AssertionError("pipewatch serve did not start")

    def cpu_seconds(self) -> float:
        return cpu_seconds(self.process.pid)

    def rss_mb(self) -> float:
        return rss_mb(self.process.pid)

    def metric(self, name: str) -> float:
        try:
            text = requests.get(f"{self.url}/metrics", timeout=5).text
        except requests.ConnectionError as error:
            # CI once saw this scrape reset: the server had died (a body that timed out left its
            # reader running, and NIO stops the process on a second reader of one stream). Its
            # log says why, where a bare reset did not.
            time.sleep(1)
            log = self.log.read_text(errors="replace")
            fatal = [line for line in log.splitlines() if "Fatal error" in line or "error:" in line]
            raise AssertionError(f"/metrics failed ({error}); the server said: {fatal[:3] or log[-2000:]}")
        for line in text.splitlines():
            if line.startswith(name + " "):
                return float(line.split()[1])
        raise AssertionError(f"{name} not in /metrics")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()


def closed_by_server(s: socket.socket, wait: float) -> bool:
    s.setblocking(True)
    s.settimeout(wait)
    try:
        return s.recv(4096) == b"" or True  # a 408 or an end of stream both close it
    except (ConnectionResetError, BrokenPipeError):
        return True
    except (TimeoutError, socket.timeout, OSError):
        return False


def test_idle_and_slowloris_connections_do_not_freeze_healthz() -> None:
    with tempfile.TemporaryDirectory() as work:
        server = Server(work, "--idle-timeout", "4s")
        try:
            idle = open_idle(server.port, 2_000)
            slow = open_slowloris(server.port, 1_500)
            cpu = server.cpu_seconds()
            latencies = []
            for _ in range(6):
                drip(slow)
                latencies.append(healthz_ms(server.port))
                time.sleep(0.3)
            spent = server.cpu_seconds() - cpu
            # A frozen server answers in seconds or not at all; the bounds leave room for a debug
            # build on a busy 2-core machine (scripts/bench-flood.sh measures the speed: p50 1.4 ms).
            assert statistics.median(latencies) < 250, latencies
            assert max(latencies) < 1_000, latencies
            assert spent < 0.8 * (6 * 0.3 + sum(latencies) / 1000) + 1, f"{spent:.2f} s of CPU: a core spins"
            # Past the idle timeout the server has closed both kinds.
            time.sleep(4)
            assert sum(closed_by_server(s, 3) for s in idle[:200]) >= 190
            assert sum(closed_by_server(s, 3) for s in slow[:200]) >= 190
            for s in idle + slow:
                s.close()
            # Once the server has seen the closes, it answers as fast as before the flood.
            deadline = time.monotonic() + 5
            while healthz_ms(server.port) >= 100:
                assert time.monotonic() < deadline, "healthz stayed slow after the flood ended"
                time.sleep(0.2)
        finally:
            server.stop()


def test_at_the_file_limit_new_connections_wait_without_spinning() -> None:
    with tempfile.TemporaryDirectory() as work:
        # The hard limit is 512 too, so the server cannot raise it.
        server = Server(work, "--idle-timeout", "60s", files=(512, 512))
        try:
            idle = open_idle(server.port, 700)
            time.sleep(1)
            cpu = server.cpu_seconds()
            time.sleep(3)
            spent = server.cpu_seconds() - cpu
            assert spent < 1.0, f"{spent:.2f} s of CPU in 3 s at the file limit: the accept loop spins"
            for s in idle:
                s.close()
            started = time.monotonic()
            while True:
                try:
                    if healthz_ms(server.port) < 1_000:
                        break
                except OSError:
                    pass
                assert time.monotonic() - started < 10, "the server did not come back after the flood"
                time.sleep(0.2)
            assert server.process.poll() is None
        finally:
            server.stop()


def test_stalled_bodies_are_refused_past_the_budget_time_out_and_free_their_memory() -> None:
    with tempfile.TemporaryDirectory() as work:
        server = Server(work, "--body-timeout", "3s", "--max-bodies-in-flight", str(8 << 20))
        try:
            before = server.rss_mb()
            head = (
                f"POST /api/v1/lineage HTTP/1.1\r\nHost: pipewatch\r\nAuthorization: Bearer {TOKEN}\r\n"
                f"Content-Type: application/json\r\nContent-Length: {1 << 20}\r\n\r\n"
            ).encode()
            clients = []
            refused = 0
            for _ in range(100):
                s = socket.create_connection(("127.0.0.1", server.port), timeout=10)
                s.sendall(head)
                try:
                    s.sendall(b" " * 1_040_000)
                except OSError:
                    pass
                clients.append(s)
            time.sleep(1)
            assert server.metric("pipewatch_request_body_bytes_in_flight") <= 8 << 20
            grown = server.rss_mb() - before
            assert grown < 150, f"resident memory grew {grown:.0f} MB for 8 MiB of bodies"
            answers = []
            for s in clients:
                s.settimeout(10)
                try:
                    answers.append(s.recv(4096).decode(errors="replace"))
                except OSError as error:
                    answers.append(str(error))
            refused = sum(a.startswith("HTTP/1.1 503") and "Retry-After" in a for a in answers)
            timed_out = sum(a.startswith("HTTP/1.1 408") for a in answers)
            assert refused >= 80, answers[:3]
            assert timed_out >= 1, answers[:3]
            for s in clients:
                s.close()
            assert server.metric("pipewatch_request_body_bytes_in_flight") == 0
            event = {
                "eventType": "COMPLETE", "eventTime": time.strftime("%Y-%m-%dT%H:%M:%S.000Z", time.gmtime()),
                "run": {"runId": "3f1c5a4e-8a47-4c3e-9d8e-5b8f1a6f2b11"},
                "job": {"namespace": "airflow", "name": "profit_daily"},
                "producer": "https://example.invalid/flood-test",
                "schemaURL": "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent",
            }
            posted = requests.post(f"{server.url}/api/v1/lineage", json=event,
                                   headers={"Authorization": f"Bearer {TOKEN}"}, timeout=10)
            assert posted.status_code == 201, posted.text
        finally:
            server.stop()
