import "server-only";

import type { CurrentUser } from "../auth/session";
import { Prisma } from "../generated/prisma/client";
import type { LedgerQuery } from "../validations/ledger-filters";
import { AWS_STATE_VALUES, DAY_MS, startOfDay } from "./ledger-query";
import { visibleImageSql } from "./visibility";

// The SQL twin of ledgerWhere / ledgerOrderBy (ledger-query.ts) over
// "Image" i JOIN "Team" t, "Recipe" r, "GoldenImage" g, "RecipeVersion"
// rv. tests/integration/ledger-suite.ts checks both give the same rows
// for every filter and sort.

export function ledgerWhereSql(
  query: Partial<LedgerQuery>,
  user: Pick<CurrentUser, "role" | "teamId">,
): Prisma.Sql {
  const and: Prisma.Sql[] = [visibleImageSql(user)];
  if (query.team) and.push(Prisma.sql`t.slug = ${query.team}`);
  if (query.golden) and.push(Prisma.sql`g.slug = ${query.golden}`);
  if (query.os) and.push(Prisma.sql`g."osVersion" = ${query.os}`);
  if (query.status) and.push(Prisma.sql`i.status = ${query.status}`);
  if (query.from) {
    and.push(Prisma.sql`i."createdAt" >= ${startOfDay(query.from)}`);
  }
  if (query.to) {
    const end = new Date(startOfDay(query.to).getTime() + DAY_MS);
    and.push(Prisma.sql`i."createdAt" < ${end}`);
  }
  if (query.severe) and.push(Prisma.sql`(i.critical > 0 OR i.high > 0)`);
  if (query.fixable) and.push(Prisma.sql`i.fixable > 0`);
  if (query.aws === "present") and.push(Prisma.sql`i."awsState" IS NULL`);
  else if (query.aws) {
    and.push(Prisma.sql`i."awsState" = ${AWS_STATE_VALUES[query.aws]}`);
  }

  return Prisma.join(and, " AND ");
}

export function ledgerOrderSql(
  query: Pick<LedgerQuery, "sort" | "dir">,
): Prisma.Sql {
  const dir = query.dir === "asc" ? Prisma.sql`ASC` : Prisma.sql`DESC`;
  const tie = query.sort === "created" ? dir : Prisma.sql`DESC`;
  const column = (sql: Prisma.Sql) => Prisma.sql`${sql} ${dir}`;
  const primary: Record<LedgerQuery["sort"], Prisma.Sql[]> = {
    created: [],
    status: [column(Prisma.sql`i.status`)],
    team: [column(Prisma.sql`t.name`)],
    recipe: [column(Prisma.sql`r.name`)],
    version: [column(Prisma.sql`r.name`), column(Prisma.sql`rv."createdAt"`)],
    golden: [column(Prisma.sql`g.name`)],
    critical: [column(Prisma.sql`i.critical`), column(Prisma.sql`i.high`)],
    high: [column(Prisma.sql`i.high`), column(Prisma.sql`i.critical`)],
    total: [Prisma.sql`i."totalFindings" ${dir} NULLS LAST`],
  };

  return Prisma.join(
    [
      ...primary[query.sort],
      Prisma.sql`i."createdAt" ${tie}`,
      Prisma.sql`i.id ${tie}`,
    ],
    ", ",
  );
}
