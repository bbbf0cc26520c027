import type { CurrentUser } from "../auth/session";
import type { Prisma } from "../generated/prisma/client";
import type { LedgerQuery } from "../validations/ledger-filters";
import { imageVisibilityWhere } from "./visibility";

export const DAY_MS = 24 * 60 * 60 * 1000;

export const AWS_STATE_VALUES = {
  deprecated: "DEPRECATED",
  disabled: "DISABLED",
  deleted: "DELETED",
} as const;

/** The ledger's filters plus what the viewer may see, as one where. */
export function ledgerWhere(
  query: Partial<LedgerQuery>,
  user: Pick<CurrentUser, "role" | "teamId">,
): Prisma.ImageWhereInput {
  const and: Prisma.ImageWhereInput[] = [imageVisibilityWhere(user)];
  if (query.team) and.push({ team: { slug: query.team } });
  if (query.golden) and.push({ goldenImage: { slug: query.golden } });
  if (query.os) and.push({ goldenImage: { osVersion: query.os } });
  if (query.status) and.push({ status: query.status });
  if (query.from || query.to) {
    and.push({
      createdAt: {
        ...(query.from ? { gte: startOfDay(query.from) } : {}),
        // `to` is a whole day: everything before the next midnight (UTC).
        ...(query.to ? { lt: new Date(startOfDay(query.to).getTime() + DAY_MS) } : {}),
      },
    });
  }
  if (query.severe) and.push({ OR: [{ critical: { gt: 0 } }, { high: { gt: 0 } }] });
  if (query.fixable) and.push({ fixable: { gt: 0 } });
  if (query.aws === "present") and.push({ awsState: null });
  else if (query.aws) and.push({ awsState: AWS_STATE_VALUES[query.aws] });

  return { AND: and.filter((part) => Object.keys(part).length > 0) };
}

/**
 * The sort of one column, then newest first and the id, so rows with equal
 * values keep one order from page to page.
 */
export function ledgerOrderBy(
  query: Pick<LedgerQuery, "sort" | "dir">,
): Prisma.ImageOrderByWithRelationInput[] {
  const dir = query.dir;
  const tieBreak: Prisma.ImageOrderByWithRelationInput[] = [
    { createdAt: query.sort === "created" ? dir : "desc" },
    { id: query.sort === "created" ? dir : "desc" },
  ];

  return [...primary(query.sort, dir), ...tieBreak];
}

function primary(
  sort: LedgerQuery["sort"],
  dir: Prisma.SortOrder,
): Prisma.ImageOrderByWithRelationInput[] {
  switch (sort) {
    case "created":
      return [];
    case "status":
      return [{ status: dir }];
    case "team":
      return [{ team: { name: dir } }];
    case "recipe":
      return [{ recipe: { name: dir } }];
    case "version":
      // Versions only go up within a line (the composer refuses lower
      // ones), so the recipe version's creation order is version order.
      return [{ recipe: { name: dir } }, { recipeVersion: { createdAt: dir } }];
    case "golden":
      return [{ goldenImage: { name: dir } }];
    case "critical":
      return [{ critical: dir }, { high: dir }];
    case "high":
      return [{ high: dir }, { critical: dir }];
    case "total":
      return [{ totalFindings: { sort: dir, nulls: "last" } }];
  }
}

export function startOfDay(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}
