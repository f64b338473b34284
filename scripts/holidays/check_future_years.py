#!/usr/bin/env python3
"""Compares `pipewatch holidays` with python-holidays for years past the vectors (2036–2060).

Rule-based regions must agree; regions whose tables end earlier must stop with a coverage
error. Run by hand after `swift build`, in the generator's venv:

    .venv-holidays/bin/python scripts/holidays/check_future_years.py [.build/debug/pipewatch]
"""

import subprocess
import sys

import holidays

PIPEWATCH = sys.argv[1] if len(sys.argv) > 1 else ".build/debug/pipewatch"
FIRST, LAST = 2036, 2060


def english(country: str) -> str | None:
    default = holidays.country_holidays(country).__class__.default_language
    if default is None:
        return None
    return default if default.startswith("en") else "en_US"


def main() -> int:
    listing = subprocess.run([PIPEWATCH, "holidays", "--list", "--format", "tsv"], capture_output=True, text=True)
    codes = [line.split("\t")[0] for line in listing.stdout.splitlines() if line]
    differing = 0
    for code in codes:
        country, _, subdivision = code.partition("-")
        run = subprocess.run(
            [PIPEWATCH, "holidays", code, "--from", f"{FIRST}-01-01", "--to", f"{LAST}-12-31", "--format", "tsv"],
            capture_output=True,
            text=True,
        )
        if run.returncode != 0:
            if "no holiday table for" not in run.stderr:
                print(f"{code}: unexpected failure: {run.stderr.strip()}")
                differing += 1
            continue
        mine = {line for line in run.stdout.splitlines() if line}
        calendar = holidays.country_holidays(
            country, subdiv=subdivision or None, years=range(FIRST, LAST + 1), language=english(country)
        )
        reference = {f"{day}\t{name}" for day, value in calendar.items() for name in value.split("; ")}
        if mine != reference:
            differing += 1
            print(f"{code}: missing {sorted(reference - mine)[:5]}, extra {sorted(mine - reference)[:5]}")
    print(f"{differing} of {len(codes)} regions differ in {FIRST}–{LAST}")
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main())
