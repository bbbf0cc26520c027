// Runs a throw-away PostgreSQL server for the e2e suite until terminated.
import fs from "node:fs";

import pg from "pg";

import { startPostgresAt } from "../tests/support/postgres";

const port = Number(process.env.E2E_PG_PORT ?? 55433);
const server = await startPostgresAt(port, ".data/e2e-pg");

// The OIDC portal of the e2e suite keeps its data in a database of its own.
const admin = new pg.Client({ connectionString: server.url });
await admin.connect();
await admin.query("CREATE DATABASE oidc");
await admin.end();
console.log(`e2e postgres ready at ${server.url}`);

const stop = () => {
  // The server's own log (deadlocks, errors) outlives its data folder.
  fs.copyFileSync(".data/e2e-pg/log", "reports/e2e-postgres-server.log");
  server.stop();
  process.exit(0);
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
setInterval(() => {}, 60_000);
