#!/usr/bin/env bash
# Pipewatch's data checks against Soda Core's on the same PostgreSQL data: the same verdicts, and how
# long and how much memory each takes as a whole process, for 100 and for 1,000 checks.
#
# Usage: scripts/bench-checks.sh [--checks 100|1000]... [--runs N] [--skip-build] [--soda-only]
#                                [--soda-samples-limit N] [--pg-timezone ZONE] [--stop]
#   --checks N     a number of checks to run (repeatable; default 100 and 1000)
#   --runs N       timed runs per tool and size, after one untimed run that gives the verdicts (default 5)
#   --skip-build   use .build/release/pipewatch as it is, or $PIPEWATCH_BIN (default: swift build -c
#                  release --product pipewatch)
#   --soda-only    leave Pipewatch out (no build, no runs)
#   --soda-samples-limit N   add `samples limit: N` to every Soda check (0: no failed-row sample queries)
#   --pg-timezone ZONE  the database's session TimeZone (default: the server's, Etc/UTC). Soda's verdicts
#                  do not depend on it (it reads `timestamp` columns as UTC); a zone far from UTC, such
#                  as Asia/Kolkata, shows whether Pipewatch's freshness does the same
#   --stop         stop the PostgreSQL server afterwards and delete its data (default: leave it running)
#
# Steps: a throwaway PostgreSQL (scripts/ci/postgres.sh, in /tmp/pipewatch-bench-pg); 1,100,000
# deterministic rows in schema `bench` (Benchmarks/checks/data.sql, skipped when already loaded);
# Soda Core 3.5.6 in its own venv .venv-soda (Benchmarks/checks/requirements.txt, locked by
# constraints.txt); N equivalent checks for both tools (Benchmarks/checks/generate.py); one run of
# each to compare verdicts (Benchmarks/checks/compare.py); then --runs timed runs of each, in turn
# (Benchmarks/checks/timing.py). Everything it writes goes to $PIPEWATCH_BENCH_DIR
# (default /tmp/pipewatch-bench-checks): the configs, each tool's output, Soda's verbose log with
# its SQL, and runs.jsonl with every timing.
# Exit status: 0 when the benchmark ran, even if verdicts differ (the comparison says so).
set -euo pipefail
cd "$(dirname "$0")/.."

sizes=()
runs=5
build=1
pipewatch=1
samples=()
stop=0
timezone=
while (($#)); do
    case $1 in
        --checks) sizes+=("${2:?--checks needs a number}"); shift 2 ;;
        --runs) runs=${2:?--runs needs a number}; shift 2 ;;
        --skip-build) build=0; shift ;;
        --soda-only) pipewatch=0; build=0; shift ;;
        --soda-samples-limit) samples=(--soda-samples-limit "${2:?}"); shift 2 ;;
        --pg-timezone) timezone=${2:?--pg-timezone needs a zone}; shift 2 ;;
        --stop) stop=1; shift ;;
        -h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) echo "bench-checks: unknown argument $1 (see --help)" >&2; exit 2 ;;
    esac
done
((${#sizes[@]})) || sizes=(100 1000)
for n in "${sizes[@]}"; do [[ $n =~ ^[0-9]+$ && $n -ge 30 ]] || { echo "bench-checks: --checks $n: give at least 30" >&2; exit 2; }; done

out=${PIPEWATCH_BENCH_DIR:-/tmp/pipewatch-bench-checks}
mkdir -p "$out"
say() { echo "bench-checks: $*" >&2; }

# PostgreSQL: the project's throwaway server, its role and database.
eval "$(PIPEWATCH_PG_DIR=/tmp/pipewatch-bench-pg scripts/ci/postgres.sh start)"
url=$PIPEWATCH_TEST_POSTGRES_URL
export BENCH_PG_PASSWORD=pipewatch   # the role's password in scripts/ci/postgres.sh
if [[ $stop == 1 ]]; then trap 'PIPEWATCH_PG_DIR=/tmp/pipewatch-bench-pg scripts/ci/postgres.sh stop' EXIT; fi
psql=$(command -v psql || ls /usr/lib/postgresql/*/bin/psql | sort -V | tail -n 1)

# Soda Core in its own venv, rebuilt when the pins or the interpreter change (as scripts/python-env.sh does).
venv=.venv-soda
req=Benchmarks/checks/requirements.txt
constraints=Benchmarks/checks/constraints.txt
want=$( { cat "$req" "$constraints"; python3 -c 'import sys; print(sys.version)'; } | sha256sum | cut -d' ' -f1)
if [[ -x $venv/bin/soda && -f $venv/.gitignore && -f $venv/.pipewatch-requirements.sha256 && $(cat "$venv/.pipewatch-requirements.sha256") == "$want" ]]; then
    say "$venv is up to date"
else
    say "creating $venv with $(python3 --version 2>&1)"
    rm -rf "$venv"
    python3 -m venv "$venv"
    echo '*' > "$venv/.gitignore"   # ignored by git without an entry in the repository's .gitignore
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$req" -c "$constraints"
    "$venv/bin/python" -m pip check >/dev/null
    echo "$want" > "$venv/.pipewatch-requirements.sha256"
fi
py=$venv/bin/python
# Soda reads ~/.soda/config.yml and sends usage statistics unless it says not to; give it a home of
# its own here so nothing is sent (there is no network beyond the package registries anyway: a
# blocked send would stall each scan) and the user's home is left alone.
mkdir -p "$out/soda-home/.soda"
printf 'send_anonymous_usage_stats: false\n' > "$out/soda-home/.soda/config.yml"
soda=(env HOME="$out/soda-home" "$venv/bin/soda")

# Pipewatch's release binary.
if [[ $build == 1 ]]; then
    say "swift build -c release --product pipewatch"
    swift build -c release --product pipewatch >/dev/null
    bin=$(swift build -c release --show-bin-path)/pipewatch
else
    bin=${PIPEWATCH_BIN:-.build/release/pipewatch}
fi
if [[ $pipewatch == 1 && ! -x $bin ]]; then
    say "no $bin: build it, or run with --soda-only"; exit 1
fi

# The data, then the checks.
if [[ -n $timezone ]]; then
    "$psql" "$url" -v ON_ERROR_STOP=1 -qc "ALTER DATABASE pipewatch_test SET timezone TO '${timezone//\'/}'"
else
    "$psql" "$url" -v ON_ERROR_STOP=1 -qc "ALTER DATABASE pipewatch_test RESET timezone"
fi
"$psql" "$url" -v ON_ERROR_STOP=1 -q -f Benchmarks/checks/data.sql 2>&1 | sed 's/^psql:[^ ]* WARNING:  /bench-checks: /' >&2
"$py" Benchmarks/checks/generate.py --url "$url" --out "$out" "${sizes[@]/#/--checks=}" "${samples[@]}"

echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)," \
    "$(. /etc/os-release && echo "$PRETTY_NAME"), PostgreSQL $("$psql" "$url" -qtAc 'SHOW server_version')," \
    "session TimeZone $("$psql" "$url" -qtAc 'SHOW timezone')"
echo "soda: $("${soda[@]}" --version 2>&1 | tail -n 1) ($("$py" -m pip show soda-core-postgres 2>/dev/null | awk '/^Version/ { print "soda-core-postgres " $2 }'))"
[[ $pipewatch == 1 ]] && echo "pipewatch: $bin"
echo "load average before the runs: $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine skews the timings)"

log=$out/runs.jsonl
: > "$log"
timing() { "$py" Benchmarks/checks/timing.py run --log "$log" "$@"; }
status=0
for n in "${sizes[@]}"; do
    d=$out/$n
    echo
    echo "== $n checks"
    # One run of each for the verdicts: Soda with its scan results file and verbose log (its SQL).
    rm -f "$d/soda-results.json" "$d/pipewatch.json"
    "${soda[@]}" scan -d bench -c "$d/configuration.yml" "$d/checks.yml" -srf "$d/soda-results.json" -V \
        >"$d/soda-verbose.log" 2>&1 || true
    [[ -s $d/soda-results.json ]] || { say "soda wrote no results; see $d/soda-verbose.log"; tail -n 20 "$d/soda-verbose.log" >&2; exit 1; }
    pw_ran=0
    if [[ $pipewatch == 1 ]]; then
        rm -rf "$d/.pipewatch"   # check run keeps its results beside the config: start each benchmark afresh
        set +e
        "$bin" check run --config "$d/pipewatch.yaml" --format json >"$d/pipewatch.json" 2>"$d/pipewatch.stderr"
        rc=$?
        set -e
        if [[ $rc -le 1 ]] && "$py" -c 'import json, sys; r = json.load(open(sys.argv[1])); assert isinstance(r.get("results") if isinstance(r, dict) else r, list)' "$d/pipewatch.json" 2>/dev/null; then
            pw_ran=1
        else
            say "pipewatch check run failed (exit $rc); its timings are left out. stderr:"
            head -n 20 "$d/pipewatch.stderr" >&2
        fi
    fi
    compare=("$py" Benchmarks/checks/compare.py "$d/checks.json" --soda "$d/soda-results.json" --sql)
    [[ $pw_ran == 1 ]] && compare+=(--pipewatch "$d/pipewatch.json")
    "${compare[@]}" || status=1

    echo "timed runs (alternating):"
    for ((i = 1; i <= runs; i++)); do
        timing --tool soda --checks "$n" --ok 0,1,2 --stdout "$d/soda-run.out" --stderr "$d/soda-run.err" -- \
            "${soda[@]}" scan -d bench -c "$d/configuration.yml" "$d/checks.yml" || true
        if [[ $pw_ran == 1 ]]; then
            timing --tool pipewatch --checks "$n" --ok 0,1 --stdout "$d/pipewatch-run.json" --stderr "$d/pipewatch-run.err" -- \
                "$bin" check run --config "$d/pipewatch.yaml" --format json || true
        fi
    done
done

echo
"$py" Benchmarks/checks/timing.py report "$log"
[[ $status == 0 ]] || echo "(verdicts differ: see the comparisons above)"
exit 0
