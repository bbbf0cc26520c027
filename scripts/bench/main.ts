import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import pg from "pg";

import { startBenchDatabase, type BenchDatabase } from "./database";
import { seedFleet } from "./seed";

/** The whole run; resolves to the exit code (0 unless something broke). */
export async function runBench(): Promise<number> {
  let db: BenchDatabase | undefined;
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "portal-bench-"));
  const cleanup = () => {
    try {
      db?.stop();
    } finally {
      fs.rmSync(scratch, { recursive: true, force: true });
    }
  };
  const onSignal = (signal: NodeJS.Signals) => {
    console.error(`\nbench: ${signal}, stopping the server`);
    cleanup();
    process.exit(130);
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);

  try {
    db = await startBenchDatabase();
    Object.assign(process.env, benchEnv(db.url, scratch));
    const pool = new pg.Pool({ connectionString: db.url, max: 4 });
    try {
      const client = await pool.connect();
      const started = performance.now();
      const seeded = await seedFleet(client).finally(() => client.release());
      await pool.query("VACUUM ANALYZE");
      const seconds = (performance.now() - started) / 1000;
      console.log(`seed: ${JSON.stringify(seeded)} in ${seconds.toFixed(1)} s`);
    } finally {
      await pool.end();
      const { getPrisma } = await import("../../lib/db");
      await getPrisma().$disconnect();
    }

    return 0;
  } catch (error) {
    console.error("bench failed:", error);

    return 1;
  } finally {
    cleanup();
  }
}

function benchEnv(url: string, scratch: string) {
  return {
    DATABASE_URL: url,
    PORTAL_AWS_MODE: "local",
    AWS_EMULATOR_DIR: path.join(scratch, "aws-emulator"),
    AWS_EMULATOR_STEP_SECONDS: "0.02",
    AWS_MAX_ATTEMPTS: "1",
    PORTAL_REPORTS_DIR: path.join(scratch, "reports"),
    PORTAL_RECONCILE_SECONDS: "0",
    LOG_LEVEL: "warn",
  };
}
