import type pg from "pg";

import type { CurrentUser } from "../../lib/auth/session";
import { listImageFindings } from "../../lib/findings/queries";
import { listLedger } from "../../lib/ledger/queries";
import { listGoldenImages } from "../../lib/queries/golden";
import { getImage } from "../../lib/queries/images";
import { parseFindingsFilters } from "../../lib/validations/findings-filters";
import { parseLedgerParams } from "../../lib/validations/ledger-filters";
import { diffKeys, referenceDiff, type DiffRow } from "./diff";
import * as sql from "./sql";

export interface BenchContext {
  pool: pg.Pool;
  /** A typical image: the latest of a line, with about 300 findings. */
  imageId: string;
  /** Two versions of one line with 1,000 findings each (older first). */
  diffPair: [string, string];
  security: CurrentUser;
  engineer: CurrentUser;
}

/** A page query: the portal's function next to its hand-written SQL. */
export interface QueryCase {
  name: string;
  /** The portal function measured, as `file: call`. */
  portal: string;
  target: { maxRatio: number; p95Ms: number };
  run: (ctx: BenchContext) => Promise<unknown>;
  /** The hand-written statement and its parameters. */
  sql: (ctx: BenchContext) => [string, unknown[]];
  /** Row identities on each side, to check both return the same rows. */
  portalKeys: (result: unknown) => string[];
  sqlKeys: (result: pg.QueryResult) => string[];
}

const PAGE = { maxRatio: 2, p95Ms: 250 };
const ids = (rows: unknown) => (rows as { id: string }[]).map((r) => r.id);
const sqlIds = (result: pg.QueryResult) => ids(result.rows);

/**
 * The cases measured now. A case for a new function is one entry here:
 * its call, the SQL in sql.ts and how to read row ids from each side.
 */
export const QUERY_CASES: QueryCase[] = [
  {
    name: "ledger: first page",
    portal: "lib/ledger/queries.ts: listLedger(security, defaults)",
    target: PAGE,
    run: async (ctx) => {
      const parsed = parseLedgerParams({ size: "100" });
      if (!parsed.ok) throw new Error("ledger defaults do not parse");

      return (await listLedger(ctx.security, parsed.query)).rows;
    },
    sql: () => [sql.LEDGER_PAGE, []],
    portalKeys: ids,
    sqlKeys: sqlIds,
  },
  {
    name: "image page: detail",
    portal: "lib/queries/images.ts: getImage(id)",
    target: PAGE,
    run: (ctx) => getImage(ctx.imageId, ctx.security),
    sql: (ctx) => [sql.IMAGE_DETAIL, [ctx.imageId]],
    portalKeys: (image) => {
      const detail = image as { id: string; events: unknown[] } | null;

      return detail ? [detail.id, `events:${detail.events.length}`] : [];
    },
    sqlKeys: (result) =>
      result.rows.flatMap((row: { id: string; events: unknown[] }) => [
        row.id,
        `events:${row.events.length}`,
      ]),
  },
  {
    name: "image page: findings (all)",
    portal: "lib/findings/queries.ts: listImageFindings(user, id, filters)",
    target: PAGE,
    run: async (ctx) => {
      const page = await listImageFindings(
        ctx.security,
        ctx.imageId,
        parseFindingsFilters({ size: "100" }),
      );

      return page?.rows ?? [];
    },
    sql: (ctx) => [sql.IMAGE_FINDINGS, [ctx.imageId]],
    portalKeys: (rows) => ids(rows).sort(),
    sqlKeys: (result) => sqlIds(result).sort(),
  },
  {
    name: "golden catalog",
    portal: "lib/queries/golden.ts: listGoldenImages()",
    target: PAGE,
    run: (ctx) => listGoldenImages(ctx.security),
    sql: () => [sql.GOLDEN_CATALOG, []],
    portalKeys: (rows) =>
      (rows as { id: string; latestScan: { id: string } | null }[]).map(
        (row) => `${row.id}:${row.latestScan?.id ?? "-"}`,
      ),
    sqlKeys: (result) =>
      result.rows.map(
        (row: { id: string; latestId: string | null }) =>
          `${row.id}:${row.latestId ?? "-"}`,
      ),
  },
];

/**
 * Portal functions other branches are writing; each becomes a QueryCase
 * once merged (none is measured before it exists).
 */
export const PENDING_CASES = [
  "lib/ledger/queries.ts: listLedger(user, filters)",
  "lib/findings/queries.ts: listImageFindings(user, imageId, filters)",
  "lib/fleet/: fleetSummary(user)",
  "lib/fleet/: worstImages(user, limit)",
  "lib/fleet/: topCves(user, limit)",
  "lib/fleet/: overdueFixes(user, days)",
  "lib/fleet/: countsOverTime(user, weeks)",
  "lib/fleet/: diffImages(user, a, b)",
];

/**
 * The version diff's yardstick, ready for diffImages: the hand-written
 * SQL, checked against the in-memory reference diff.
 */
export const DIFF_CASE = {
  name: "version diff: two 1,000-finding images",
  portal: "lib/fleet/: diffImages(user, a, b) (not merged yet)",
  targetMs: 50,
  sql: (ctx: BenchContext) =>
    ctx.pool.query<DiffRow>(sql.VERSION_DIFF, ctx.diffPair),
  reference: (ctx: BenchContext) =>
    referenceDiff(ctx.pool, ...ctx.diffPair),
  keys: diffKeys,
};
