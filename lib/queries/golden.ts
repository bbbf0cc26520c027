import "server-only";

import { prisma } from "../db";

const COUNTS = {
  critical: true,
  high: true,
  medium: true,
  low: true,
  informational: true,
  untriaged: true,
} as const;

export async function listGoldenImages() {
  const rows = await prisma.goldenImage.findMany({
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
        where: { findingsCollectedAt: { not: null } },
        orderBy: { createdAt: "desc" },
        take: 1,
        select: { id: true, createdAt: true, ...COUNTS },
      },
      _count: { select: { images: true } },
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
