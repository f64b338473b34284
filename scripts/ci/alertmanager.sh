#!/usr/bin/env bash
# Prints the path of Debian's Prometheus Alertmanager binary, installing the package first when
# it is missing (as root). The interoperability tests run it as their own process with their own
# config; the package's system service is never used.
set -euo pipefail
binary=/usr/bin/prometheus-alertmanager
if [ ! -x "$binary" ]; then
    [ "$(id -u)" -eq 0 ] || { echo "alertmanager.sh: run as root to install prometheus-alertmanager" >&2; exit 1; }
    echo "alertmanager.sh: installing Debian's prometheus-alertmanager package" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get -o DPkg::Lock::Timeout=300 update -qq >&2
    apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends prometheus-alertmanager >&2
fi
echo "$binary"
