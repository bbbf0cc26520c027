#!/usr/bin/env bash
# Runs the Playwright suite: starts its PostgreSQL server, then Playwright
# (which starts the portal), and stops the server afterwards.
set -uo pipefail
cd "$(dirname "$0")/.."
export E2E_PG_PORT="${E2E_PG_PORT:-55433}"
mkdir -p reports
rm -f reports/e2e-portal-*.log reports/e2e-postgres-server.log

node_modules/.bin/tsx scripts/e2e-postgres.ts >reports/e2e-postgres.log 2>&1 &
pg_pid=$!
trap 'kill -TERM $pg_pid 2>/dev/null; wait $pg_pid 2>/dev/null' EXIT

for _ in $(seq 1 60); do
  grep -q "ready at" reports/e2e-postgres.log 2>/dev/null && break
  if ! kill -0 $pg_pid 2>/dev/null; then
    cat reports/e2e-postgres.log
    exit 1
  fi
  sleep 0.5
done

node_modules/.bin/playwright test "$@"
status=$?

# What the portals and PostgreSQL logged as errors: a retried test leaves
# the run green, and this is where its cause shows.
kill -TERM $pg_pid 2>/dev/null
wait $pg_pid 2>/dev/null
errors=$(grep -hE '"level":(50|60)' reports/e2e-portal-*.log 2>/dev/null
  grep -hE "ERROR|FATAL|deadlock" reports/e2e-postgres-server.log 2>/dev/null)
if [ -n "$errors" ]; then
  echo "Errors logged during the e2e run (full logs in reports/):"
  echo "$errors" | tail -n 30 | cut -c1-400
fi
exit $status
