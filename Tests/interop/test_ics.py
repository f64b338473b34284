"""Checks Pipewatch's iCalendar output with the real Python `icalendar` parser.

The Swift test `InteropExportTests/exportForPython` writes `schedule.ics`, `schedule-a.ics`
(the per-engineer feed) and `schedule.json` (the same schedule as `oncall schedule --format
json`) into `$PIPEWATCH_INTEROP_DIR`. When that variable is not set, this module runs that
Swift test itself into a temporary directory, so `pytest Tests/interop` alone is enough.

Run from the package root:
    python3 -m venv .venv && .venv/bin/pip install -r Tests/interop/requirements.txt
    .venv/bin/pytest -q Tests/interop
"""

import datetime as dt
import json
import os
import pathlib
import subprocess
import tempfile

import icalendar
import pytest
import recurring_ical_events

ROOT = pathlib.Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def files():
    directory = os.environ.get("PIPEWATCH_INTEROP_DIR")
    if not directory:
        directory = tempfile.mkdtemp(prefix="pipewatch-ics-")
        env = dict(os.environ, PIPEWATCH_INTEROP_DIR=directory)
        subprocess.run(
            ["swift", "test", "--filter", "InteropExportTests"],
            cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL,
        )
    path = pathlib.Path(directory)
    for name in ("schedule.ics", "schedule-a.ics", "schedule.json"):
        assert (path / name).exists(), f"{name} was not written into {path}"
    return path


def load(path):
    return icalendar.Calendar.from_ical((path).read_bytes())


def events(calendar):
    return [component for component in calendar.walk("VEVENT")]


def test_calendar_header(files):
    calendar = load(files / "schedule.ics")
    assert str(calendar["VERSION"]) == "2.0"
    assert "Pipewatch" in str(calendar["PRODID"])
    assert str(calendar["X-WR-CALNAME"]) == "Data Engineering on call"


def test_one_event_per_shift_with_matching_times(files):
    shifts = json.loads((files / "schedule.json").read_text())["shifts"]
    found = events(load(files / "schedule.ics"))
    assert len(found) == len(shifts) > 50
    for event, shift in zip(found, shifts):
        start = event.decoded("DTSTART")
        end = event.decoded("DTEND")
        assert start.tzinfo is not None and start.utcoffset() == dt.timedelta(0)
        assert start == dt.datetime.fromisoformat(shift["start"])
        assert end == dt.datetime.fromisoformat(shift["end"])
        assert shift["reason"] in str(event["CATEGORIES"].to_ical().decode())
        assert str(event["SUMMARY"]).startswith("On call: Data Engineer ")


def test_uids_are_unique_and_stamped(files):
    found = events(load(files / "schedule.ics"))
    uids = [str(event["UID"]) for event in found]
    assert len(set(uids)) == len(uids)
    assert all(uid.endswith("@pipewatch") for uid in uids)
    assert all(event.decoded("DTSTAMP") == dt.datetime(2026, 1, 1, 5, tzinfo=dt.timezone.utc) for event in found)


def test_escaped_text_reads_back(files):
    found = events(load(files / "schedule.ics"))
    descriptions = [str(event["DESCRIPTION"]) for event in found if "DESCRIPTION" in event]
    assert "reason: substitute\ntime off ('summer; family, travel')" in descriptions


def test_per_engineer_feed(files):
    shifts = json.loads((files / "schedule.json").read_text())["shifts"]
    found = events(load(files / "schedule-a.ics"))
    assert len(found) == len([s for s in shifts if s["engineer"] == "a"]) > 0
    assert all("Data Engineer A" in str(event["SUMMARY"]).split("(")[0] for event in found)


def test_recurring_ical_events_sees_who_is_on_call(files):
    calendar = load(files / "schedule.ics")
    # Memorial Day 2026, noon in New York: D covers A's holiday.
    noon = dt.datetime(2026, 5, 25, 16, 0, tzinfo=dt.timezone.utc)
    at_noon = recurring_ical_events.of(calendar).at(noon)
    at_noon = [event for event in at_noon if event.decoded("DTSTART") <= noon < event.decoded("DTEND")]
    assert [str(event["SUMMARY"]) for event in at_noon] == ["On call: Data Engineer D (covering Data Engineer A)"]
    # The whole year is covered by events without overlaps after the first handoff.
    spans = sorted((event.decoded("DTSTART"), event.decoded("DTEND")) for event in events(calendar))
    for (_, previous_end), (next_start, _) in zip(spans, spans[1:]):
        assert previous_end <= next_start
