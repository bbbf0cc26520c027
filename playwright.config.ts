import { defineConfig } from "@playwright/test";

import { E2E_EVENTS_SECRET, E2E_SMTP_PORT } from "./e2e/support/mail";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const PG_PORT = Number(process.env.E2E_PG_PORT ?? 55433);
const OIDC_PORTAL_PORT = PORT + 1;
const OIDC_PORT = Number(process.env.E2E_OIDC_PORT ?? PORT + 90);
const PG_URL = `postgresql://portal@127.0.0.1:${PG_PORT}`;
const BASE_URL = `http://127.0.0.1:${PORT}`;
const OIDC_PORTAL_URL = `http://127.0.0.1:${OIDC_PORTAL_PORT}`;
const OIDC_ISSUER = `http://127.0.0.1:${OIDC_PORT}`;

/** A production portal on its own port, database and emulator state. */
function portalServer(
  port: number,
  database: string,
  env: Record<string, string>,
) {
  const url = `http://127.0.0.1:${port}`;

  return {
    command: "bash scripts/e2e-server.sh",
    url: `${url}/api/health`,
    timeout: 180_000,
    reuseExistingServer: !process.env.CI,
    stdout: "ignore" as const,
    stderr: "pipe" as const,
    env: {
      NEXTAUTH_SECRET: "e2e-only-secret-not-for-production",
      NEXT_TELEMETRY_DISABLED: "1",
      CHECKPOINT_DISABLE: "1",
      PORTAL_AWS_MODE: "local",
      AWS_EMULATOR_STEP_SECONDS: "1",
      PORTAL_RECONCILE_SECONDS: "1",
      PORTAL_DISTRIBUTION_ACCOUNTS: "444455556666",
      LOG_LEVEL: "info",
      E2E_PORT: String(port),
      DATABASE_URL: `${PG_URL}/${database}`,
      NEXTAUTH_URL: url,
      AWS_EMULATOR_DIR: `.data/e2e-aws-${database}`,
      PORTAL_REPORTS_DIR: `.data/e2e-reports-${database}`,
      PORTAL_EVENTS_SECRET: E2E_EVENTS_SECRET,
      AWS_EMULATOR_EVENTS_URL: `${url}/api/events`,
      ...env,
    },
  };
}

// The e2e suite runs the production build against a PostgreSQL server so
// the tests can check the database while the portal is running (PGlite is
// single-process). PGlite itself is covered by the integration tests.
export default defineConfig({
  testDir: "e2e",
  timeout: 120_000,
  expect: { timeout: 15_000 },
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: process.env.CI ? 1 : 0,
  reporter: [["list"], ["json", { outputFile: "reports/playwright.json" }]],
  use: {
    baseURL: BASE_URL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [
    { name: "demo-sign-in", testIgnore: /oidc\// },
    {
      name: "oidc",
      testMatch: /oidc\/.*\.spec\.ts/,
      use: { baseURL: OIDC_PORTAL_URL },
    },
  ],
  // scripts/e2e.sh starts the PostgreSQL server before Playwright runs.
  webServer: [
    portalServer(PORT, "postgres", {
      OIDC_ISSUER: "",
      SMTP_URL: `smtp://127.0.0.1:${E2E_SMTP_PORT}`,
      MAIL_FROM: "AMI portal <ami-portal@example.com>",
    }),
    {
      command: "node_modules/.bin/tsx scripts/e2e-oidc-provider.ts",
      url: `${OIDC_ISSUER}/.well-known/openid-configuration`,
      timeout: 60_000,
      reuseExistingServer: !process.env.CI,
      stdout: "ignore",
      stderr: "ignore",
      env: {
        E2E_OIDC_PORT: String(OIDC_PORT),
        E2E_OIDC_PORTAL_URL: OIDC_PORTAL_URL,
      },
    },
    portalServer(OIDC_PORTAL_PORT, "oidc", {
      OIDC_ISSUER,
      OIDC_CLIENT_ID: "golden-ami-portal",
      OIDC_CLIENT_SECRET: "e2e-oidc-client-secret",
    }),
  ],
});
