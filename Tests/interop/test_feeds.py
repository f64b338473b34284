"""Calendar feeds served by `pipewatch serve` at /feeds/TOKEN.ics, read by the `icalendar` package
(RFC 5545) and `recurring-ical-events`, as a calendar app subscribed to the URL would.

Needs PIPEWATCH_BIN (the `pipewatch` executable). Each test makes its own store, feeds (with
`pipewatch feed new`) and server on the seed config, at a pinned PIPEWATCH_NOW.
"""

from __future__ import annotations

import os
import re
import subprocess
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Iterator

import icalendar
import pytest
import recurring_ical_events
import requests

from pwinterop import ServeProcess

BIN = os.environ.get("PIPEWATCH_BIN", "")
CONFIG = Path(__file__).resolve().parents[2] / "examples" / "seed" / "pipewatch.yaml"
NOW = "2026-11-27T12:00:00Z"

if not BIN:
    pytest.skip("PIPEWATCH_BIN is unset: point it at a built pipewatch to run the calendar feed tests",
                allow_module_level=True)


class World:
    """A store with feeds, and `pipewatch serve` on it."""

    def __init__(self, directory: Path) -> None:
        self.database = directory / "state.sqlite"
        self.env = {**os.environ, "PIPEWATCH_NOW": NOW, "USER": "lead"}
        self.b_path = self.new_feed("b")
        self.team_path = self.new_feed("--team")
        self.server = ServeProcess(BIN, CONFIG, self.database, directory / "serve.log", env=self.env)

    def pipewatch(self, *arguments: str) -> str:
        done = subprocess.run(
            [BIN, *arguments, "--config", str(CONFIG), "--database", str(self.database)],
            env=self.env, capture_output=True, text=True, timeout=60,
        )
        assert done.returncode == 0, f"pipewatch {' '.join(arguments)}: {done.returncode}\n{done.stderr}"
        return done.stdout

    def new_feed(self, who: str) -> str:
        output = self.pipewatch("feed", "new", who)
        match = re.search(r"^url: (/feeds/[0-9a-f]{64}\.ics)$", output, re.MULTILINE)
        assert match, f"no feed URL in:\n{output}"
        return match.group(1)

    def fetch(self, path: str, **headers: str) -> requests.Response:
        return requests.get(f"{self.server.url}{path}", headers=headers, timeout=30)

    def calendar(self, path: str) -> icalendar.Calendar:
        response = self.fetch(path)
        assert response.status_code == 200, f"GET {path}: {response.status_code} {response.text}"
        assert response.headers["Content-Type"].startswith("text/calendar"), response.headers["Content-Type"]
        return icalendar.Calendar.from_ical(response.content)


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    built = World(tmp_path)
    try:
        yield built
    finally:
        built.server.stop()


def shifts(calendar: icalendar.Calendar) -> dict[str, tuple[datetime, datetime, str]]:
    """The timed events (shifts) by UID: start, end, summary."""
    found = {}
    for event in calendar.walk("VEVENT"):
        start, end = event.decoded("DTSTART"), event.decoded("DTEND")
        if isinstance(start, datetime):
            found[str(event["UID"])] = (start, end, str(event["SUMMARY"]))
    return found


def days_off(calendar: icalendar.Calendar) -> dict[str, tuple[date, str]]:
    """The all-day events (days off) by UID: day, summary."""
    found = {}
    for event in calendar.walk("VEVENT"):
        start = event.decoded("DTSTART")
        if not isinstance(start, datetime):
            found[str(event["UID"])] = (start, str(event["SUMMARY"]))
    return found


def test_a_personal_feed_is_valid_rfc_5545_with_utc_shifts_and_named_holidays(world: World) -> None:
    calendar = world.calendar(world.b_path)
    assert str(calendar["VERSION"]) == "2.0" and str(calendar.get("PRODID", "")).strip()
    assert not calendar.get_missing_tzids(), "a TZID without its VTIMEZONE"
    events = list(calendar.walk("VEVENT"))
    uids = [str(event["UID"]) for event in events]
    assert len(uids) == len(set(uids)), "a UID is used twice"
    for event in events:
        stamp = event.decoded("DTSTAMP")
        assert isinstance(stamp, datetime) and stamp.utcoffset() == timedelta(0), f"DTSTAMP {stamp} is not UTC"
    timed = shifts(calendar)
    assert len(timed) >= 5, f"only {len(timed)} shifts in 30 weeks"
    for uid, (start, end, summary) in timed.items():
        assert start.utcoffset() == timedelta(0) and end.utcoffset() == timedelta(0), f"{uid}: not UTC"
        assert start < end and summary.startswith("On call: Data Engineer B"), f"{uid}: {summary}"
    assert max(end for _, end, _ in timed.values()) > datetime.fromisoformat("2027-05-01T00:00:00+00:00")
    holidays = {day: summary for day, summary in days_off(calendar).values()}
    assert holidays.get(date(2026, 12, 25)) == "Day off: Data Engineer B, public holiday 'Christmas Day'", holidays
    # A client that expands the calendar sees exactly its events.
    expanded = recurring_ical_events.of(calendar).between(date(2026, 10, 1), date(2027, 7, 1))
    assert sorted(str(event["UID"]) for event in expanded) == sorted(uids)


def test_uids_stay_across_fetches_and_after_an_unrelated_change_and_revoked_is_404(world: World) -> None:
    first_team, first_b = shifts(world.calendar(world.team_path)), shifts(world.calendar(world.b_path))
    # The personal feed's shifts are the team feed's shifts of b, with the same UIDs and times.
    assert set(first_b) <= set(first_team)
    # 28 days back (2026-10-30) through 26 weeks ahead (2027-05-28) of 2026-11-27, shifts whole at the edges.
    assert min(start for start, _, _ in first_team.values()) <= datetime.fromisoformat("2026-10-30T04:00:00+00:00")
    assert max(end for _, end, _ in first_team.values()) >= datetime.fromisoformat("2027-05-29T04:00:00+00:00")
    assert all(first_team[uid][:2] == first_b[uid][:2] for uid in first_b)
    # Fetched again: the same bytes (so the ETag holds), and 304 for a client that has them.
    again = world.fetch(world.team_path)
    assert shifts(icalendar.Calendar.from_ical(again.content)) == first_team
    assert world.fetch(world.team_path, **{"If-None-Match": again.headers["ETag"]}).status_code == 304

    # Unrelated changes to the store (another feed, a swap still pending) leave the feed as it was.
    world.new_feed("a")
    world.pipewatch("swap", "request", "--from", "a", "--to", "b", "--start", "2027-03-02T09:00", "--end", "2027-03-03T09:00")
    assert world.fetch(world.team_path).content == again.content

    # c takes a day off in their March week: c's week is re-planned (a substitute covers the day),
    # and fairness may move a later substitute; every shift that is the same keeps its UID.
    world.pipewatch("timeoff", "add", "c", "2027-03-17", "2027-03-17", "--reason", "dentist")
    team = shifts(world.calendar(world.team_path))
    assert any("(covering Data Engineer C)" in summary for _, _, summary in team.values())
    before_by_content = {value: uid for uid, value in first_team.items()}
    renamed = [f"{uid} {value}" for uid, value in team.items()
               if value in before_by_content and before_by_content[value] != uid]
    assert not renamed, "unchanged shifts got new UIDs:\n" + "\n".join(renamed[:5])
    changed = set(first_team) ^ set(team)
    assert 0 < len(changed) <= 8, f"{len(changed)} shifts changed for one day off"

    # Revoked: the URL answers 404, the team's feed still serves.
    listed = world.pipewatch("feed", "list", "--format", "json")
    assert world.b_path[7:71] not in listed, "feed list shows a token"
    world.pipewatch("feed", "revoke", "1")
    assert world.fetch(world.b_path).status_code == 404
    assert world.fetch(world.team_path).status_code == 200
    assert world.fetch("/feeds/" + "0" * 64 + ".ics").status_code == 404
