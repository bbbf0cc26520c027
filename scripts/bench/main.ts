import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import pg from "pg";

import type { CurrentUser } from "../../lib/auth/session";
import {
  DIFF_CASE,
  QUERY_CASES,
  type BenchContext,
  type QueryCase,
} from "./cases";
import {
  SERVER_SETTINGS,
  startBenchDatabase,
  type BenchDatabase,
} from "./database";
import { benchIngest } from "./ingest";
import {
  measureSideBySide,
  profiled,
  round,
  timeOnce,
  statementsDuring,
  type Statement,
} from "./measure";
import {
  ingestReport,
  writeReport,
  type CaseResult,
  type DiffResult,
} from "./report";
import { seedFleet } from "./seed";

const REPORT_FILE = "reports/bench.json";
const STEP_SECONDS = 0.02;
const INGEST_IMAGES = 200;

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
    const startedAt = new Date().toISOString();
    const loadBefore = os.loadavg();
    db = await startBenchDatabase();
    Object.assign(process.env, benchEnv(db.url, scratch));
    const pool = new pg.Pool({ connectionString: db.url, max: 4 });
    try {
      const seeded = await seed(pool);
      const ctx = await context(pool, seeded.diffPair);
      const cases = [];
      // BENCH_ONLY=<text> measures only the cases whose name has it (and
      // skips the ingest unless the text is "ingest"): for quick checks.
      const only = process.env.BENCH_ONLY;
      for (const c of QUERY_CASES) {
        if (!only || c.name.includes(only)) cases.push(await runCase(c, ctx));
      }
      const diff = await runDiff(ctx);
      const ingest =
        only && only !== "ingest"
          ? null
          : ingestReport(
              await benchIngest(
                pool,
                ctx.engineer,
                INGEST_IMAGES,
                STEP_SECONDS,
              ),
            );
      const machine = {
        cpus: os.cpus().length,
        memoryGiB: round(os.totalmem() / 2 ** 30, 1),
        node: process.version,
        loadBefore,
        loadAfter: os.loadavg(),
        server: SERVER_SETTINGS,
      };
      const report = {
        startedAt,
        machine,
        seed: seeded,
        cases,
        diff,
        ingest,
      };
      console.log(writeReport(report, REPORT_FILE));
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

async function seed(pool: pg.Pool) {
  step("seed: fleet");
  const client = await pool.connect();
  const started = performance.now();
  const result = await seedFleet(client).finally(() => client.release());
  const seedMs = performance.now() - started;
  const analyzeMs = await timeOnce(() => pool.query("VACUUM ANALYZE"));
  step(
    `seed: ${result.images} images, ${result.findings} findings in ` +
      `${(seedMs / 1000).toFixed(1)} s (+ ANALYZE ` +
      `${(analyzeMs / 1000).toFixed(1)} s)`,
  );

  return {
    ...result,
    seedSeconds: round(seedMs / 1000, 1),
    analyzeSeconds: round(analyzeMs / 1000, 1),
  };
}

async function context(
  pool: pg.Pool,
  diffPair: [string, string],
): Promise<BenchContext> {
  // The latest scanned image of a line, as close to 300 findings as any.
  const typical = await pool.query<{ id: string }>(`
    SELECT i.id FROM "Image" AS i
    WHERE i.status = 'AVAILABLE' AND i."recipeId" LIKE 'br%'
      AND NOT EXISTS (SELECT 1 FROM "Image" AS n
        WHERE n."recipeId" = i."recipeId" AND n."createdAt" > i."createdAt")
    ORDER BY abs((SELECT count(*) FROM "Finding" AS f
      WHERE f."imageId" = i.id) - 300), i.id
    LIMIT 1`);

  const line = await pool.query<{ recipeId: string }>(`
    SELECT "recipeId" FROM "Image" WHERE "recipeId" LIKE 'br%'
    GROUP BY "recipeId" ORDER BY count(*) DESC, "recipeId" LIMIT 1`);
  const cve = await pool.query<{ id: string }>(`
    SELECT "vulnerabilityId" AS id FROM "Finding"
    GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`);

  return {
    pool,
    imageId: typical.rows[0].id,
    diffPair,
    lineId: line.rows[0].recipeId,
    cveId: cve.rows[0].id,
    security: await userByEmail(pool, "sofia@example.com"),
    engineer: await userByEmail(pool, "eric@example.com"),
  };
}

async function runCase(c: QueryCase, ctx: BenchContext): Promise<CaseResult> {
  step(`case: ${c.name}`);
  const [text, params] = c.sql(ctx);
  const runSql = () => ctx.pool.query(text, params);
  const portalKeys = c.portalKeys(await c.run(ctx));
  const sqlKeys = c.sqlKeys(await runSql());
  const portalSql = await statementsDuring(() => c.run(ctx));
  const [portalStats, sqlStats] = await profiled(
    c.name.replace(/[^a-z0-9]+/gi, "-"),
    () => measureSideBySide([() => c.run(ctx), runSql]),
  );
  const ratio = round(portalStats.p50 / sqlStats.p50);
  const sameRows =
    portalKeys.length > 0 && portalKeys.join() === sqlKeys.join();

  return {
    name: c.name,
    portal: c.portal,
    portalStats,
    sqlStats,
    ratio,
    ratioP95: round(portalStats.p95 / sqlStats.p95),
    portalQueries: portalSql.length,
    portalSql: await explained(ctx.pool, portalSql),
    sqlServerMs: await serverTime(ctx.pool, text, params),
    sameRows,
    target: c.target,
    ok:
      sameRows &&
      (c.target.maxRatio === null || ratio <= c.target.maxRatio) &&
      portalStats.p95 <= c.target.p95Ms,
  };
}

async function runDiff(ctx: BenchContext): Promise<DiffResult> {
  step(`case: ${DIFF_CASE.name}`);
  const reference = DIFF_CASE.keys(await DIFF_CASE.reference(ctx));
  const fromSql = DIFF_CASE.keys((await DIFF_CASE.sql(ctx)).rows);
  const [sqlStats, referenceStats] = await measureSideBySide([
    () => DIFF_CASE.sql(ctx),
    () => DIFF_CASE.reference(ctx),
  ]);

  return {
    name: DIFF_CASE.name,
    portal: DIFF_CASE.portal,
    sqlStats,
    referenceStats,
    rows: reference.length,
    sameAsReference: reference.join() === fromSql.join(),
    targetMs: DIFF_CASE.targetMs,
    sqlOk: sqlStats.p95 <= DIFF_CASE.targetMs,
  };
}

/**
 * Each portal statement, shortened, with the server's own time for it
 * (EXPLAIN ANALYZE with the same values); BEGIN and the like get none.
 */
async function explained(pool: pg.Pool, statements: Statement[]) {
  const out: string[] = [];
  for (const { text, values } of statements) {
    const short = text.replace(/\s+/g, " ");
    const ms = /^\s*(SELECT|WITH)/i.test(text)
      ? await serverTime(pool, text, values).catch(() => null)
      : null;
    out.push(`${ms === null ? "-" : `${ms} ms`}: ${short.slice(0, 2000)}`);
  }

  return out;
}

/** Planning + execution time the server itself reports for a statement. */
async function serverTime(pool: pg.Pool, text: string, params: unknown[]) {
  const { rows } = await pool.query<{ "QUERY PLAN": Plan[] }>(
    `EXPLAIN (ANALYZE, FORMAT JSON) ${text}`,
    params,
  );
  const [plan] = rows[0]["QUERY PLAN"];

  return round(plan["Planning Time"] + plan["Execution Time"]);
}

interface Plan {
  "Planning Time": number;
  "Execution Time": number;
}

async function userByEmail(pool: pg.Pool, email: string) {
  const { rows } = await pool.query<CurrentUser>(
    `SELECT u.id, u.name, u.email, u.role, u."teamId", t.slug AS "teamSlug",
       t.name AS "teamName", COALESCE(t."isCcoe", false) AS "isCcoe"
     FROM "User" AS u LEFT JOIN "Team" AS t ON t.id = u."teamId"
     WHERE u.email = $1`,
    [email],
  );

  return rows[0];
}

function step(line: string) {
  process.stderr.write(`\n${line}\n`);
}

function benchEnv(url: string, scratch: string) {
  return {
    DATABASE_URL: url,
    PORTAL_AWS_MODE: "local",
    AWS_EMULATOR_DIR: path.join(scratch, "aws-emulator"),
    AWS_EMULATOR_STEP_SECONDS: String(STEP_SECONDS),
    AWS_MAX_ATTEMPTS: "1",
    PORTAL_REPORTS_DIR: path.join(scratch, "reports"),
    PORTAL_RECONCILE_SECONDS: "0",
    LOG_LEVEL: "warn",
  };
}
