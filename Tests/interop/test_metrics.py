"""`GET /metrics` read by the official Prometheus Python client's text-format parser.

Needs PIPEWATCH_URL (a running `pipewatch serve`); reads are sent with PIPEWATCH_READ_TOKEN or
PIPEWATCH_WRITE_TOKEN when set. Metric names are Pipewatch's to choose: this checks only that
Prometheus can read the page and that it has the request-latency histogram issue 5 asks for.
"""

from __future__ import annotations

import os

import pytest
import requests
from prometheus_client.parser import text_string_to_metric_families

URL = os.environ.get("PIPEWATCH_URL", "")
TOKEN = os.environ.get("PIPEWATCH_READ_TOKEN", "") or os.environ.get("PIPEWATCH_WRITE_TOKEN", "")

if not URL:
    pytest.skip(
        "PIPEWATCH_URL is unset: start `pipewatch serve` and set PIPEWATCH_URL to check /metrics",
        allow_module_level=True,
    )


def test_metrics_parse_as_prometheus_text_with_a_histogram() -> None:
    headers = {"Authorization": f"Bearer {TOKEN}"} if TOKEN else {}
    response = requests.get(URL.rstrip("/") + "/metrics", headers=headers, timeout=10)
    assert response.status_code == 200, f"{response.status_code} {response.text[:300]}"
    assert response.headers.get("Content-Type", "").startswith("text/plain"), response.headers
    families = list(text_string_to_metric_families(response.text))
    assert families and any(f.samples for f in families), "no metric with a sample:\n" + response.text[:1000]
    histograms = [f for f in families if f.type == "histogram"]
    assert histograms, "no histogram (request latency): " + ", ".join(f"{f.name}:{f.type}" for f in families)
    for family in histograms:
        buckets = [s for s in family.samples if s.name.endswith("_bucket")]
        assert any(s.labels.get("le") == "+Inf" for s in buckets), f"{family.name} has no le=\"+Inf\" bucket"
