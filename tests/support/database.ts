import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { startPostgres, type PostgresServer } from "./postgres";

export type Backend = "pglite" | "postgres";

export interface TestDatabase {
  url: string;
  stop: () => void;
}

/**
 * A fresh database of the given kind with the project's migrations applied
 * by Prisma's own CLI, exactly as `npm run setup` applies them.
 */
export async function createTestDatabase(
  backend: Backend,
): Promise<TestDatabase> {
  let server: PostgresServer | null = null;
  let url: string;
  if (backend === "postgres") {
    server = await startPostgres();
    url = server.url;
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-pglite-"));
    url = `pglite:${dir}`;
  }

  migrate(url);

  return {
    url,
    stop: () => {
      server?.stop();
      if (url.startsWith("pglite:")) {
        fs.rmSync(url.slice("pglite:".length), { recursive: true, force: true });
      }
    },
  };
}

export function migrate(url: string): string {
  return execFileSync(
    "node_modules/.bin/prisma",
    ["migrate", "deploy"],
    {
      env: {
        ...process.env,
        DATABASE_URL: url,
        CHECKPOINT_DISABLE: "1",
        NODE_OPTIONS: "--require ./scripts/unref-long-timers.cjs",
      },
      encoding: "utf8",
      stdio: "pipe",
    },
  );
}
