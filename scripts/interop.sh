#!/usr/bin/env bash
# The interoperability tests: real third-party clients against a real Pipewatch.
#   - the official OpenLineage Python client posting to a live `pipewatch serve`
#     (on SQLite, and on PostgreSQL when PIPEWATCH_TEST_POSTGRES_URL is set);
#   - a real dbt project whose artifacts `pipewatch ingest dbt` reads;
#   - dbt-ol (openlineage-dbt, on dbt-duckdb) running `run` and `test` against servers of its own;
#   - Apache Airflow with its OpenLineage provider running `airflow dags test` against a server of
#     its own (Airflow lives in .venv-airflow: its pins clash with dbt's);
#   - the `icalendar` parser reading `pipewatch oncall schedule --format ics`;
#   - prometheus_client parsing /metrics;
#   - Debian's Prometheus Alertmanager posting its webhook, and PagerDuty's client over HTTPS;
#   - email pages sent to a real SMTP server, aiosmtpd, with STARTTLS (a throwaway certificate
#     trusted through smtp.ca_file) and AUTH (test_smtp.py, which starts its own servers);
#   - headless Chromium (Debian's chromium and chromium-driver) with Selenium and axe-core loading
#     every dashboard page (test_dashboard.py, which starts its own server);
#   - Schemathesis testing every operation of /openapi.yaml against the live server.
# Expects a built tree (swift build --build-tests); installs the Python side into .venv (and Airflow
# into .venv-airflow).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/python-env.sh
airflow_venv=$(scripts/airflow-env.sh)
alertmanager=$(scripts/ci/alertmanager.sh)
chromedriver=$(scripts/ci/chromium.sh)
bin=$(swift build --show-bin-path)/pipewatch
config=examples/seed/pipewatch.yaml
token=pipewatch-demo-token
work=$(mktemp -d)
server=""
stop_server() { if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; server=""; fi; }
trap 'stop_server; rm -rf "$work"' EXIT

free_port() { .venv/bin/python -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# Starts `pipewatch serve` and sets $server and $url (not in a command substitution: a subshell
# would keep $server to itself, and stop_server would leave the server running).
# Further arguments go to `serve`; with --tls-cert the server is probed over HTTPS, trusting $tls_ca.
start_server() {
    local database=$1 port scheme=http
    shift
    [[ " $* " == *" --tls-cert "* ]] && scheme=https
    port=$(free_port)
    "$bin" serve --config "$config" --database "$database" --port "$port" --no-checks "$@" >"$work/server-$port.log" 2>&1 &
    server=$!
    for _ in $(seq 1 100); do
        if .venv/bin/python -c "import ssl, urllib.request as u; u.urlopen('$scheme://127.0.0.1:$port/healthz', timeout=1, context=ssl.create_default_context(cafile='${tls_ca:-}' or None))" 2>/dev/null; then
            url="$scheme://127.0.0.1:$port"
            return 0
        fi
        kill -0 "$server" 2>/dev/null || { cat "$work/server-$port.log" >&2; return 1; }
        sleep 0.2
    done
    echo "pipewatch serve did not answer on port $port" >&2
    return 1
}

export PIPEWATCH_NOW=2026-11-27T12:00:00Z
"$bin" oncall schedule --from 2026-12-01 --to 2027-03-01 --format ics --config "$config" --database "$work/ics.sqlite" >"$work/a.ics"
"$bin" oncall schedule --from 2026-12-01 --to 2027-03-01 --format ics --config "$config" --database "$work/ics.sqlite" >"$work/b.ics"
unset PIPEWATCH_NOW
Tests/interop/dbt_build.sh "$work/dbt" >"$work/dbt.log" 2>&1 || { cat "$work/dbt.log" >&2; exit 1; }

start_server "$work/state.sqlite"
echo "== interop against pipewatch serve on SQLite ($url)"
PIPEWATCH_URL=$url PIPEWATCH_WRITE_TOKEN=$token PIPEWATCH_CONFIG=$config PIPEWATCH_BIN=$bin \
PIPEWATCH_ALERTMANAGER=$alertmanager PIPEWATCH_CHROMEDRIVER=$chromedriver PIPEWATCH_AIRFLOW_VENV=$airflow_venv PIPEWATCH_DBT_TARGET=$work/dbt PIPEWATCH_ICS=$work/a.ics PIPEWATCH_ICS_AGAIN=$work/b.ics \
    .venv/bin/pytest -q -p no:cacheprovider Tests/interop
echo "== Schemathesis against pipewatch serve on SQLite ($url)"
PIPEWATCH_WRITE_TOKEN=$token scripts/schemathesis.sh "$url"
stop_server

# HTTPS, for PagerDuty's official client (it speaks only https://): a throwaway self-signed certificate.
command -v openssl >/dev/null || { [ "$(id -u)" -eq 0 ] && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openssl >&2; }
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=127.0.0.1 -addext "subjectAltName=IP:127.0.0.1" \
    -keyout "$work/tls-key.pem" -out "$work/tls-cert.pem" 2>/dev/null
tls_ca=$work/tls-cert.pem
start_server "$work/tls.sqlite" --tls-cert "$work/tls-cert.pem" --tls-key "$work/tls-key.pem"
echo "== PagerDuty's client against pipewatch serve over HTTPS ($url)"
PIPEWATCH_TLS_URL=$url PIPEWATCH_TLS_CA=$tls_ca .venv/bin/pytest -q -p no:cacheprovider Tests/interop/test_pagerduty.py
stop_server

if [ -n "${PIPEWATCH_TEST_POSTGRES_URL:-}" ]; then
    start_server "$PIPEWATCH_TEST_POSTGRES_URL"
    echo "== interop against pipewatch serve on PostgreSQL ($url)"
    PIPEWATCH_URL=$url PIPEWATCH_WRITE_TOKEN=$token PIPEWATCH_CONFIG=$config \
        .venv/bin/pytest -q -p no:cacheprovider Tests/interop/test_openlineage.py Tests/interop/test_metrics.py
    stop_server
fi
