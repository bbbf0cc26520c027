import "server-only";

import { prisma } from "../db";
import type { Prisma } from "../generated/prisma/client";

/**
 * The ledger facts of one image the page shows beside the build: the
 * recipe snapshot with each component version's approval, the golden
 * parent, the pipeline and what AWS says of the image now. The caller has
 * already checked the image is visible.
 */
export async function getLedgerRecord(imageId: string) {
  return prisma.image.findUnique({
    relationLoadStrategy: "join",
    where: { id: imageId },
    select: LEDGER_RECORD_SELECT,
  });
}

/** The ledger facts of an image, as getLedgerRecord reads them. */
export const LEDGER_RECORD_SELECT = {
  createdAt: true,
  finishedAt: true,
  awsState: true,
  awsStateAt: true,
  awsCheckedAt: true,
  scanStatus: true,
  buildType: true,
  recipeId: true,
  createdBy: { select: { name: true, email: true } },
  pipeline: { select: { id: true, name: true } },
  goldenImage: {
    select: {
      name: true,
      slug: true,
      osVersion: true,
      platform: true,
      architecture: true,
      parentImage: true,
    },
  },
  recipeVersion: {
    select: {
      version: true,
      description: true,
      parentImage: true,
      createdAt: true,
      createdBy: { select: { name: true } },
      components: {
        orderBy: { position: "asc" },
        select: {
          position: true,
          parameters: true,
          componentVersion: {
            select: {
              version: true,
              status: true,
              arn: true,
              reviewedAt: true,
              publishedAt: true,
              reviewedBy: { select: { name: true } },
              component: { select: { name: true, type: true } },
            },
          },
        },
      },
    },
  },
} satisfies Prisma.ImageSelect;

export type LedgerRecord = NonNullable<
  Awaited<ReturnType<typeof getLedgerRecord>>
>;
