#!/usr/bin/env bash
# Screenshots of every dashboard page into docs/screenshots/ (desktop, and `-phone` at 375 px wide),
# taken by the browser tests (Tests/interop/test_dashboard.py) in Debian's headless Chromium on the
# tests' small team. Run it after changing a page, and commit the pictures.
#
# Usage: scripts/screenshots.sh   (needs a built tree: swift build; installs what the tests need)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/python-env.sh >/dev/null
chromedriver=$(scripts/ci/chromium.sh)
mkdir -p docs/screenshots
PIPEWATCH_BIN=${PIPEWATCH_BIN:-$(swift build --show-bin-path)/pipewatch} PIPEWATCH_CHROMEDRIVER=$chromedriver \
PIPEWATCH_SCREENSHOTS=$PWD/docs/screenshots \
    .venv/bin/pytest -q -p no:cacheprovider Tests/interop/test_dashboard.py
ls -1 docs/screenshots
