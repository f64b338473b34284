#!/usr/bin/env bash
# Runs the interop dbt project (Tests/interop/dbt_project) from scratch with dbt-sqlite and
# leaves its artifacts in TARGET_DIR:
#   run_results.json  from `dbt build`  (one test fails and two warn on purpose; a model is skipped)
#   sources.json      from `dbt source freshness` (orders: warn, customers: error)
#   manifest.json     from `dbt build`
# dbt's expected non-zero exits (the failing test, the freshness error) are tolerated; anything
# else (a model erroring, a missing artifact, dbt crashing) fails the script.
#
# Usage: Tests/interop/dbt_build.sh TARGET_DIR
# Needs: scripts/python-env.sh (dbt from .venv), or PIPEWATCH_DBT=/path/to/dbt.
set -euo pipefail

die() { printf 'dbt_build: error: %s\n' "$*" >&2; exit 1; }
[[ $# -eq 1 && -n $1 ]] || { echo "usage: $0 TARGET_DIR" >&2; exit 2; }

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
project=$here/dbt_project
dbt=${PIPEWATCH_DBT:-$root/.venv/bin/dbt}
python=$(dirname "$dbt")/python
[[ -x $dbt ]] || die "$dbt not found; run scripts/python-env.sh first"
[[ -x $python ]] || python=python3

mkdir -p "$1"
out=$(cd "$1" && pwd)
rm -f "$out/run_results.json" "$out/sources.json" "$out/manifest.json"

# Every run starts from empty databases and writes nothing into the source tree.
work=$(mktemp -d "${TMPDIR:-/tmp}/pipewatch-dbt.XXXXXX")
trap 'rm -rf "$work"' EXIT
export PIPEWATCH_DBT_DB_DIR=$work/db
mkdir -p "$PIPEWATCH_DBT_DB_DIR"
# No telemetry, no version check against PyPI, no colour codes in logs.
export DBT_SEND_ANONYMOUS_USAGE_STATS=false DBT_VERSION_CHECK=false DBT_USE_COLORS=false
export DBT_PARTIAL_PARSE=false
flags=(--project-dir "$project" --profiles-dir "$project" --target-path "$work/target" --log-path "$work/logs")

# run DESCRIPTION TOLERATED_STATUS dbt-args...: dbt exits 1 when a node fails and 2 when dbt
# itself breaks; only the tolerated status (or 0) passes.
run() {
    local what=$1 tolerated=$2 status=0
    shift 2
    echo "dbt_build: dbt $*"
    "$dbt" "$@" "${flags[@]}" || status=$?
    if [[ $status -ne 0 && $status -ne $tolerated ]]; then
        die "$what exited with status $status (see the dbt output above)"
    fi
    echo "dbt_build: $what exited with status $status"
}

run "dbt seed" 0 seed
run "dbt build" 1 build
cp "$work/target/run_results.json" "$out/run_results.json"
cp "$work/target/manifest.json" "$out/manifest.json"
run "dbt source freshness" 1 source freshness
[[ -f $work/target/sources.json ]] || die "dbt source freshness wrote no sources.json"
cp "$work/target/sources.json" "$out/sources.json"

# The exits above cannot tell "a test failed" from "a model errored": read the artifacts.
"$python" - "$out" <<'PY'
import json, sys
out = sys.argv[1]
build = json.load(open(f"{out}/run_results.json"))
fresh = json.load(open(f"{out}/sources.json"))
assert build["args"]["which"] == "build", "run_results.json is not from dbt build"
problems = []
print("dbt_build: dbt build results")
for r in build["results"]:
    print(f"  {r['status']:<8} {r['unique_id']}" + (f"  failures={r['failures']}" if r.get("failures") else ""))
    if r["status"] == "error":
        problems.append(f"{r['unique_id']}: {r['message']}")
print("dbt_build: dbt source freshness results")
for r in fresh["results"]:
    print(f"  {r['status']:<8} {r['unique_id']}  max_loaded_at={r.get('max_loaded_at')}")
    if r["status"] not in ("pass", "warn", "error"):
        problems.append(f"{r['unique_id']}: {r['status']} {r.get('error')}")
if not any(r["status"] == "fail" for r in build["results"]):
    problems.append("no test failed, but one must (not_null_profit_daily_cost)")
if problems:
    sys.exit("dbt_build: error: unexpected dbt outcome:\n  " + "\n  ".join(problems))
PY
echo "dbt_build: artifacts in $out"
