import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { migrate } from "../../tests/support/database";
import { freePort, startPostgresAt } from "../../tests/support/postgres";

// Settings for a benchmark on a 2-core, 24 GiB machine: the working set
// (about 1 GB) fits in shared buffers, durability is irrelevant for a
// throw-away server, JIT is off because its compile time costs more than
// it saves on sub-second queries.
export const SERVER_SETTINGS = {
  shared_buffers: "4GB",
  effective_cache_size: "12GB",
  work_mem: "64MB",
  maintenance_work_mem: "1GB",
  max_wal_size: "8GB",
  checkpoint_timeout: "30min",
  synchronous_commit: "off",
  full_page_writes: "off",
  wal_level: "minimal",
  max_wal_senders: "0",
  random_page_cost: "1.1",
  effective_io_concurrency: "200",
  jit: "off",
  max_parallel_workers_per_gather: "1",
};

export interface BenchDatabase {
  url: string;
  stop: () => void;
}

/** A tuned, migrated PostgreSQL server in a temp dir, stopped exactly once. */
export async function startBenchDatabase(): Promise<BenchDatabase> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-bench-pg-"));
  const server = await startPostgresAt(await freePort(), dir, SERVER_SETTINGS);
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    server.stop();
  };
  try {
    migrate(server.url);
  } catch (error) {
    stop();
    throw error;
  }

  return { url: server.url, stop };
}
