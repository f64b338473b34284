"""Pipewatch's iCalendar output (`pipewatch oncall schedule --format ics`) read by real parsers:
the `icalendar` package (RFC 5545) and `recurring-ical-events`.

Needs:
  PIPEWATCH_ICS        an .ics file written by `pipewatch oncall schedule ... --format ics`
Optional:
  PIPEWATCH_ICS_AGAIN  the same command's output from a second run (same config and store):
                       every shift must keep its UID and times

For example:
  PIPEWATCH_NOW=2026-11-27T12:00:00Z pipewatch oncall schedule --from 2026-12-01 --to 2027-03-01 \
      --format ics --config examples/seed/pipewatch.yaml > /tmp/a.ics
  (run it again into /tmp/b.ics)
  PIPEWATCH_ICS=/tmp/a.ics PIPEWATCH_ICS_AGAIN=/tmp/b.ics .venv/bin/pytest Tests/interop/test_ics.py
"""

from __future__ import annotations

import os
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import icalendar
import pytest
import recurring_ical_events

ICS = os.environ.get("PIPEWATCH_ICS", "")
ICS_AGAIN = os.environ.get("PIPEWATCH_ICS_AGAIN", "")

if not ICS:
    pytest.skip(
        "PIPEWATCH_ICS is unset: write `pipewatch oncall schedule --format ics` to a file and set "
        "PIPEWATCH_ICS to its path to run the iCalendar interop tests",
        allow_module_level=True,
    )


def load(path: str) -> tuple[bytes, icalendar.Calendar]:
    raw = Path(path).read_bytes()
    assert raw.strip(), f"{path} is empty"
    return raw, icalendar.Calendar.from_ical(raw)


def events(calendar: icalendar.Calendar) -> list[icalendar.Event]:
    return list(calendar.walk("VEVENT"))


def aware(value: Any, what: str) -> datetime:
    """A DTSTART/DTEND as a timezone-aware datetime (a shift is an instant range, not a date)."""
    assert isinstance(value, datetime), f"{what}: {value!r} is a {type(value).__name__}, not a date-time"
    assert value.tzinfo is not None and value.utcoffset() is not None, f"{what}: {value} is floating (no time zone)"
    return value


def span(event: icalendar.Event) -> tuple[datetime, datetime]:
    uid = str(event.get("UID"))
    assert "DTSTART" in event, f"VEVENT {uid} has no DTSTART"
    assert "DTEND" in event, f"VEVENT {uid} has no DTEND"
    start = aware(event.decoded("DTSTART"), f"VEVENT {uid} DTSTART")
    end = aware(event.decoded("DTEND"), f"VEVENT {uid} DTEND")
    return start, end


@pytest.fixture(scope="module")
def ics() -> tuple[bytes, icalendar.Calendar]:
    return load(ICS)


def test_is_a_version_2_vcalendar_with_a_prodid(ics: tuple[bytes, icalendar.Calendar]) -> None:
    _, calendar = ics
    assert calendar.name == "VCALENDAR"
    assert str(calendar.get("VERSION")) == "2.0"
    assert str(calendar.get("PRODID", "")).strip(), "PRODID is required"


def test_lines_are_crlf_terminated_and_folded_at_75_octets(ics: tuple[bytes, icalendar.Calendar]) -> None:
    """RFC 5545 3.1: content lines end with CRLF and are folded to at most 75 octets."""
    raw, _ = ics
    assert raw.endswith(b"\r\n"), "the last line must end with CRLF"
    lines = raw[:-2].split(b"\r\n")
    assert all(b"\n" not in line and b"\r" not in line for line in lines), "a line ends with a bare LF or CR"
    too_long = [line for line in lines if len(line) > 75]
    assert not too_long, f"{len(too_long)} lines over 75 octets, e.g. {too_long[0][:90]!r}"


def test_has_events_each_with_uid_dtstamp_times_and_summary(ics: tuple[bytes, icalendar.Calendar]) -> None:
    _, calendar = ics
    found = events(calendar)
    assert found, "no VEVENT"
    uids = []
    for event in found:
        uid = str(event.get("UID", "")).strip()
        assert uid, f"a VEVENT has no UID:\n{event.to_ical().decode()}"
        uids.append(uid)
        assert "DTSTAMP" in event, f"VEVENT {uid} has no DTSTAMP"
        stamp = aware(event.decoded("DTSTAMP"), f"VEVENT {uid} DTSTAMP")
        assert stamp.utcoffset() == timedelta(0), f"VEVENT {uid}: DTSTAMP must be UTC (RFC 5545 3.8.7.2), got {stamp}"
        start, end = span(event)
        assert start < end, f"VEVENT {uid}: DTSTART {start} is not before DTEND {end}"
        assert str(event.get("SUMMARY", "")).strip(), f"VEVENT {uid} has no SUMMARY"
    duplicates = sorted({uid for uid in uids if uids.count(uid) > 1})
    assert not duplicates, f"UIDs used more than once: {duplicates}"


def test_every_tzid_used_has_a_vtimezone(ics: tuple[bytes, icalendar.Calendar]) -> None:
    """RFC 5545 3.2.19: a TZID parameter must name a VTIMEZONE in the same calendar."""
    _, calendar = ics
    assert not calendar.get_missing_tzids(), f"TZIDs without a VTIMEZONE: {sorted(calendar.get_missing_tzids())}"


def test_shifts_do_not_overlap(ics: tuple[bytes, icalendar.Calendar]) -> None:
    _, calendar = ics
    shifts = sorted((span(event), str(event.get("UID"))) for event in events(calendar))
    for ((_, previous_end), previous_uid), ((start, _), uid) in zip(shifts, shifts[1:]):
        assert start >= previous_end, f"{uid} starts at {start}, before {previous_uid} ends at {previous_end}"


def test_recurring_ical_events_sees_the_same_events(ics: tuple[bytes, icalendar.Calendar]) -> None:
    """A calendar client expands the file into exactly its VEVENTs over the file's span."""
    _, calendar = ics
    spans = [span(event) for event in events(calendar)]
    first, last = min(start for start, _ in spans), max(end for _, end in spans)
    expanded = recurring_ical_events.of(calendar).between(first, last)
    assert len(expanded) == len(spans), f"{len(expanded)} events between {first} and {last}, the file has {len(spans)}"
    assert sorted(str(e.get("UID")) for e in expanded) == sorted(str(e.get("UID")) for e in events(calendar))


@pytest.mark.skipif(not ICS_AGAIN, reason="PIPEWATCH_ICS_AGAIN is unset: no second run to compare UIDs with")
def test_a_second_run_keeps_every_uid_and_its_times(ics: tuple[bytes, icalendar.Calendar]) -> None:
    _, calendar = ics
    _, again = load(ICS_AGAIN)

    def by_uid(cal: icalendar.Calendar) -> dict[str, tuple[datetime, datetime]]:
        return {str(event.get("UID")): span(event) for event in events(cal)}

    first, second = by_uid(calendar), by_uid(again)
    assert set(second) == set(first), (
        f"UIDs differ between runs: only in the first {sorted(set(first) - set(second))[:5]}, "
        f"only in the second {sorted(set(second) - set(first))[:5]}"
    )
    moved = [
        f"{uid}: {first[uid][0].isoformat()}/{first[uid][1].isoformat()} then "
        f"{second[uid][0].isoformat()}/{second[uid][1].isoformat()}"
        for uid in sorted(first)
        if first[uid] != second[uid]
    ]
    assert not moved, f"{len(moved)} UIDs name different times in the two runs, e.g.\n" + "\n".join(moved[:3])
