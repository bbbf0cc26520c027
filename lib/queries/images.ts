import "server-only";

import { prisma } from "../db";
import type { Prisma } from "../generated/prisma/client";

const COUNTS = {
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
  ...COUNTS,
} satisfies Prisma.ImageSelect;

/** Every build ever made, newest first. */
export async function listImages(options: { take?: number } = {}) {
  return prisma.image.findMany({
    select: IMAGE_LIST_SELECT,
    orderBy: { createdAt: "desc" },
    take: options.take ?? 200,
  });
}

export type ImageListItem = Awaited<ReturnType<typeof listImages>>[number];

export async function getImage(id: string) {
  return prisma.image.findUnique({
    where: { id },
    select: {
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
    },
  });
}

export type ImageDetail = NonNullable<Awaited<ReturnType<typeof getImage>>>;
