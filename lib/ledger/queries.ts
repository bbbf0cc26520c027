import "server-only";

import type { CurrentUser } from "../auth/session";
import { prisma } from "../db";
import type { SeverityCounts } from "../findings/map-finding";
import type { Prisma } from "../generated/prisma/client";
import { SEVERITY_COUNTS } from "../queries/images";
import type { LedgerQuery } from "../validations/ledger-filters";
import { ledgerOrderSql, ledgerWhereSql } from "./ledger-sql";

/** An image as ledger lists show it; counts are the row's own columns. */
export const IMAGE_SUMMARY_SELECT = {
  id: true,
  version: true,
  status: true,
  awsState: true,
  awsStateAt: true,
  createdAt: true,
  findingsCollectedAt: true,
  ...SEVERITY_COUNTS,
  totalFindings: true,
} satisfies Prisma.ImageSelect;

/**
 * Only what a ledger row shows, as a Prisma select: what listLedger's raw
 * statement returns (the integration test compares the two).
 */
export const LEDGER_ROW_SELECT = {
  ...IMAGE_SUMMARY_SELECT,
  fixable: true,
  team: { select: { name: true } },
  recipe: { select: { id: true, name: true } },
  goldenImage: { select: { name: true, osVersion: true } },
  amis: {
    select: { region: true, accountId: true, amiId: true },
    orderBy: [{ region: "asc" }, { accountId: "asc" }],
  },
} satisfies Prisma.ImageSelect;

/** One page of the ledger and the number of images matching the filters. */
export async function listLedger(
  user: Pick<CurrentUser, "role" | "teamId">,
  query: LedgerQuery,
) {
  // Raw statements: Prisma's nested select costs more to compile than
  // PostgreSQL takes to answer it.
  const where = ledgerWhereSql(query, user);
  // The AMIs are a subquery of the select list, so PostgreSQL reads them
  // for the rows of the page only; the total is counted alongside.
  const [rows, counted] = await Promise.all([
    prisma.$queryRaw<RawLedgerRow[]>`
      SELECT i.id, i.version, i.status, i."awsState", i."awsStateAt",
        i."createdAt", i."findingsCollectedAt", i.critical, i.high,
        i.medium, i.low, i.informational, i.untriaged, i."totalFindings",
        i.fixable, t.name AS "teamName", r.id AS "recipeId",
        r.name AS "recipeName", g.name AS "goldenName", g."osVersion",
        (SELECT coalesce(json_agg(json_build_object('region', a.region,
            'accountId', a."accountId", 'amiId', a."amiId")
            ORDER BY a.region, a."accountId"), '[]')
          FROM "ImageAmi" a WHERE a."imageId" = i.id) AS amis
      FROM "Image" i
      JOIN "Team" t ON t.id = i."teamId"
      JOIN "Recipe" r ON r.id = i."recipeId"
      JOIN "GoldenImage" g ON g.id = i."goldenImageId"
      JOIN "RecipeVersion" rv ON rv.id = i."recipeVersionId"
      WHERE ${where}
      ORDER BY ${ledgerOrderSql(query)}
      LIMIT ${query.size} OFFSET ${(query.page - 1) * query.size}`,
    prisma.$queryRaw<{ total: number }[]>`
      SELECT count(*)::int AS total
      FROM "Image" i
      JOIN "Team" t ON t.id = i."teamId"
      JOIN "GoldenImage" g ON g.id = i."goldenImageId"
      WHERE ${where}`,
  ]);
  const total = Number(counted[0].total);

  return {
    rows: rows.map(ledgerRow),
    total,
    pages: Math.max(1, Math.ceil(total / query.size)),
  };
}

interface RawLedgerRow extends SeverityCounts {
  id: string;
  version: string;
  status: string;
  awsState: string | null;
  awsStateAt: Date | string | null;
  createdAt: Date | string;
  findingsCollectedAt: Date | string | null;
  totalFindings: number | null;
  fixable: number;
  teamName: string;
  recipeId: string;
  recipeName: string;
  goldenName: string;
  osVersion: string;
  amis: { region: string; accountId: string; amiId: string }[] | string;
}

/** The row as the ledger table takes it (dates as Dates, JSON parsed). */
function ledgerRow(row: RawLedgerRow) {
  const date = (value: Date | string | null) =>
    value === null ? null : new Date(value);
  const {
    teamName,
    recipeId,
    recipeName,
    goldenName,
    osVersion,
    amis,
    ...image
  } = row;

  return {
    ...image,
    awsStateAt: date(image.awsStateAt),
    createdAt: new Date(image.createdAt),
    findingsCollectedAt: date(image.findingsCollectedAt),
    totalFindings:
      image.totalFindings === null ? null : Number(image.totalFindings),
    team: { name: teamName },
    recipe: { id: recipeId, name: recipeName },
    goldenImage: { name: goldenName, osVersion },
    amis: (typeof amis === "string" ? JSON.parse(amis) : amis) as Exclude<
      RawLedgerRow["amis"],
      string
    >,
  };
}

export type LedgerRow = Awaited<ReturnType<typeof listLedger>>["rows"][number];

/** Choices for the filter bar (one statement for both lists). */
export async function ledgerFilterOptions() {
  const [row] = await prisma.$queryRaw<{ choices: string }[]>`
    SELECT json_build_object(
      'teams', (SELECT coalesce(json_agg(json_build_object(
          'slug', slug, 'name', name) ORDER BY name), '[]') FROM "Team"),
      'goldens', (SELECT coalesce(json_agg(json_build_object(
          'slug', slug, 'name', name, 'osVersion', "osVersion")
          ORDER BY "sortOrder"), '[]') FROM "GoldenImage")
    )::text AS choices`;
  const { teams, goldens } = JSON.parse(row.choices) as {
    teams: { slug: string; name: string }[];
    goldens: { slug: string; name: string; osVersion: string }[];
  };
  const osVersions = [...new Set(goldens.map((g) => g.osVersion))].sort();

  return { teams, goldens, osVersions };
}
