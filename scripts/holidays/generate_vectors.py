#!/usr/bin/env python3
"""Writes Pipewatch's holiday test vectors and shipped holiday tables from python-holidays.

Run by hand (not by CI), from the package root, after a change to the supported regions or
to the pinned python-holidays version:

    python3 -m venv .venv-holidays
    .venv-holidays/bin/pip install -r scripts/holidays/requirements.txt
    .venv-holidays/bin/python scripts/holidays/generate_vectors.py

(A venv of its own: .venv belongs to the interoperability tests, and scripts/python-env.sh
rebuilds it to hold exactly their packages.)

It writes
  * Tests/PipewatchCoreTests/Fixtures/holidays/<REGION>.tsv: every holiday of the region in
    FIRST_YEAR..LAST_YEAR, one `YYYY-MM-DD<TAB>name` line per name, sorted;
  * Sources/PipewatchCore/Calendar/Tables/<Country>Tables.swift: the dates of holidays that
    follow lunar or other calendars (or that government declares), which no Gregorian rule
    gives, as Swift string literals that `HolidayTable` parses.

Data derived from python-holidays is MIT-licensed; the generated files carry its notice.
"""

import pathlib
import sys

import holidays

FIRST_YEAR = 2000
LAST_YEAR = 2035
ROOT = pathlib.Path(__file__).resolve().parents[2]
VECTORS = ROOT / "Tests" / "PipewatchCoreTests" / "Fixtures" / "holidays"
TABLES = ROOT / "Sources" / "PipewatchCore" / "Calendar" / "Tables"

NOTICE = """\
python-holidays {version}, https://github.com/vacanza/holidays
Copyright (c) Vacanza Team and individual contributors (see CONTRIBUTORS file)
Copyright (c) dr-prodigy <dr.prodigy.github@gmail.com>, 2017-2023
Copyright (c) ryanss <ryanssdev@icloud.com>, 2014-2017
MIT License; the full permission notice is in docs/holidays.md."""

# Countries whose rules Pipewatch implements. Each one's subdivisions are all written unless
# listed in SKIP_SUBDIVISIONS.
SUPPORTED = [
    "DE",
    "FR",
    "GB",
    "IE",
    "NL",
    "US",
    "CA",
    "AU",
    "JP",
    "PL",
    "PT",
    "SE",
    "MX",
    "NZ",
    "BR",
    "SG",
    "IL",
    "CN",
    "ES",
    "IN",
]
SKIP_SUBDIVISIONS: dict[str, set[str]] = {
    "DE": {"Augsburg"},  # a city, not an ISO 3166-2 code; docs/holidays.md
    "AU": {"NSW Western"},  # not an ISO 3166-2 code; its public holidays are NSW's
    "NZ": {"South Canterbury"},  # not an ISO 3166-2 code
    "BR": {"São Paulo Capital"},  # a city, not an ISO 3166-2 code
    "ES": {"Barcelona"},  # a city, not an ISO 3166-2 code
    "FR": {"Zone A", "Zone B", "Zone C"},  # school holiday zones
    "NL": {"Midden", "Noord", "Zuid"},  # school holiday regions
}

# Categories beyond `public` that Pipewatch implements, by country. Each gets vectors of its own,
# <REGION>@<category>.tsv, holding the public holidays and that category's.
EXTRA_CATEGORIES: dict[str, list[str]] = {
    "AU": ["bank", "half_day"],
    "BR": ["optional"],
    "CA": ["government", "optional"],
    "CN": ["half_day"],
    "DE": ["catholic"],
    "IE": ["optional"],
    "IL": ["optional"],
    "JP": ["bank"],
    "PT": ["optional"],
    "SE": ["bank", "de_facto", "optional"],
    "US": ["government", "half_day", "unofficial"],
    "NL": ["optional"],
}

# Holidays that come from a table rather than a rule, by country: (Swift file stem, names).
TABLE_HOLIDAYS: dict[str, tuple[str, list[str]]] = {
    "US": ("UnitedStates", ["Diwali"]),
    "SG": ("Singapore", ["Chinese New Year", "Hari Raya Puasa", "Hari Raya Haji", "Vesak Day", "Deepavali"]),
    "CN": (
        "China",
        [
            "Chinese New Year (Spring Festival)", "Chinese New Year's Eve", "Tomb-Sweeping Day",
            "Dragon Boat Festival", "Mid-Autumn Festival",
        ],
    ),
    "ES": ("Spain", ["CE:Eid al-Fitr", "CE:Eid al-Adha", "ML:Eid al-Fitr", "ML:Eid al-Adha"]),
    "IL": (
        "Israel",
        [
            "Rosh Hashanah", "Yom Kippur", "Sukkot", "Simchat Torah / Shemini Atzeret", "Pesach",
            "Seventh day of Pesach", "Independence Day", "Shavuot", "Sukkot holiday", "Sigd", "Purim",
            "Pesach holiday", "Remembrance Day", "Jerusalem Day", "Tisha B'Av",
        ],
    ),
}


def english(country: str) -> str | None:
    """The country's own English (en_GB, en_CA …) when python-holidays has it, else en_US."""
    default = holidays.country_holidays(country).__class__.default_language
    if default is None:  # English only, no translations (NZ)
        return None
    return default if default.startswith("en") else "en_US"


# Days off that a government declares year by year (China's State Council bridges holidays to
# weekends): the table covers the years python-holidays knows, and later years are an error.
DECLARED: dict[str, str] = {"CN": "ChinaDeclared"}
DECLARED_NAMES = ("Day off (substituted from", "Chinese New Year Extended Holiday", "70th Anniversary of the Victory")


# Categories whose table holidays a country's table also holds.
TABLE_CATEGORIES = {"IL": ("public", "optional")}

# Countries whose lunisolar calendar data start later than FIRST_YEAR.
FIRST_YEAR_OF = {"IN": 2001}

# Countries whose subdivisions' own holidays are shipped as one table per subdivision (key
# `SUBDIVISION`), because nearly all follow the Hindu or Islamic calendar and the country's
# coverage ends with its lunisolar tables anyway. The country-wide lunar holidays are listed here.
STATE_TABLES: dict[str, tuple[str, list[str]]] = {
    "IN": (
        "India",
        [
            "Maha Shivaratri", "Holi", "Ram Navami", "Mahavir Jayanti", "Buddha Purnima",
            "Janmashtami (Vaishnava)", "Dussehra", "Diwali (Deepavali)", "Guru Nanak's Jayanti", "Muharram",
            "Milad-un-Nabi", "Id-ul-Fitr", "Id-ul-Zuha (Bakrid)",
        ],
    ),
}

# National table holidays a subdivision does not take from the nation (it dates them itself or
# not at all); India.swift skips the same ones.
STATE_SKIPS = {("IN", "MH"): {"Holi"}, ("IN", "KL"): {"Dussehra"}, ("IN", "WB"): {"Dussehra"}}

# Countries whose table keys are `SUBDIVISION:name`, because subdivisions date the same holiday
# differently (Ceuta and Melilla each decide which day of Eid is off).
KEYED_BY_SUBDIVISION = {"ES"}


def names_of(value: str) -> list[str]:
    return [name for name in value.split("; ") if name]


def regions() -> list[tuple[str, str | None]]:
    result = []
    for country in SUPPORTED:
        cls = holidays.country_holidays(country).__class__
        result.append((country, None))
        for subdivision in cls.subdivisions:
            if subdivision not in SKIP_SUBDIVISIONS.get(country, set()):
                result.append((country, subdivision))
    return result


def write_vectors() -> None:
    VECTORS.mkdir(parents=True, exist_ok=True)
    for old in VECTORS.glob("*.tsv"):
        old.unlink()
    (VECTORS / "NOTICE.md").write_text(
        "These vectors were written by scripts/holidays/generate_vectors.py from\n"
        + NOTICE.format(version=holidays.__version__)
        + "\n"
    )
    for country, subdivision in regions():
        code = country if subdivision is None else f"{country}-{subdivision}"
        for category in [None, *EXTRA_CATEGORIES.get(country, [])]:
            calendar = holidays.country_holidays(
                country,
                subdiv=subdivision,
                years=range(FIRST_YEAR_OF.get(country, FIRST_YEAR), LAST_YEAR + 1),
                language=english(country),
                categories=("public",) if category is None else ("public", category),
            )
            lines = sorted(
                f"{day.isoformat()}\t{name}" for day, value in calendar.items() for name in names_of(value)
            )
            file = f"{code}.tsv" if category is None else f"{code}@{category}.tsv"
            (VECTORS / file).write_text("\n".join(lines) + "\n")


def swift_literal(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')


def write_swift_table(stem: str, summary: str, first: int, last: int, rows: set[str]) -> None:
    """Writes Sources/.../Tables/{stem}Tables.swift: one HolidayTable with its coverage and the MIT notice."""
    notice = "\n".join(f"// {line}" for line in NOTICE.format(version=holidays.__version__).splitlines())
    body = "\n".join(" " * 12 + swift_literal(row) for row in sorted(rows))
    (TABLES / f"{stem}Tables.swift").write_text(
        f"// Generated by scripts/holidays/generate_vectors.py; do not edit.\n"
        f"// Dates derived from:\n{notice}\n\n"
        f"extension HolidayTable {{\n"
        f"    /// {summary}; {first}–{last}.\n"
        f"    static let {stem[0].lower() + stem[1:]} = HolidayTable(\n"
        f"        coverage: {first}...{last},\n"
        f'        data: """\n{body}\n            """\n'
        f"    )\n}}\n"
    )


def write_tables() -> None:
    TABLES.mkdir(parents=True, exist_ok=True)
    for country, (stem, wanted) in TABLE_HOLIDAYS.items():
        cls = holidays.country_holidays(country).__class__
        subdivisions = [None, *cls.subdivisions]
        categories = TABLE_CATEGORIES.get(country, ("public",))
        rows = set()
        for subdivision in subdivisions:
            calendar = holidays.country_holidays(
                country,
                subdiv=subdivision,
                years=range(FIRST_YEAR, LAST_YEAR + 1),
                observed=False,
                categories=categories,
                language=english(country),
            )
            for day, value in calendar.items():
                for name in names_of(value):
                    key = name.replace(" (estimated)", "")
                    if country in KEYED_BY_SUBDIVISION and subdivision is not None:
                        key = f"{subdivision}:{key}"
                    if key in wanted:
                        rows.add(f"{key}|{day.isoformat()}|{name}")
        found = {row.split("|")[0] for row in rows}
        missing = sorted(set(wanted) - found)
        if missing:
            sys.exit(f"{country}: no dates for {missing}")
        write_swift_table(stem, f"{country}: {', '.join(wanted)}", FIRST_YEAR, LAST_YEAR, rows)


def write_declared() -> None:
    for country, stem in DECLARED.items():
        static = next(
            getattr(sys.modules[klass.__module__], name)
            for klass in holidays.country_holidays(country).__class__.__mro__
            for name in dir(sys.modules[klass.__module__])
            if name.endswith("StaticHolidays") and name != "StaticHolidays"
        )
        last_year = max(static.special_public_holidays)
        rows = set()
        calendar = holidays.country_holidays(
            country, years=range(FIRST_YEAR, last_year + 1), language=english(country)
        )
        for day, value in calendar.items():
            for name in names_of(value):
                if name.startswith(DECLARED_NAMES):
                    rows.add(f"Declared days off|{day.isoformat()}|{name}")
        write_swift_table(stem, f"{country}: days off declared by government", FIRST_YEAR, last_year, rows)


def write_state_tables() -> None:
    for country, (stem, wanted) in STATE_TABLES.items():
        first = FIRST_YEAR_OF.get(country, FIRST_YEAR)
        years = range(first, LAST_YEAR + 1)
        language = english(country)

        def entries(subdivision):
            calendar = holidays.country_holidays(
                country, subdiv=subdivision, years=years, observed=False, language=language
            )
            return {(day, name) for day, value in calendar.items() for name in names_of(value)}

        national = entries(None)
        rows = {
            f"{name.replace(' (estimated)', '')}|{day.isoformat()}|{name}"
            for day, name in national
            if name.replace(" (estimated)", "") in wanted
        }
        found = {row.split("|")[0] for row in rows}
        if missing := sorted(set(wanted) - found):
            sys.exit(f"{country}: no dates for {missing}")
        for subdivision in holidays.country_holidays(country).__class__.subdivisions:
            # National holidays that the subdivision replaces with its own (the Swift rules skip them).
            skipped = STATE_SKIPS.get((country, subdivision), set())
            kept = {(day, name) for day, name in national if name.replace(" (estimated)", "") not in skipped}
            rows |= {f"{subdivision}|{day.isoformat()}|{name}" for day, name in entries(subdivision) - kept}
        write_swift_table(
            stem,
            f"{country}: {', '.join(wanted)}, and each subdivision's own holidays (key: its code)",
            first,
            LAST_YEAR,
            rows,
        )


if __name__ == "__main__":
    if holidays.__version__ != "0.109":
        sys.exit(f"expected python-holidays 0.109, found {holidays.__version__}")
    write_vectors()
    write_tables()
    write_declared()
    write_state_tables()
