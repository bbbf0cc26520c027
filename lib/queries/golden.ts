import "server-only";

import type { CurrentUser } from "../auth/session";
import { prisma } from "../db";
import { imageVisibilityWhere } from "../ledger/visibility";
import { SEVERITY_COUNTS } from "./images";

/** Each golden AMI with the latest scanned build the viewer may see. */
export async function listGoldenImages(
  viewer: Pick<CurrentUser, "role" | "teamId">,
) {
  const visible = imageVisibilityWhere(viewer);
  // Joins apply the nested take in SQL (LATERAL ... LIMIT 1); the query
  // strategy would read every scanned image and keep one in memory.
  const rows = await prisma.goldenImage.findMany({
    relationLoadStrategy: "join",
    orderBy: { sortOrder: "asc" },
    select: {
      id: true,
      slug: true,
      name: true,
      osVersion: true,
      platform: true,
      architecture: true,
      currentVersion: true,
      parentImage: true,
      description: true,
      ownerTeam: { select: { name: true } },
      images: {
        where: { AND: [visible, { findingsCollectedAt: { not: null } }] },
        orderBy: { createdAt: "desc" },
        take: 1,
        select: { id: true, createdAt: true, ...SEVERITY_COUNTS },
      },
      _count: { select: { images: { where: visible } } },
    },
  });

  return rows.map(({ images, _count, ...golden }) => ({
    ...golden,
    buildCount: _count.images,
    latestScan: images[0] ?? null,
  }));
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
