#!/usr/bin/env bash
# Creates (or brings up to date) the Python virtual environment the interoperability tests
# use: .venv at the repository root, with the pinned packages of Tests/interop.
#
# Idempotent: when .venv already holds exactly what requirements.txt and constraints.txt
# ask for, it prints one line and exits 0. Any failure stops it with a message and a
# non-zero status. On a fresh Debian 12 machine (as root) it installs python3-venv first
# when `python3 -m venv` is not available.
#
# Usage: scripts/python-env.sh            # then: .venv/bin/pytest Tests/interop
# Env:   PIPEWATCH_PYTHON  the interpreter to build the venv from (default: python3)
set -euo pipefail
cd "$(dirname "$0")/.."

venv=.venv
req=Tests/interop/requirements.txt
constraints=Tests/interop/constraints.txt
stamp=$venv/.pipewatch-requirements.sha256
python=${PIPEWATCH_PYTHON:-python3}

die() { printf 'python-env: error: %s\n' "$*" >&2; exit 1; }
trap 'die "failed at line $LINENO (exit $?): $BASH_COMMAND"' ERR

for f in "$req" "$constraints"; do [[ -f $f ]] || die "missing $f"; done

# python3 -m venv needs ensurepip, which Debian ships in python3-venv (a fresh Debian 12 may
# lack python3 altogether; python3-venv brings it too).
if ! command -v "$python" >/dev/null || ! "$python" -c 'import venv, ensurepip' 2>/dev/null; then
    if [[ $python == python3 && $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
        echo "python-env: installing python3-venv with apt-get"
        apt-get update
        DEBIAN_FRONTEND=noninteractive apt-get install -y python3-venv
    fi
    command -v "$python" >/dev/null || die "$python not found; install Python 3.11 (Debian: apt-get install python3-venv)"
    "$python" -c 'import venv, ensurepip' 2>/dev/null \
        || die "'$python -m venv' is unavailable; install python3-venv (apt-get install python3-venv)"
fi

# What the venv must match: both files and the interpreter's version.
want=$( { cat "$req" "$constraints"; "$python" -c 'import sys; print(sys.version)'; } | sha256sum | cut -d' ' -f1)

if [[ -x $venv/bin/python && -f $stamp && $(cat "$stamp") == "$want" ]] \
    && "$venv/bin/python" -c 'import sys' 2>/dev/null; then
    echo "python-env: $venv is up to date"
    exit 0
fi

# Anything else (no venv, a half-built one, other pins, another interpreter) is rebuilt from
# scratch, so the venv holds exactly the lock and nothing left over.
if [[ -e $venv ]]; then
    echo "python-env: $venv is out of date; recreating it"
    rm -rf "$venv"
fi
echo "python-env: creating $venv with $("$python" --version 2>&1)"
"$python" -m venv "$venv"

echo "python-env: installing $req (constrained by $constraints)"
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check \
    -r "$req" -c "$constraints"
"$venv/bin/python" -m pip check

# Imports prove the install works, not just that pip finished.
"$venv/bin/python" - <<'EOF'
import aiosmtpd, axe_selenium_python, dbt.version, icalendar, openlineage.client, prometheus_client, pytest, recurring_ical_events, requests, selenium
print("python-env: dbt", dbt.version.__version__, "| icalendar", icalendar.__version__,
      "| pytest", pytest.__version__)
EOF
"$venv/bin/dbt" --help >/dev/null || die "dbt does not run from $venv/bin/dbt"
"$venv/bin/python" -c 'import openlineage.dbt, dbt.adapters.duckdb' || die "dbt-ol or dbt-duckdb does not import in $venv"

echo "$want" > "$stamp"
echo "python-env: $venv ready"
