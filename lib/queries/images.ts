import "server-only";

import type { CurrentUser } from "../auth/session";
import { prisma } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { imageVisibilityWhere } from "../ledger/visibility";

/** The per-severity counts of an image, as stored on its row. */
export const SEVERITY_COUNTS = {
  critical: true,
  high: true,
  medium: true,
  low: true,
  informational: true,
  untriaged: true,
} as const;

export const IMAGE_LIST_SELECT = {
  id: true,
  arn: true,
  version: true,
  status: true,
  createdAt: true,
  findingsCollectedAt: true,
  team: { select: { name: true } },
  goldenImage: { select: { name: true, slug: true } },
  recipeVersion: {
    select: { version: true, recipe: { select: { name: true } } },
  },
  amis: {
    select: { region: true, accountId: true, amiId: true },
    orderBy: [{ region: "asc" }, { accountId: "asc" }],
  },
  ...SEVERITY_COUNTS,
} satisfies Prisma.ImageSelect;

/** One image, or null when it does not exist or the viewer may not see it. */
export async function getImage(
  id: string,
  viewer: Pick<CurrentUser, "role" | "teamId">,
) {
  return prisma.image.findFirst({
    // One statement with LATERAL joins instead of one per relation.
    relationLoadStrategy: "join",
    where: { id, ...imageVisibilityWhere(viewer) },
    select: IMAGE_DETAIL_SELECT,
  });
}

/** What the image page's build sections read of one image. */
export const IMAGE_DETAIL_SELECT = {
  ...IMAGE_LIST_SELECT,
  statusReason: true,
  scanStatus: true,
  buildType: true,
  finishedAt: true,
  infrastructureArn: true,
  distributionArn: true,
  createdBy: { select: { name: true } },
  goldenImage: {
    select: { name: true, slug: true, osVersion: true, parentImage: true },
  },
  recipeVersion: {
    select: {
      version: true,
      arn: true,
      recipe: { select: { name: true } },
      components: {
        orderBy: { position: "asc" },
        select: {
          parameters: true,
          componentVersion: {
            select: {
              version: true,
              arn: true,
              component: { select: { name: true, type: true } },
            },
          },
        },
      },
    },
  },
  events: {
    orderBy: { at: "asc" },
    select: { status: true, reason: true, at: true },
  },
} satisfies Prisma.ImageSelect;

export type ImageDetail = NonNullable<Awaited<ReturnType<typeof getImage>>>;
