import { defineConfig } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const PG_PORT = Number(process.env.E2E_PG_PORT ?? 55433);
export const E2E_DATABASE_URL = `postgresql://portal@127.0.0.1:${PG_PORT}/postgres`;
const BASE_URL = `http://127.0.0.1:${PORT}`;

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
  // scripts/e2e.sh starts the PostgreSQL server before Playwright runs.
  webServer: [
    {
      command: "bash scripts/e2e-server.sh",
      url: `${BASE_URL}/api/health`,
      timeout: 180_000,
      reuseExistingServer: !process.env.CI,
      stdout: "ignore",
      stderr: "pipe",
      env: {
        E2E_PORT: String(PORT),
        DATABASE_URL: E2E_DATABASE_URL,
        NEXTAUTH_URL: BASE_URL,
        NEXTAUTH_SECRET: "e2e-only-secret-not-for-production",
        NEXT_TELEMETRY_DISABLED: "1",
        CHECKPOINT_DISABLE: "1",
        PORTAL_AWS_MODE: "local",
        AWS_EMULATOR_DIR: ".data/e2e-aws",
        AWS_EMULATOR_STEP_SECONDS: "1",
        PORTAL_RECONCILE_SECONDS: "1",
        PORTAL_DISTRIBUTION_ACCOUNTS: "444455556666",
        LOG_LEVEL: "warn",
        OIDC_ISSUER: "",
      },
    },
  ],
});
