import "server-only";

import type { CurrentUser } from "../auth/session";
import { Prisma } from "../generated/prisma/client";
import { visibleImageSql } from "../ledger/visibility";

// The fleet is the latest AVAILABLE, scanned image of each line (recipe).

/** Images that may belong to the fleet: released, scanned and visible. */
export function fleetCandidatesSql(user: CurrentUser): Prisma.Sql {
  return Prisma.sql`i.status = 'AVAILABLE'
    AND i."findingsCollectedAt" IS NOT NULL
    AND ${visibleImageSql(user)}`;
}

/** A `latest` CTE: one row per line, its newest candidate image. */
export function latestCte(user: CurrentUser): Prisma.Sql {
  return Prisma.sql`latest AS (
    SELECT DISTINCT ON (i."recipeId")
      i.id, i."recipeId", i."teamId", i.version, i."createdAt",
      i."awsState", i.critical, i.high, i.medium, i.low,
      i.informational, i.untriaged, i.fixable
    FROM "Image" i
    WHERE ${fleetCandidatesSql(user)}
    ORDER BY i."recipeId", i."createdAt" DESC, i.id DESC
  )`;
}

/** Active package CVEs: what the image severity counts count. */
export const ACTIVE_CVE_SQL = Prisma.sql`f.status = 'ACTIVE'
  AND f.type = 'PACKAGE_VULNERABILITY'`;

/** CRITICAL → 6 … UNTRIAGED → 1, so max() picks the worst severity. */
export const SEVERITY_RANK_SQL = Prisma.sql`CASE f.severity
  WHEN 'CRITICAL' THEN 6 WHEN 'HIGH' THEN 5 WHEN 'MEDIUM' THEN 4
  WHEN 'LOW' THEN 3 WHEN 'INFORMATIONAL' THEN 2 ELSE 1 END`;
