import type pg from "pg";

import type { CurrentUser } from "../../lib/auth/session";
import { listGoldenImages } from "../../lib/queries/golden";
import {
  getImage,
  listImageFindings,
  listImages,
} from "../../lib/queries/images";
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
    name: "ledger: newest 200 images",
    portal: "lib/queries/images.ts: listImages({ take: 200 })",
    target: PAGE,
    run: () => listImages({ take: 200 }),
    sql: () => [sql.LEDGER_PAGE, []],
    portalKeys: ids,
    sqlKeys: sqlIds,
  },
  {
    name: "image page: detail",
    portal: "lib/queries/images.ts: getImage(id)",
    target: PAGE,
    run: (ctx) => getImage(ctx.imageId),
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
    portal: "lib/queries/images.ts: listImageFindings(id)",
    target: PAGE,
    run: (ctx) => listImageFindings(ctx.imageId),
    sql: (ctx) => [sql.IMAGE_FINDINGS, [ctx.imageId]],
    portalKeys: (rows) => ids(rows).sort(),
    sqlKeys: (result) => sqlIds(result).sort(),
  },
  {
    name: "golden catalog",
    portal: "lib/queries/golden.ts: listGoldenImages()",
    target: PAGE,
    run: () => listGoldenImages(),
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
