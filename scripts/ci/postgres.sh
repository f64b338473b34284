#!/usr/bin/env bash
# A throwaway PostgreSQL server on loopback for the store's contract tests and CI.
#
#   eval "$(scripts/ci/postgres.sh start)"   # installs Debian's postgresql if missing, starts a
#                                            # server, prints: export PIPEWATCH_TEST_POSTGRES_URL=…
#   swift test --filter StoreContractTests
#   scripts/ci/postgres.sh stop              # stops it and deletes its data directory
#
# Runs as root on a fresh Debian 12 (initdb and postgres then run as the postgres user),
# or as an ordinary user when the server binaries are already installed. Idempotent: a second
# `start` prints the URL of the running server; `stop` on a stopped server does nothing.
# Progress goes to stderr, so stdout is only the export line.
#
# Environment: PIPEWATCH_PG_DIR (default /tmp/pipewatch-postgres) holds the data directory,
# socket, log and chosen port; use different values to run several servers side by side.
set -euo pipefail

DIR="${PIPEWATCH_PG_DIR:-/tmp/pipewatch-postgres}"
DATA="$DIR/data"
MARKER="$DIR/.pipewatch-postgres"
PORT_FILE="$DIR/port"
LOG="$DIR/server.log"
DATABASE=pipewatch_test
ROLE=pipewatch
PASSWORD=pipewatch

say() { echo "postgres.sh: $*" >&2; }
die() { say "error: $*"; exit 1; }

server_bin() {
    local dir
    dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
    [ -n "$dir" ] && [ -x "$dir/initdb" ] && echo "$dir"
}

install_if_missing() {
    if [ -n "$(server_bin)" ]; then return; fi
    [ "$(id -u)" -eq 0 ] || die "PostgreSQL is not installed; run as root to install Debian's postgresql package"
    say "installing Debian's postgresql package"
    export DEBIAN_FRONTEND=noninteractive
    # Wait for a dpkg lock held by another install instead of failing at once.
    apt-get -o DPkg::Lock::Timeout=300 update -qq >&2
    apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends postgresql >&2
    [ -n "$(server_bin)" ] || die "postgresql was installed but no initdb was found under /usr/lib/postgresql"
}

# Runs a server command as the postgres user when we are root (PostgreSQL refuses to run as root).
as_server_user() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

is_running() {
    [ -f "$DATA/PG_VERSION" ] && as_server_user "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1
}

port_is_free() {
    ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

print_url() {
    echo "export PIPEWATCH_TEST_POSTGRES_URL=postgres://$ROLE:$PASSWORD@127.0.0.1:$(cat "$PORT_FILE")/$DATABASE?sslmode=disable"
}

init_cluster() {
    say "creating a cluster in $DATA"
    rm -rf "$DIR"
    mkdir -p "$DIR"
    touch "$MARKER"
    if [ "$(id -u)" -eq 0 ]; then chown -R postgres:postgres "$DIR"; fi
    as_server_user "$BIN/initdb" -D "$DATA" -U postgres -E UTF8 --locale=C.UTF-8 \
        --auth-local=trust --auth-host=scram-sha-256 >"$DIR/initdb.log" 2>&1 \
        || { cat "$DIR/initdb.log" >&2; die "initdb failed"; }
}

start_server() {
    local port
    for port in $(seq 54329 54399); do
        port_is_free "$port" || continue
        # fsync off: a test server whose data is thrown away needs speed, not crash safety.
        if as_server_user "$BIN/pg_ctl" -D "$DATA" -l "$LOG" -w -t 60 start \
            -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=$DIR -c fsync=off -c max_connections=200" \
            >/dev/null 2>&1; then
            as_server_user sh -c "echo $port > '$PORT_FILE'"
            say "server running on 127.0.0.1:$port (log: $LOG)"
            return
        fi
        say "could not start on port $port; trying the next"
    done
    tail -n 20 "$LOG" >&2 || true
    die "no port between 54329 and 54399 worked"
}

create_database() {
    local port psql
    port=$(cat "$PORT_FILE")
    psql=("$BIN/psql" -h "$DIR" -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -qtA)
    if [ "$(as_server_user "${psql[@]}" -c "SELECT 1 FROM pg_roles WHERE rolname = '$ROLE'")" != 1 ]; then
        as_server_user "${psql[@]}" -c "CREATE ROLE $ROLE LOGIN PASSWORD '$PASSWORD'" >/dev/null
    fi
    if [ "$(as_server_user "${psql[@]}" -c "SELECT 1 FROM pg_database WHERE datname = '$DATABASE'")" != 1 ]; then
        as_server_user "${psql[@]}" -c "CREATE DATABASE $DATABASE OWNER $ROLE" >/dev/null
    fi
}

start() {
    install_if_missing
    BIN=$(server_bin)
    if is_running && [ -f "$PORT_FILE" ]; then
        say "already running on 127.0.0.1:$(cat "$PORT_FILE")"
    else
        [ -f "$DATA/PG_VERSION" ] || init_cluster
        start_server
    fi
    create_database
    print_url
}

stop() {
    BIN=$(server_bin || true)
    if [ -n "$BIN" ] && is_running; then
        as_server_user "$BIN/pg_ctl" -D "$DATA" -m fast -w stop >/dev/null
        say "stopped"
    else
        say "not running"
    fi
    # Delete only a directory this script made.
    if [ -f "$MARKER" ]; then rm -rf "$DIR"; fi
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
