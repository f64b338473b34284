#!/usr/bin/env bash
# Schemathesis (PyPI) against a live `pipewatch serve` and the /openapi.yaml it serves: every
# operation, with generated valid and invalid requests, undeclared methods and stateful sequences.
# Fails on any 5xx, undocumented status, response that breaks its schema, schema-valid request
# refused with a status the operation does not declare, or invalid request accepted.
#
# Usage: scripts/schemathesis.sh URL [EXAMPLES]     (a write token: PIPEWATCH_WRITE_TOKEN)
# Env:   SCHEMATHESIS_SEED   another seed than the test command's fixed one, to explore further
# Installs Schemathesis into .venv-schemathesis (its own venv: its pins would clash with dbt's).
set -euo pipefail
cd "$(dirname "$0")/.."

url=${1:?usage: scripts/schemathesis.sh URL [EXAMPLES]}
examples=${2:-100}
venv=.venv-schemathesis
requirements=Tests/interop/schemathesis/requirements.txt
stamp=$venv/.pipewatch-requirements.sha256
want=$(sha256sum "$requirements" | cut -d' ' -f1)
if [[ ! -x $venv/bin/schemathesis || $(cat "$stamp" 2>/dev/null) != "$want" ]]; then
    rm -rf "$venv"
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check -r "$requirements"
    echo "$want" >"$stamp"
fi
# One worker: Hypothesis's lambda descriptions are not thread-safe in this version.
"$venv/bin/schemathesis" --config-file Tests/interop/schemathesis/schemathesis.toml run "$url/openapi.yaml" \
    --header "Authorization: Bearer ${PIPEWATCH_WRITE_TOKEN:-pipewatch-demo-token}" \
    --max-examples "$examples" --workers 1 --seed "${SCHEMATHESIS_SEED:-1}" --no-color
