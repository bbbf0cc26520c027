import "server-only";

import type { CurrentUser } from "../auth/session";
import { prisma } from "../db";
import { Prisma } from "../generated/prisma/client";
import { canSeeImage, imageVisibilityWhere } from "../ledger/visibility";
import {
  defaultDirection,
  FINDING_SEVERITIES,
  type FindingsFilters,
  type SortColumn,
} from "../validations/findings-filters";
import type { CvssScore, FindingDetails, FindingPackage } from "./map-finding";

export interface FindingListRow {
  id: string;
  vulnerabilityId: string;
  title: string;
  type: string;
  severity: string;
  status: string;
  packages: FindingPackage[];
  inspectorScore: number | null;
  scoreSource: string | null;
  cvss: CvssScore[];
  epss: number | null;
  exploitAvailable: boolean;
  fixAvailable: string;
  firstObservedAt: Date | null;
}

export interface FindingsPage {
  rows: FindingListRow[];
  total: number;
  page: number;
  pageSize: number;
  /** Per severity, for the current filters except the severity filter. */
  severityCounts: Record<string, number>;
}

const LIST_COLUMNS = Prisma.sql`"id", "vulnerabilityId", "title", "type",
  "severity", "status", "packages", "inspectorScore", "scoreSource", "cvss",
  "epss", "exploitAvailable", "fixAvailable", "firstObservedAt"`;

/**
 * One page of an image's findings, filtered, searched and sorted in SQL.
 * Null when the image does not exist or the user may not see it.
 */
export async function listImageFindings(
  user: CurrentUser,
  imageId: string,
  filters: FindingsFilters,
): Promise<FindingsPage | null> {
  // Both go out together; the page of a hidden image is dropped.
  const [image, page] = await Promise.all([
    prisma.image.findUnique({
      where: { id: imageId },
      select: { teamId: true, status: true },
    }),
    findingsPage(imageId, filters),
  ]);
  if (!image || !canSeeImage(user, image)) return null;

  return page;
}

/**
 * listImageFindings without the visibility check, for a caller that has
 * already read the image with the visibility rule (the image page).
 */
export async function findingsPage(
  imageId: string,
  filters: FindingsFilters,
): Promise<FindingsPage> {
  const where = conditions(imageId, filters);
  const offset = (filters.page - 1) * filters.pageSize;
  const [rows, severityCounts] = await Promise.all([
    prisma.$queryRaw<FindingListRow[]>`
      SELECT ${LIST_COLUMNS} FROM "Finding"
      WHERE ${Prisma.join(where, " AND ")}
      ORDER BY ${orderBy(filters)}
      LIMIT ${filters.pageSize} OFFSET ${offset}`,
    countBySeverity(imageId, filters),
  ]);
  const counted = filters.severity.length
    ? filters.severity
    : Object.keys(severityCounts);
  const total = counted.reduce((sum, key) => sum + (severityCounts[key] ?? 0), 0);

  return {
    rows: rows.map(normalise),
    total,
    page: filters.page,
    pageSize: filters.pageSize,
    severityCounts,
  };
}

export interface FindingExportRow extends FindingListRow {
  description: string;
  scoreVector: string | null;
  vendorSeverity: string | null;
  referenceUrls: string[];
  sourceUrl: string | null;
  details: FindingDetails | null;
  lastObservedAt: Date | null;
  updatedAt: Date | null;
}

/** Every row the filters select (all pages), in the table's order. */
export async function exportImageFindings(
  user: CurrentUser,
  imageId: string,
  filters: FindingsFilters,
) {
  const image = await prisma.image.findFirst({
    where: { AND: [{ id: imageId }, imageVisibilityWhere(user)] },
    select: {
      id: true,
      version: true,
      arn: true,
      recipe: { select: { name: true } },
    },
  });
  if (!image) return null;

  const rows = await prisma.$queryRaw<FindingExportRow[]>`
    SELECT ${LIST_COLUMNS}, "description", "scoreVector", "vendorSeverity",
      "referenceUrls", "sourceUrl", "details", "lastObservedAt", "updatedAt"
    FROM "Finding"
    WHERE ${Prisma.join(conditions(imageId, filters), " AND ")}
    ORDER BY ${orderBy(filters)}`;

  return { image, rows: rows.map(normalise) };
}

/** Active network reachability findings, shown apart from CVEs. */
export const NETWORK_FINDINGS_ARGS = {
  where: { type: "NETWORK_REACHABILITY", status: "ACTIVE" },
  select: {
    id: true,
    title: true,
    severity: true,
    description: true,
    details: true,
    firstObservedAt: true,
  },
  orderBy: [{ firstObservedAt: "desc" }, { id: "asc" }],
  take: 100,
} satisfies Prisma.Image$findingsArgs;

export async function listNetworkFindings(imageId: string) {
  const { where, ...args } = NETWORK_FINDINGS_ARGS;
  const rows = await prisma.finding.findMany({
    ...args,
    where: { imageId, ...where },
  });

  return networkRows(rows);
}

export function networkRows<T extends { details: unknown }>(rows: T[]) {
  return rows.map((row) => ({
    ...row,
    details: row.details as FindingDetails | null,
  }));
}

function conditions(imageId: string, filters: FindingsFilters): Prisma.Sql[] {
  return [
    ...baseConditions(imageId, filters),
    ...(filters.severity.length
      ? [Prisma.sql`"severity" IN (${Prisma.join(filters.severity)})`]
      : []),
  ];
}

function baseConditions(imageId: string, filters: FindingsFilters) {
  const where = [Prisma.sql`"imageId" = ${imageId}`];
  if (filters.status !== "ALL") {
    where.push(Prisma.sql`"status" = ${filters.status}`);
  }
  if (filters.type !== "ALL") where.push(Prisma.sql`"type" = ${filters.type}`);
  if (filters.fix.length) {
    where.push(Prisma.sql`"fixAvailable" IN (${Prisma.join(filters.fix)})`);
  }
  if (filters.exploit) {
    where.push(
      Prisma.sql`"exploitAvailable" = ${filters.exploit === "yes"}`,
    );
  }
  if (filters.epss !== undefined) {
    where.push(Prisma.sql`"epss" >= ${filters.epss / 100}`);
  }
  if (filters.score !== undefined) {
    where.push(Prisma.sql`"inspectorScore" >= ${filters.score}`);
  }
  if (filters.q) {
    const pattern = `%${filters.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(Prisma.sql`("vulnerabilityId" ILIKE ${pattern}
      OR "packageName" ILIKE ${pattern}
      OR EXISTS (SELECT 1 FROM jsonb_array_elements("packages") AS p
                 WHERE p->>'name' ILIKE ${pattern}))`);
  }

  return where;
}

async function countBySeverity(imageId: string, filters: FindingsFilters) {
  const groups = await prisma.$queryRaw<{ severity: string; n: number }[]>`
    SELECT "severity", count(*)::int AS n FROM "Finding"
    WHERE ${Prisma.join(baseConditions(imageId, filters), " AND ")}
    GROUP BY "severity"`;
  const counts: Record<string, number> = Object.fromEntries(
    FINDING_SEVERITIES.map((severity) => [severity, 0]),
  );
  for (const group of groups) counts[group.severity] = Number(group.n);

  return counts;
}

const SEVERITY_RANK = Prisma.sql`CASE "severity" WHEN 'CRITICAL' THEN 0
  WHEN 'HIGH' THEN 1 WHEN 'MEDIUM' THEN 2 WHEN 'LOW' THEN 3
  WHEN 'INFORMATIONAL' THEN 4 WHEN 'UNTRIAGED' THEN 5 ELSE 6 END`;

const SORT_EXPRESSIONS: Record<SortColumn, Prisma.Sql> = {
  severity: SEVERITY_RANK,
  cve: Prisma.sql`"vulnerabilityId"`,
  package: Prisma.sql`"packageName"`,
  score: Prisma.sql`"inspectorScore"`,
  epss: Prisma.sql`"epss"`,
  exploit: Prisma.sql`"exploitAvailable"`,
  fix: Prisma.sql`CASE "fixAvailable" WHEN 'YES' THEN 0
    WHEN 'PARTIAL' THEN 1 WHEN 'NO' THEN 2 ELSE 3 END`,
  observed: Prisma.sql`"firstObservedAt"`,
};

/** The chosen column, then severity, score, CVE and id: a stable order. */
function orderBy(filters: FindingsFilters): Prisma.Sql {
  const dir = (filters.dir ?? defaultDirection(filters.sort)) === "asc"
    ? Prisma.sql`ASC`
    : Prisma.sql`DESC`;

  return Prisma.sql`${SORT_EXPRESSIONS[filters.sort]} ${dir} NULLS LAST,
    ${SEVERITY_RANK} ASC, "inspectorScore" DESC NULLS LAST,
    "vulnerabilityId" ASC, "id" ASC`;
}

/** Raw rows can carry JSON as text and numbers as strings per driver. */
function normalise<T extends FindingListRow>(row: T): T {
  const json = <V>(value: unknown): V =>
    (typeof value === "string" ? JSON.parse(value) : value) as V;
  const date = (value: unknown) =>
    value === null || value === undefined ? null : new Date(value as string);
  const out = {
    ...row,
    packages: json<FindingPackage[]>(row.packages) ?? [],
    cvss: json<CvssScore[]>(row.cvss) ?? [],
    inspectorScore:
      row.inspectorScore === null ? null : Number(row.inspectorScore),
    epss: row.epss === null ? null : Number(row.epss),
    firstObservedAt: date(row.firstObservedAt),
  };
  if ("details" in row) Object.assign(out, { details: json(row.details) });
  for (const key of ["lastObservedAt", "updatedAt"] as const) {
    if (key in row) Object.assign(out, { [key]: date(row[key as keyof T]) });
  }

  return out;
}
