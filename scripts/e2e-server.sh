#!/usr/bin/env bash
# Starts the production build for the e2e suite on a freshly migrated and
# seeded database and a fresh AWS emulator state.
set -euo pipefail
cd "$(dirname "$0")/.."

rm -rf "${AWS_EMULATOR_DIR:?}" "${PORTAL_REPORTS_DIR:?}"
npm run --silent db:migrate >/dev/null
npm run --silent db:seed
# Playwright drops the server's stdout; the log is kept for failed runs.
mkdir -p reports
exec node_modules/.bin/next start -H 127.0.0.1 -p "${E2E_PORT:-3100}" \
  >>"reports/e2e-portal-${E2E_PORT:-3100}.log"
