"""PagerDuty's official Python client (pagerduty 7.2.0) sending Events API v2 to Pipewatch.

The client speaks only https://, so this needs a `pipewatch serve --tls-cert --tls-key`:
PIPEWATCH_TLS_URL (its https:// address) and PIPEWATCH_TLS_CA (the certificate to trust), on
the seed config, where the routing key 'pipewatch-demo-routing-key' routes to 'profit'.
scripts/interop.sh makes a throwaway self-signed certificate and starts that server.
"""

from __future__ import annotations

import os
import ssl
import uuid
from datetime import datetime, timezone
from typing import Any

import pagerduty
import pytest
import requests

URL = os.environ.get("PIPEWATCH_TLS_URL", "").rstrip("/")
CA = os.environ.get("PIPEWATCH_TLS_CA", "")
ROUTING_KEY = "pipewatch-demo-routing-key"

if not (URL and CA):
    pytest.skip(
        "PIPEWATCH_TLS_URL and PIPEWATCH_TLS_CA are unset: start `pipewatch serve --tls-cert … --tls-key …` "
        "on the seed config",
        allow_module_level=True,
    )


def client(routing_key: str = ROUTING_KEY) -> pagerduty.EventsApiV2Client:
    return pagerduty.EventsApiV2Client(routing_key, base_url=URL, verify=ssl.create_default_context(cafile=CA))


def incident(key: str) -> dict[str, Any] | None:
    response = requests.get(f"{URL}/api/v1/incidents", params={"state": "all", "pipeline": "profit"}, verify=CA, timeout=5)
    assert response.status_code == 200, response.text
    return next((i for i in response.json()["incidents"] if i["key"] == f"profit|external_alert|pagerduty:{key}"), None)


def test_trigger_acknowledge_resolve_through_the_official_client() -> None:
    events = client()
    # A trigger without a dedup key: Pipewatch makes one up and the client returns it.
    key = events.trigger(
        f"profit_daily failed {uuid.uuid4().hex[:6]}",
        "airflow/profit_daily",
        severity="error",
        custom_details={"task": "load_profit", "attempt": 2},
        links=[{"href": "http://airflow.example.invalid/dags/profit_daily", "text": "DAG"}],
    )
    assert isinstance(key, str) and len(key) == 32
    opened = incident(key)
    assert opened is not None and opened["state"] == "triggered" and opened["kind"] == "external_alert"
    evidence = requests.get(f"{URL}/api/v1/incidents/{opened['id']}", verify=CA, timeout=5).json()["evidence"]
    assert evidence["severity"] == "error"
    assert evidence["custom_details.task"] == "load_profit"
    assert evidence["link.1"] == "http://airflow.example.invalid/dags/profit_daily"
    # The same dedup key again repeats the incident instead of opening another.
    assert events.trigger("profit_daily failed again", "airflow/profit_daily", dedup_key=key) == key
    assert (incident(key) or {}).get("count") == 2
    assert events.acknowledge(key) == key
    assert (incident(key) or {}).get("state") == "acknowledged"
    assert events.resolve(key) == key
    assert (incident(key) or {}).get("state") == "resolved"
    # An acknowledge of an incident no longer open is answered and dropped, as PagerDuty does.
    assert events.acknowledge(key) == key
    assert (incident(key) or {}).get("state") == "resolved"


def test_an_unknown_routing_key_raises_at_once_without_opening_anything() -> None:
    with pytest.raises(pagerduty.HttpError) as raised:
        client("not-a-configured-key").trigger("x", "y")
    assert raised.value.response.status_code == 400
    body = raised.value.response.json()
    assert body["status"] == "invalid event" and "routing_key" in body["errors"][0]


def test_a_change_event_lands_on_the_pipeline_timeline() -> None:
    summary = f"Deployed profit_daily {uuid.uuid4().hex[:6]}"
    # pagerduty 7.2.0 cannot make its own timestamp (datetime.timezone on the class): give one.
    client().submit(
        summary,
        source="ci",
        custom_details={"commit": "abc123"},
        timestamp=datetime.now(timezone.utc).isoformat(),
    )
    changes = requests.get(f"{URL}/api/v1/pipelines/profit/changes", verify=CA, timeout=5).json()["changes"]
    change = next(c for c in changes if c["summary"] == summary)
    assert change["source"] == "ci" and change["details"] == {"commit": "abc123"}
