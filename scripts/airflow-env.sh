#!/usr/bin/env bash
# Creates (or reuses) .venv-airflow: Apache Airflow with the OpenLineage provider, for
# Tests/interop/test_airflow.py. Its own venv, because Airflow's pins clash with dbt's in .venv.
# Keyed by a hash of Tests/interop/airflow/{requirements,constraints}.txt: a second run with the
# same files prints one line and does nothing. Prints the venv's path on stdout.
# Env: PIPEWATCH_PYTHON   another interpreter than python3 (Airflow 3.3 needs 3.10 or newer)
set -euo pipefail
cd "$(dirname "$0")/.."

venv=.venv-airflow
requirements=Tests/interop/airflow/requirements.txt
constraints=Tests/interop/airflow/constraints.txt
python=${PIPEWATCH_PYTHON:-python3}
stamp=$venv/.pipewatch-requirements.sha256
hashed=("$requirements")
[[ -f $constraints ]] && hashed+=("$constraints")
want=$(cat "${hashed[@]}" | sha256sum | cut -d' ' -f1)
if [[ -x $venv/bin/airflow && $(cat "$stamp" 2>/dev/null) == "$want" ]]; then
    echo "airflow-env: $venv is up to date" >&2
else
    if ! "$python" -m venv --help >/dev/null 2>&1 || ! "$python" -c 'import ensurepip' 2>/dev/null; then
        [ "$(id -u)" -eq 0 ] && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >&2
    fi
    echo "airflow-env: installing Apache Airflow into $venv (about a minute the first time)" >&2
    rm -rf "$venv"
    "$python" -m venv "$venv"
    with_constraints=()
    [[ -f $constraints ]] && with_constraints=(-c "$constraints")
    "$venv/bin/pip" install --quiet --disable-pip-version-check -r "$requirements" "${with_constraints[@]}" >&2
    echo "$want" >"$stamp"
fi
echo "$PWD/$venv"
