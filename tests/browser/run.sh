#!/usr/bin/env bash
# Runs the real-browser tests: installs Debian's Chromium if it is missing, the npm packages from
# package-lock.json, then `npm test`. Exits non-zero when anything fails.
#   KINDRED_BIN=/path/to/kindred bash tests/browser/run.sh    (default: target/debug/kindred)
set -euo pipefail
cd "$(dirname "$0")"

CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$CHROMIUM" ]; then
  echo "run.sh: installing chromium (apt)"
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
fi

npm ci --silent --no-audit --no-fund
npm test
