"""Debian's Prometheus Alertmanager (0.25) sending its webhook to a live `pipewatch serve`.

Needs PIPEWATCH_URL and PIPEWATCH_WRITE_TOKEN (a server on the seed config, where 'profit' is a
pipeline) and PIPEWATCH_ALERTMANAGER (the `prometheus-alertmanager` binary, which
scripts/ci/alertmanager.sh installs). The Alertmanager runs as its own process with its own
config, storage and ports, never as the system service: an alert posted to its API reaches
Pipewatch through a `webhook_configs` receiver with a bearer token and `send_resolved`, exactly
as a team would configure it.
"""

from __future__ import annotations

import os
import socket
import subprocess
import tempfile
import time
import uuid
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Iterator

import pytest
import requests

URL = os.environ.get("PIPEWATCH_URL", "").rstrip("/")
TOKEN = os.environ.get("PIPEWATCH_WRITE_TOKEN", "")
BINARY = os.environ.get("PIPEWATCH_ALERTMANAGER", "")
ROUTING_KEY = "pipewatch-demo-routing-key"  # the seed routes it to 'profit'


if not (URL and TOKEN and BINARY):
    pytest.skip(
        "PIPEWATCH_URL, PIPEWATCH_WRITE_TOKEN and PIPEWATCH_ALERTMANAGER are needed "
        "(scripts/ci/alertmanager.sh installs Debian's prometheus-alertmanager)",
        allow_module_level=True,
    )


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def alertmanager() -> Iterator[str]:
    """An Alertmanager whose receivers are Pipewatch's webhook and, for alerts labelled
    `via="pagerduty"`, its PagerDuty Events v2 intake; yields its base URL."""
    with tempfile.TemporaryDirectory() as directory:
        config = Path(directory) / "alertmanager.yml"
        config.write_text(
            f"""
route:
  receiver: pipewatch
  group_by: [alertname, pipeline]
  group_wait: 1s
  group_interval: 1s
  repeat_interval: 1h
  routes:
    - matchers: ['via="pagerduty"']
      receiver: pipewatch-pagerduty
receivers:
  - name: pipewatch
    webhook_configs:
      - url: {URL}/api/v1/alertmanager
        send_resolved: true
        http_config:
          authorization:
            credentials: {TOKEN}
  - name: pipewatch-pagerduty
    pagerduty_configs:
      - routing_key: {ROUTING_KEY}
        url: {URL}/v2/enqueue
        send_resolved: true
"""
        )
        port = free_port()
        log = open(Path(directory) / "alertmanager.log", "w")
        process = subprocess.Popen(
            [
                BINARY,
                f"--config.file={config}",
                f"--storage.path={directory}/data",
                f"--web.listen-address=127.0.0.1:{port}",
                "--cluster.listen-address=",
            ],
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 30
            while True:
                try:
                    if requests.get(f"{base}/-/ready", timeout=1).status_code == 200:
                        break
                except requests.ConnectionError:
                    pass
                assert process.poll() is None, (Path(directory) / "alertmanager.log").read_text()
                assert time.monotonic() < deadline, "Alertmanager did not become ready"
                time.sleep(0.2)
            yield base
        finally:
            process.terminate()
            process.wait(timeout=10)
            log.close()


def post_alert(base: str, labels: dict[str, str], summary: str, ends: datetime | None) -> None:
    now = datetime.now(timezone.utc)
    alert: dict[str, Any] = {
        "labels": labels,
        "annotations": {"summary": summary},
        "startsAt": (now - timedelta(minutes=5)).isoformat(),
        "generatorURL": "http://prometheus.example.invalid/graph",
    }
    if ends is not None:
        alert["endsAt"] = ends.isoformat()
    response = requests.post(f"{base}/api/v2/alerts", json=[alert], timeout=5)
    assert response.status_code == 200, response.text


def incident_titled(title: str) -> dict[str, Any] | None:
    response = requests.get(f"{URL}/api/v1/incidents", params={"state": "all", "pipeline": "profit"}, timeout=5)
    assert response.status_code == 200, response.text
    return next((i for i in response.json()["incidents"] if i["title"] == title), None)


def wait_for(condition, what: str, seconds: float = 45) -> Any:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = condition()
        if found:
            return found
        time.sleep(0.5)
    pytest.fail(f"timed out waiting for {what}")


def test_a_firing_alert_opens_an_incident_and_its_resolution_resolves_it(alertmanager: str) -> None:
    name = f"ProfitLate{uuid.uuid4().hex[:8]}"
    labels = {"alertname": name, "pipeline": "profit", "severity": "critical"}
    summary = "aggregate profit table not updated for 7h"
    title = f"{name}: {summary}"
    post_alert(alertmanager, labels, summary, ends=None)
    opened = wait_for(lambda: incident_titled(title), "Alertmanager's notification to open an incident")
    assert opened["kind"] == "external_alert"
    assert opened["key"].startswith("profit|external_alert|alertmanager:")
    assert opened["state"] in {"triggered", "acknowledged"}
    detail = requests.get(f"{URL}/api/v1/incidents/{opened['id']}", timeout=5).json()
    assert detail["evidence"]["label.severity"] == "critical"
    assert detail["evidence"]["group_key"].startswith("{}:"), detail["evidence"]
    # Ending the alert makes Alertmanager send the resolved notification (send_resolved).
    post_alert(alertmanager, labels, summary, ends=datetime.now(timezone.utc) - timedelta(seconds=1))
    wait_for(
        lambda: (incident_titled(title) or {}).get("state") == "resolved",
        "Alertmanager's resolved notification to resolve the incident",
    )


def test_alertmanagers_pagerduty_receiver_reaches_the_events_v2_intake(alertmanager: str) -> None:
    # Alertmanager's own pagerduty_configs, pointed at Pipewatch instead of events.pagerduty.com
    name = f"ProfitStale{uuid.uuid4().hex[:8]}"
    labels = {"alertname": name, "pipeline": "profit", "via": "pagerduty"}
    post_alert(alertmanager, labels, "profit table stale", ends=None)

    def opened() -> dict[str, Any] | None:
        response = requests.get(f"{URL}/api/v1/incidents", params={"state": "all", "pipeline": "profit"}, timeout=5)
        return next(
            (i for i in response.json()["incidents"] if i["key"].startswith("profit|external_alert|pagerduty:") and name in i["title"]),
            None,
        )

    incident = wait_for(opened, "Alertmanager's PagerDuty event to open an incident")
    detail = requests.get(f"{URL}/api/v1/incidents/{incident['id']}", timeout=5).json()
    assert detail["evidence"]["client"] == "Alertmanager", detail["evidence"]
    post_alert(alertmanager, labels, "profit table stale", ends=datetime.now(timezone.utc) - timedelta(seconds=1))
    wait_for(
        lambda: (opened() or {}).get("state") == "resolved",
        "Alertmanager's PagerDuty resolve event to resolve the incident",
    )

