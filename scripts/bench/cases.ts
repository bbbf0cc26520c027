import type pg from "pg";

import type { CurrentUser } from "../../lib/auth/session";
import { getCveDetail } from "../../lib/findings/cve";
import { diffImages, type ImageDiff } from "../../lib/fleet/diff";
import {
  countsOverTime,
  fleetDashboard,
  fleetSummary,
  overdueFixes,
  topCves,
  worstImages,
} from "../../lib/fleet/queries";
import { ledgerFilterOptions, listLedger } from "../../lib/ledger/queries";
import { getLineTimeline } from "../../lib/ledger/timeline";
import { listGoldenImages } from "../../lib/queries/golden";
import { getImagePage, type ImagePage } from "../../lib/queries/image-page";
import { parseFindingsFilters } from "../../lib/validations/findings-filters";
import { parseFleetParams } from "../../lib/validations/fleet";
import {
  parseLedgerParams,
  type LedgerQuery,
} from "../../lib/validations/ledger-filters";
import { diffKeys, referenceDiff, type DiffRow } from "./diff";
import * as sql from "./sql";

export interface BenchContext {
  pool: pg.Pool;
  /** A typical image: the latest of a line, with about 300 findings. */
  imageId: string;
  /** Two versions of one line with 1,000 findings each (older first). */
  diffPair: [string, string];
  /** The longest image line (recipe id). */
  lineId: string;
  /** The CVE found on most images. */
  cveId: string;
  security: CurrentUser;
  engineer: CurrentUser;
}

/** A page query: the portal's function next to its hand-written SQL. */
export interface QueryCase {
  name: string;
  /** The portal function measured, as `file: call`. */
  portal: string;
  /** maxRatio null: only the time counts (the diff's 50 ms). */
  target: { maxRatio: number | null; p95Ms: number };
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

function ledgerCases(): QueryCase[] {
  const defaults = ledgerQuery({});
  const selective = ledgerQuery({
    team: "payments",
    severe: "1",
    fixable: "1",
    sort: "critical",
    dir: "desc",
  });
  const byCreated = `i."createdAt" DESC, i.id DESC`;
  const selectiveWhere = (first: number) => `t.slug = $${first}
    AND (i.critical > 0 OR i.high > 0) AND i.fixable > 0`;
  const byCritical = `i.critical DESC, i.high DESC, ${byCreated}`;
  const variants = [
    { label: "defaults", query: defaults, where: () => "",
      orderBy: byCreated, params: [] as string[] },
    { label: "team + critical/high + fix, by critical", query: selective,
      where: selectiveWhere, orderBy: byCritical, params: ["payments"] },
  ];

  return (["security", "engineer"] as const).flatMap((who) =>
    variants.map((v) => ({
      name: `ledger /images: ${v.label} (${who})`,
      portal:
        "lib/ledger/queries.ts: listLedger(user, query) + " +
        "ledgerFilterOptions()",
      target: PAGE,
      run: async (ctx: BenchContext) => {
        const [options, page] = await Promise.all([
          ledgerFilterOptions(),
          listLedger(ctx[who], v.query),
        ]);

        return { options, page };
      },
      sql: (ctx: BenchContext): [string, unknown[]] => {
        const engineer = who === "engineer";
        const params = [
          ...(engineer ? [ctx.engineer.teamId] : []),
          ...v.params,
        ];

        return [
          sql.ledgerPage({
            engineer,
            where: v.where(engineer ? 2 : 1),
            orderBy: v.orderBy,
            limit: v.query.size,
          }),
          params,
        ];
      },
      portalKeys: (result: unknown) => {
        const { options, page } = result as {
          options: { teams: unknown[]; goldens: unknown[] };
          page: { rows: { id: string }[]; total: number };
        };

        return [
          `total:${page.total}`,
          `teams:${options.teams.length}`,
          `goldens:${options.goldens.length}`,
          ...ids(page.rows),
        ];
      },
      sqlKeys: (result: pg.QueryResult) => [
        `total:${result.rows[0]?.total ?? 0}`,
        `teams:${result.rows[0]?.teams.length}`,
        `goldens:${result.rows[0]?.goldens.length}`,
        ...sqlIds(result),
      ],
    })),
  );
}

function ledgerQuery(params: Record<string, string>): LedgerQuery {
  const parsed = parseLedgerParams(params);
  if (!parsed.ok) throw new Error(parsed.problems.join("; "));

  return parsed.query;
}

function imagePageCases(): QueryCase[] {
  const variants = [
    { label: "default filters", params: {}, where: "", orderBy: "" },
    {
      label: "search 'lib' + fix YES, by score",
      params: { q: "lib", fix: "YES", sort: "score" },
      where: `(f."vulnerabilityId" ILIKE $2 OR f."packageName" ILIKE $2
        OR EXISTS (SELECT 1 FROM jsonb_array_elements(f.packages) AS p
          WHERE p->>'name' ILIKE $2)) AND f."fixAvailable" IN ('YES')`,
      orderBy: `f."inspectorScore" DESC NULLS LAST,`,
    },
  ];

  return variants.map((v) => ({
    name: `image page /images/[id]: ${v.label}`,
    portal: "lib/queries/image-page.ts: getImagePage(user, id, filters)",
    target: PAGE,
    run: (ctx) =>
      getImagePage(ctx.security, ctx.imageId, parseFindingsFilters(v.params)),
    sql: (ctx) => [
      sql.imagePage(v.where, v.orderBy),
      v.where ? [ctx.imageId, "%lib%"] : [ctx.imageId],
    ],
    portalKeys: (result) => {
      const page = result as ImagePage | null;
      if (!page) return [];

      return [
        page.image.id,
        `events:${page.image.events.length}`,
        `components:${page.record.recipeVersion.components.length}`,
        `total:${page.findings.total}`,
        `network:${page.network.length}`,
        `reports:${page.reports.length}`,
        ...ids(page.findings.rows),
      ];
    },
    sqlKeys: (result) =>
      result.rows.flatMap((row) => [
        row.id,
        `events:${row.events.length}`,
        `components:${row.components.length}`,
        `total:${sumValues(row.severityCounts)}`,
        `network:${row.network.length}`,
        `reports:${row.reports.length}`,
        ...ids(row.findings),
      ]),
  }));
}

function sumValues(counts: Record<string, number> | null): number {
  return Object.values(counts ?? {}).reduce((a, b) => a + Number(b), 0);
}

const FLEET = parseFleetParams({});

/** countsOverTime's weeks, computed as the function does (UTC Mondays). */
function weekRange(weeks: number): [Date, Date] {
  const now = new Date();
  const day = new Date(
    Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()),
  );
  const last = new Date(day.getTime() - ((day.getUTCDay() + 6) % 7) * DAY);

  return [new Date(last.getTime() - 7 * (weeks - 1) * DAY), last];
}

const DAY = 86_400_000;

type FleetPart = "summary" | "worst" | "cves" | "overdue" | "trend";

function fleetParams(part: FleetPart): unknown[] {
  const cutoff = new Date(Date.now() - FLEET.days * DAY);
  switch (part) {
    case "summary":
      return [];
    case "worst":
      return [FLEET.worst];
    case "cves":
      return [FLEET.cves];
    case "overdue":
      return [cutoff];
    case "trend":
      return weekRange(FLEET.weeks);
  }
}

/** Row identities of each fleet read model, portal side and SQL side. */
const FLEET_KEYS: Record<
  FleetPart,
  { portal: (r: unknown) => string[]; sql: (rows: Row[]) => string[] }
> = {
  summary: {
    portal: (r) => [summaryKey(r as Row)],
    sql: (rows) => [summaryKey(rows[0])],
  },
  worst: { portal: ids, sql: ids },
  cves: {
    portal: (r) => (r as Row[]).map((c) => `${c.vulnerabilityId}:${c.images}`),
    sql: (rows) => rows.map((c) => `${c.vulnerabilityId}:${c.images}`),
  },
  overdue: {
    portal: (r) => {
      const list = r as { total: number; rows: Row[] };

      return [`total:${list.total}`, ...ids(list.rows)];
    },
    sql: (rows) => [`total:${rows[0]?.total ?? 0}`, ...ids(rows)],
  },
  trend: {
    portal: (r) => (r as Row[]).map(weekKey),
    sql: (rows) => rows.map(weekKey),
  },
};

type Row = Record<string, unknown> & { id: string };

function summaryKey(row: Row): string {
  return ["lines", "critical", "high", "medium", "fixable",
    "withCriticalOrHigh"].map((k) => Number(row?.[k] ?? 0)).join(",");
}

function weekKey(row: Row): string {
  return `${row.lines}:${row.critical}:${row.high}:${row.low}`;
}

function fleetCases(): QueryCase[] {
  const parts: [FleetPart, string, (u: CurrentUser) => Promise<unknown>][] =
    [
      ["summary", "fleetSummary(user)", (u) => fleetSummary(u)],
      ["worst", "worstImages(user, 10)", (u) => worstImages(u, FLEET.worst)],
      ["cves", "topCves(user, 15)", (u) => topCves(u, FLEET.cves)],
      ["overdue", "overdueFixes(user, 30)", (u) => overdueFixes(u, FLEET.days)],
      ["trend", "countsOverTime(user, 26)",
        (u) => countsOverTime(u, FLEET.weeks)],
    ];
  const teamParam = (ctx: BenchContext, engineer: boolean) =>
    engineer ? [ctx.engineer.teamId] : [];
  const dashboard = (["security", "engineer"] as const).map(
    (who): QueryCase => ({
      name: `fleet dashboard /security (${who})`,
      portal: "lib/fleet/queries.ts: fleetDashboard(user, defaults)",
      target: PAGE,
      run: (ctx) => fleetDashboard(ctx[who], FLEET),
      sql: (ctx) => [
        sql.fleetDashboard(who === "engineer"),
        [
          ...teamParam(ctx, who === "engineer"),
          FLEET.worst,
          FLEET.cves,
          ...fleetParams("overdue"),
          ...fleetParams("trend"),
        ],
      ],
      portalKeys: (r) => {
        const d = r as Record<string, unknown>;

        return [
          ...FLEET_KEYS.summary.portal(d.summary),
          ...FLEET_KEYS.worst.portal(d.worst),
          ...FLEET_KEYS.cves.portal(d.cves),
          ...FLEET_KEYS.overdue.portal(d.overdue),
          ...FLEET_KEYS.trend.portal(d.trend),
        ];
      },
      sqlKeys: (result) => {
        const row = result.rows[0];

        return [
          ...FLEET_KEYS.summary.sql([row.summary]),
          ...FLEET_KEYS.worst.sql(row.worst ?? []),
          ...FLEET_KEYS.cves.sql(row.cves ?? []),
          ...FLEET_KEYS.overdue.sql(row.overdue ?? []),
          ...FLEET_KEYS.trend.sql(row.trend ?? []),
        ];
      },
    }),
  );
  const single = parts.map(
    ([part, call, run]): QueryCase => ({
      name: `fleet: ${call.replace("(user", "(security")}`,
      portal: `lib/fleet/queries.ts: ${call}`,
      target: PAGE,
      run: (ctx) => run(ctx.security),
      sql: () => [sql.fleetPart(part, false), fleetParams(part)],
      portalKeys: FLEET_KEYS[part].portal,
      sqlKeys: (result) => FLEET_KEYS[part].sql(result.rows),
    }),
  );

  return [...dashboard, ...single];
}

/** diffImages' groups as the reference diff's rows. */
function portalDiffRows(diff: ImageDiff): DiffRow[] {
  if (!diff.ok) return [];

  return (["new", "fixed", "carried"] as const).flatMap((change) =>
    diff.groups[change].map((row) => ({
      cve: row.vulnerabilityId,
      package: row.packageName,
      change,
      fromVersion: row.older?.installedVersion ?? null,
      toVersion: row.newer?.installedVersion ?? null,
    })),
  );
}


/**
 * The version diff's yardstick, ready for diffImages: the hand-written
 * SQL, checked against the in-memory reference diff.
 */
export const DIFF_CASE = {
  name: "version diff: two 1,000-finding images",
  portal: "lib/fleet/diff.ts: diffImages(user, a, b)",
  targetMs: 50,
  sql: (ctx: BenchContext) =>
    ctx.pool.query<DiffRow>(sql.VERSION_DIFF, ctx.diffPair),
  reference: (ctx: BenchContext) =>
    referenceDiff(ctx.pool, ...ctx.diffPair),
  keys: diffKeys,
};

/**
 * The cases measured now. A case for a new function is one entry here:
 * its call, the SQL in sql.ts and how to read row ids from each side.
 */
export const QUERY_CASES: QueryCase[] = [
  ...ledgerCases(),
  ...imagePageCases(),
  {
    name: "line timeline (25 versions)",
    portal: "lib/ledger/timeline.ts: getLineTimeline(recipeId, security)",
    target: PAGE,
    run: (ctx) => getLineTimeline(ctx.lineId, ctx.security),
    sql: (ctx) => [sql.LINE_TIMELINE, [ctx.lineId]],
    portalKeys: (line) =>
      ids((line as { rows: unknown[] } | null)?.rows ?? []),
    sqlKeys: (result) => ids(result.rows[0]?.images ?? []),
  },
  {
    name: "CVE detail (most common CVE)",
    portal: "lib/findings/cve.ts: getCveDetail(security, cve)",
    target: PAGE,
    run: (ctx) => getCveDetail(ctx.security, ctx.cveId),
    sql: (ctx) => [sql.CVE_DETAIL, [ctx.cveId]],
    portalKeys: (cve) => {
      const detail = cve as { images: unknown[]; total: number } | null;

      return detail ? [`total:${detail.total}`, ...ids(detail.images)] : [];
    },
    sqlKeys: (result) => [
      `total:${result.rows[0]?.total}`,
      ...sqlIds(result),
    ],
  },
  ...fleetCases(),
  {
    name: "golden catalog",
    portal: "lib/queries/golden.ts: listGoldenImages(security)",
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
  {
    name: "version diff, 2 × 1,000 findings",
    portal: "lib/fleet/diff.ts: diffImages(security, newer, older)",
    target: { maxRatio: null, p95Ms: 50 },
    run: (ctx) => diffImages(ctx.security, ctx.diffPair[1], ctx.diffPair[0]),
    sql: (ctx) => [sql.VERSION_DIFF, ctx.diffPair],
    portalKeys: (diff) => diffKeys(portalDiffRows(diff as ImageDiff)),
    sqlKeys: (result) => diffKeys(result.rows),
  },
];
