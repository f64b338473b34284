#!/usr/bin/env bash
# Prints the path of Debian's chromedriver, installing `chromium` and `chromium-driver` first when
# they are missing (as root). The dashboard's browser tests (Tests/interop/test_dashboard.py) drive
# headless Chromium through it with Selenium; nothing is downloaded from the web at test time.
set -euo pipefail
driver=/usr/bin/chromedriver
if [ ! -x "$driver" ] || [ ! -x /usr/bin/chromium ]; then
    [ "$(id -u)" -eq 0 ] || { echo "chromium.sh: run as root to install chromium and chromium-driver" >&2; exit 1; }
    echo "chromium.sh: installing Debian's chromium and chromium-driver packages" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get -o DPkg::Lock::Timeout=300 update -qq >&2
    apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends chromium chromium-driver >&2
fi
echo "$driver"
