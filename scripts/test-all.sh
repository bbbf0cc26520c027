#!/usr/bin/env bash
# Runs every test: unit and integration (vitest, on PGlite and on a
# PostgreSQL server the tests start), then the Playwright e2e suite in
# Debian's Chromium against a production build. Ends with one line:
# "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1 CHECKPOINT_DISABLE=1 NO_COLOR=1
mkdir -p reports
rm -f reports/vitest.json reports/playwright.json

if ! command -v chromium >/dev/null 2>&1; then
  echo "Installing Debian's chromium for the e2e tests…"
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && apt-get install -y -qq chromium >/dev/null
  else
    sudo apt-get update -qq && sudo apt-get install -y -qq chromium >/dev/null
  fi
fi

status=0
node_modules/.bin/vitest run --reporter=default \
  --reporter=json --outputFile.json=reports/vitest.json || status=1

echo "Building the production bundle for e2e…"
if node_modules/.bin/next build >reports/next-build.log 2>&1; then
  bash scripts/e2e.sh || status=1
else
  tail -40 reports/next-build.log
  echo "next build failed; e2e tests not run"
  status=1
fi

node scripts/summarize-tests.mjs
exit $status
