import "server-only";

import type { CurrentUser } from "../auth/session";
import { prisma } from "../db";
import type { Severity } from "../findings/map-finding";
import {
  ACTIVE_CVE_SQL,
  latestCte,
  SEVERITY_RANK_SQL,
  fleetCandidatesSql,
} from "./scope";

// Read models of the fleet dashboard (/security). Each is one SQL query
// over the latest AVAILABLE, scanned image of each visible line.

export interface FleetSummary {
  lines: number;
  critical: number;
  high: number;
  medium: number;
  low: number;
  informational: number;
  untriaged: number;
  fixable: number;
  withCriticalOrHigh: number;
}

export async function fleetSummary(user: CurrentUser): Promise<FleetSummary> {
  const [row] = await prisma.$queryRaw<FleetSummary[]>`
    WITH ${latestCte(user)}
    SELECT count(*)::int AS lines,
      coalesce(sum(critical), 0)::int AS critical,
      coalesce(sum(high), 0)::int AS high,
      coalesce(sum(medium), 0)::int AS medium,
      coalesce(sum(low), 0)::int AS low,
      coalesce(sum(informational), 0)::int AS informational,
      coalesce(sum(untriaged), 0)::int AS untriaged,
      coalesce(sum(fixable), 0)::int AS fixable,
      (count(*) FILTER (WHERE critical + high > 0))::int
        AS "withCriticalOrHigh"
    FROM latest`;

  return row;
}

export interface FleetImage {
  id: string;
  recipeId: string;
  recipeName: string;
  version: string;
  teamName: string;
  createdAt: Date;
  awsState: string | null;
  critical: number;
  high: number;
  medium: number;
  low: number;
  fixable: number;
}

/** Ranked by critical, then high, then medium findings. */
export async function worstImages(
  user: CurrentUser,
  limit: number,
): Promise<FleetImage[]> {
  return prisma.$queryRaw<FleetImage[]>`
    WITH ${latestCte(user)}
    SELECT l.id, l."recipeId", r.name AS "recipeName", l.version,
      t.name AS "teamName", l."createdAt", l."awsState",
      l.critical, l.high, l.medium, l.low, l.fixable
    FROM latest l
    JOIN "Recipe" r ON r.id = l."recipeId"
    JOIN "Team" t ON t.id = l."teamId"
    WHERE l.critical + l.high + l.medium > 0
    ORDER BY l.critical DESC, l.high DESC, l.medium DESC, r.name, l.id
    LIMIT ${limit}`;
}

export interface FleetCve {
  vulnerabilityId: string;
  images: number;
  severity: Severity;
  maxScore: number | null;
  /** YES when some affected image has a full fix, else PARTIAL or NO. */
  fixAvailable: "YES" | "PARTIAL" | "NO";
  exploitAvailable: boolean;
}

/** The CVEs found in most fleet images. */
export async function topCves(
  user: CurrentUser,
  limit: number,
): Promise<FleetCve[]> {
  // Per image first, then per CVE: two hash aggregates instead of the
  // sort a count(DISTINCT "imageId") over every finding needs.
  const rows = await prisma.$queryRaw<(FleetCve & { rank: number })[]>`
    WITH ${latestCte(user)},
    per_image AS (
      SELECT f."vulnerabilityId",
        max(${SEVERITY_RANK_SQL}) AS rank,
        max(f."inspectorScore") AS score,
        bool_or(f."fixAvailable" = 'YES') AS fix,
        bool_or(f."fixAvailable" = 'PARTIAL') AS partial,
        bool_or(f."exploitAvailable") AS exploit
      FROM latest l
      JOIN "Finding" f ON f."imageId" = l.id
      WHERE ${ACTIVE_CVE_SQL}
      GROUP BY f."imageId", f."vulnerabilityId"
    )
    SELECT "vulnerabilityId", count(*)::int AS images,
      max(rank)::int AS rank, max(score) AS "maxScore",
      CASE WHEN bool_or(fix) THEN 'YES'
        WHEN bool_or(partial) THEN 'PARTIAL'
        ELSE 'NO' END AS "fixAvailable",
      bool_or(exploit) AS "exploitAvailable"
    FROM per_image
    GROUP BY "vulnerabilityId"
    ORDER BY images DESC, rank DESC, "maxScore" DESC NULLS LAST,
      "vulnerabilityId"
    LIMIT ${limit}`;

  return rows.map(({ rank, ...row }) => ({
    ...row,
    severity: severityOfRank(rank),
  }));
}

export interface OverdueImage {
  id: string;
  recipeName: string;
  version: string;
  teamName: string;
  critical: number;
  high: number;
  /** Earliest "fix available since" among the image's overdue CVEs. */
  oldestSince: Date;
  /** Overdue CVEs, worst and oldest first. */
  cves: string[];
}

export interface OverdueList {
  days: number;
  total: number;
  rows: OverdueImage[];
}

/**
 * Fleet images with CRITICAL or HIGH CVEs whose fix has been available
 * for more than `days` days.
 */
export async function overdueFixes(
  user: CurrentUser,
  days: number,
  limit = 100,
): Promise<OverdueList> {
  const cutoff = new Date(Date.now() - days * 86_400_000);
  // LIMITATION: Inspector does not say when a fix was released. "Fix
  // available since" is the earliest firstObservedAt of an active finding
  // with a fix (YES or PARTIAL) for that CVE in that image, so a fix older
  // than the image counts only from the image's first scan.
  const rows = await prisma.$queryRaw<(OverdueImage & { total: number })[]>`
    WITH ${latestCte(user)},
    overdue AS (
      SELECT f."imageId", f."vulnerabilityId",
        max(${SEVERITY_RANK_SQL}) AS rank,
        min(f."firstObservedAt") AS since
      FROM latest l
      JOIN "Finding" f ON f."imageId" = l.id
      WHERE ${ACTIVE_CVE_SQL}
        AND f.severity IN ('CRITICAL', 'HIGH')
        AND f."fixAvailable" IN ('YES', 'PARTIAL')
      GROUP BY f."imageId", f."vulnerabilityId"
      HAVING min(f."firstObservedAt") < ${cutoff}
    ),
    per_image AS (
      SELECT o."imageId",
        (count(*) FILTER (WHERE o.rank = 6))::int AS critical,
        (count(*) FILTER (WHERE o.rank = 5))::int AS high,
        min(o.since) AS "oldestSince",
        array_agg(o."vulnerabilityId"
          ORDER BY o.rank DESC, o.since, o."vulnerabilityId") AS cves
      FROM overdue o
      GROUP BY o."imageId"
    )
    SELECT l.id, r.name AS "recipeName", l.version, t.name AS "teamName",
      p.critical, p.high, p."oldestSince", p.cves,
      (count(*) OVER ())::int AS total
    FROM per_image p
    JOIN latest l ON l.id = p."imageId"
    JOIN "Recipe" r ON r.id = l."recipeId"
    JOIN "Team" t ON t.id = l."teamId"
    ORDER BY p.critical DESC, p.high DESC, p."oldestSince", l.id
    LIMIT ${limit}`;

  return {
    days,
    total: rows[0]?.total ?? 0,
    rows: rows.map(({ total: _total, ...row }) => row),
  };
}

export interface WeekCounts {
  weekStart: Date;
  lines: number;
  critical: number;
  high: number;
  medium: number;
  low: number;
}

/**
 * For each of the last `weeks` weeks (Monday to Monday, UTC): the counts
 * of the latest image of each line created before the week's end.
 */
export async function countsOverTime(
  user: CurrentUser,
  weeks: number,
): Promise<WeekCounts[]> {
  const last = mondayOf(new Date());
  const first = addDays(last, -7 * (weeks - 1));

  // LIMITATION: each image contributes the counts it has today; a finding
  // closed later also disappears from the weeks before it was closed.
  return prisma.$queryRaw<WeekCounts[]>`
    WITH spans AS (
      SELECT i."createdAt" AS "from",
        lead(i."createdAt") OVER (
          PARTITION BY i."recipeId" ORDER BY i."createdAt", i.id
        ) AS "until",
        i.critical, i.high, i.medium, i.low
      FROM "Image" i
      WHERE ${fleetCandidatesSql(user)}
    ),
    weeks AS (
      SELECT w AS "weekStart", w + interval '7 days' AS "weekEnd"
      FROM generate_series(
        ${first}::timestamp,
        ${last}::timestamp,
        interval '7 days'
      ) AS w
    )
    SELECT w."weekStart", count(s."from")::int AS lines,
      coalesce(sum(s.critical), 0)::int AS critical,
      coalesce(sum(s.high), 0)::int AS high,
      coalesce(sum(s.medium), 0)::int AS medium,
      coalesce(sum(s.low), 0)::int AS low
    FROM weeks w
    LEFT JOIN spans s ON s."from" < w."weekEnd"
      AND (s."until" IS NULL OR s."until" >= w."weekEnd")
    GROUP BY w."weekStart"
    ORDER BY w."weekStart"`;
}

export interface FleetParams {
  days: number;
  weeks: number;
  cves: number;
  worst: number;
}

/** Everything /security shows, in parallel. */
export async function fleetDashboard(user: CurrentUser, params: FleetParams) {
  const [summary, worst, cves, overdue, trend] = await Promise.all([
    fleetSummary(user),
    worstImages(user, params.worst),
    topCves(user, params.cves),
    overdueFixes(user, params.days),
    countsOverTime(user, params.weeks),
  ]);

  return { summary, worst, cves, overdue, trend };
}

const RANKED: Severity[] = [
  "UNTRIAGED",
  "INFORMATIONAL",
  "LOW",
  "MEDIUM",
  "HIGH",
  "CRITICAL",
];

function severityOfRank(rank: number): Severity {
  return RANKED[rank - 1] ?? "UNTRIAGED";
}

function mondayOf(date: Date): Date {
  const day = new Date(
    Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()),
  );

  return addDays(day, -((day.getUTCDay() + 6) % 7));
}

function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 86_400_000);
}
