import "server-only";

import type { CurrentUser } from "../auth/session";
import { prisma } from "../db";
import { visibleImageSql } from "../ledger/visibility";

interface GoldenRow {
  id: string;
  slug: string;
  name: string;
  osVersion: string;
  platform: string;
  architecture: string;
  currentVersion: string;
  parentImage: string;
  description: string;
  ownerTeam: string;
  buildCount: number;
  latestId: string | null;
  latestAt: Date | string | null;
  critical: number | null;
  high: number | null;
  medium: number | null;
  low: number | null;
  informational: number | null;
  untriaged: number | null;
}

/** Each golden AMI with the latest scanned build the viewer may see. */
export async function listGoldenImages(
  viewer: Pick<CurrentUser, "role" | "teamId">,
) {
  // One statement: the latest scan is one index probe per golden image
  // (LATERAL ... LIMIT 1 on Image(goldenImageId, createdAt)); Prisma's
  // nested take would read every scanned image and keep one in memory.
  const visible = visibleImageSql(viewer);
  const rows = await prisma.$queryRaw<GoldenRow[]>`
    SELECT g.id, g.slug, g.name, g."osVersion", g.platform, g.architecture,
      g."currentVersion", g."parentImage", g.description,
      t.name AS "ownerTeam",
      (SELECT count(*)::int FROM "Image" AS i
        WHERE i."goldenImageId" = g.id AND ${visible}) AS "buildCount",
      latest.id AS "latestId", latest."createdAt" AS "latestAt",
      latest.critical, latest.high, latest.medium, latest.low,
      latest.informational, latest.untriaged
    FROM "GoldenImage" AS g
    JOIN "Team" AS t ON t.id = g."ownerTeamId"
    LEFT JOIN LATERAL (
      SELECT i.id, i."createdAt", i.critical, i.high, i.medium, i.low,
        i.informational, i.untriaged
      FROM "Image" AS i
      WHERE i."goldenImageId" = g.id AND i."findingsCollectedAt" IS NOT NULL
        AND ${visible}
      ORDER BY i."createdAt" DESC
      LIMIT 1
    ) AS latest ON true
    ORDER BY g."sortOrder"`;

  return rows.map(({ ownerTeam, buildCount, latestId, latestAt, ...rest }) => {
    const { critical, high, medium, low, informational, untriaged, ...golden } =
      rest;

    return {
      ...golden,
      ownerTeam: { name: ownerTeam },
      buildCount: Number(buildCount),
      latestScan:
        latestId === null || latestAt === null
          ? null
          : {
              id: latestId,
              createdAt: new Date(latestAt),
              critical: Number(critical),
              high: Number(high),
              medium: Number(medium),
              low: Number(low),
              informational: Number(informational),
              untriaged: Number(untriaged),
            },
    };
  });
}

export type GoldenListItem = Awaited<
  ReturnType<typeof listGoldenImages>
>[number];

export async function getGoldenImage(slug: string) {
  return prisma.goldenImage.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      name: true,
      osVersion: true,
      platform: true,
      architecture: true,
      currentVersion: true,
      parentImage: true,
      ownerTeam: { select: { name: true } },
    },
  });
}
