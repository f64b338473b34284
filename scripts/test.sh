#!/usr/bin/env bash
# Runs Pipewatch's whole test suite. On a fresh Debian machine it first installs what the
# tests need, so a green run cannot hide a missing install step.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== %s\n' "$*"; }

step "format lint"
swift format lint --strict --recursive Sources Tests Benchmarks

step "the core stays pure (no clock, no I/O outside WallClock.swift)"
if grep -rnE 'Date\(\)|Calendar\.current|TimeZone\.current|Task\.sleep|ContinuousClock\(\)|FileManager|URLSession|ProcessInfo' \
    Sources/PipewatchCore | grep -v 'Time/WallClock.swift'; then
    echo "PipewatchCore must take the clock and do no I/O" >&2
    exit 1
fi

step "build"
swift build --build-tests

step "PostgreSQL for the store's contract tests"
# The store's contract suite runs on PostgreSQL too when PIPEWATCH_TEST_POSTGRES_URL is set.
# Unless the caller points at a server already, start a throwaway one (installing Debian's
# postgresql as root if missing) and stop it on exit. PIPEWATCH_SKIP_POSTGRES=1 skips it.
if [ -z "${PIPEWATCH_TEST_POSTGRES_URL:-}" ] && [ "${PIPEWATCH_SKIP_POSTGRES:-}" != 1 ]; then
    eval "$(scripts/ci/postgres.sh start)"
    trap 'scripts/ci/postgres.sh stop' EXIT
fi

step "swift tests"
swift test --skip-build

step "interoperability: OpenLineage client, dbt, dbt-ol, Airflow, icalendar, prometheus_client"
scripts/interop.sh
