// `npm run bench`: seeds a fleet into a throw-away PostgreSQL server and
// measures the portal's queries and findings ingest next to plain SQL.
import { register } from "node:module";

register("./bench/server-only-hook.mjs", import.meta.url);
// The portal's logger reads its level when first imported.
process.env.LOG_LEVEL ??= "warn";

const { runBench } = await import("./bench/main");

process.exitCode = await runBench();
