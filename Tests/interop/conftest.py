"""pytest configuration for Pipewatch's interoperability tests (see README.md).

Each test module skips itself, with the reason, when the environment variable naming what it
talks to is unset, so `pytest Tests/interop` is always safe to run.
"""

from __future__ import annotations

import os

import pytest


@pytest.fixture(autouse=True)
def _no_ambient_openlineage_config(monkeypatch: pytest.MonkeyPatch) -> None:
    """The OpenLineage client merges OPENLINEAGE_* variables (and may disable itself with
    OPENLINEAGE_DISABLED) into the config it is given: the tests must not depend on the caller's
    shell."""
    for name in list(os.environ):
        if name.startswith("OPENLINEAGE"):
            monkeypatch.delenv(name)
