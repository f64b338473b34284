#!/usr/bin/env python3
"""Expands the company-calendar fixtures with real iCalendar readers, as a reference for
Pipewatch's own reader (`ICalendarParser`): `icalendar` parses, `recurring-ical-events`
expands recurrences. Run by hand, from the package root, in the generator's venv:

    .venv-holidays/bin/pip install -r scripts/holidays/requirements.txt
    .venv-holidays/bin/python scripts/holidays/generate_ics_vectors.py

For each Tests/PipewatchCoreTests/Fixtures/ics/<name>.ics it writes <name>.tsv: every day off
(each day of every all-day occurrence) from FIRST to LAST, `YYYY-MM-DD<TAB>summary`, sorted.
Timed events are not days off and are left out.
"""

import datetime
import pathlib

import icalendar
import recurring_ical_events

FIRST = datetime.date(2024, 1, 1)
LAST = datetime.date(2035, 12, 31)
FIXTURES = pathlib.Path(__file__).resolve().parents[2] / "Tests" / "PipewatchCoreTests" / "Fixtures" / "ics"

for path in sorted(FIXTURES.glob("*.ics")):
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    lines = set()
    for event in recurring_ical_events.of(calendar).between(FIRST, LAST + datetime.timedelta(days=1)):
        start = event.decoded("DTSTART")
        if isinstance(start, datetime.datetime):
            continue
        end = event.decoded("DTEND") if "DTEND" in event else start + datetime.timedelta(days=1)
        day = start
        while day < end:
            if FIRST <= day <= LAST:
                lines.add(f"{day.isoformat()}\t{event.get('SUMMARY')}")
            day += datetime.timedelta(days=1)
    path.with_suffix(".tsv").write_text("\n".join(sorted(lines)) + "\n")
