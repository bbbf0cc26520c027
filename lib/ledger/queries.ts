import "server-only";

import type { CurrentUser } from "../auth/session";
import { prisma } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { SEVERITY_COUNTS } from "../queries/images";
import type { LedgerQuery } from "../validations/ledger-filters";
import { ledgerOrderBy, ledgerWhere } from "./ledger-query";

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

/** Only what a ledger row shows. */
const LEDGER_ROW_SELECT = {
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
  const where = ledgerWhere(query, user);
  const [rows, total] = await Promise.all([
    prisma.image.findMany({
      where,
      select: LEDGER_ROW_SELECT,
      orderBy: ledgerOrderBy(query),
      skip: (query.page - 1) * query.size,
      take: query.size,
    }),
    prisma.image.count({ where }),
  ]);

  return { rows, total, pages: Math.max(1, Math.ceil(total / query.size)) };
}

export type LedgerRow = Awaited<ReturnType<typeof listLedger>>["rows"][number];

/** Choices for the filter bar. */
export async function ledgerFilterOptions() {
  const [teams, goldens] = await Promise.all([
    prisma.team.findMany({
      orderBy: { name: "asc" },
      select: { slug: true, name: true },
    }),
    prisma.goldenImage.findMany({
      orderBy: { sortOrder: "asc" },
      select: { slug: true, name: true, osVersion: true },
    }),
  ]);
  const osVersions = [...new Set(goldens.map((g) => g.osVersion))].sort();

  return { teams, goldens, osVersions };
}
