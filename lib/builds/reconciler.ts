import "server-only";

import { paginateListImagePipelineImages } from "@aws-sdk/client-imagebuilder";

import { imagebuilder } from "../aws/clients";
import { prisma } from "../db";
import { env, eventSettings } from "../env";
import { withLease, type LeaseRun } from "../jobs/lease";
import { startPeriodic } from "../jobs/periodic";
import { logger } from "../logger";
import { adoptImage } from "../pipelines/runs";
import { recordSkippedMatches } from "../pipelines/skips";
import { syncImage, UNFINISHED_WHERE } from "./sync-image";

const log = logger.child({ job: "reconciler" });

export const RECONCILER_LEASE = "reconciler";

/**
 * Polls unfinished builds so status and findings arrive even when events
 * are lost or nobody has the image page open. With several portal
 * instances only the holder of the database lease does the work.
 */
export function startReconciler(): void {
  startPeriodic(
    RECONCILER_LEASE,
    env().PORTAL_RECONCILE_SECONDS,
    () => reconcileWithLease(),
    log,
  );
}

export function reconcileWithLease(holder?: string): Promise<LeaseRun> {
  return withLease(
    RECONCILER_LEASE,
    eventSettings().leaseSeconds,
    reconcileOnce,
    holder,
  );
}

/** One pass: adopt pipeline builds the portal missed, then sync. */
export async function reconcileOnce(): Promise<number> {
  await discoverPipelineBuilds();
  await recordSkippedMatches().catch((error: unknown) =>
    log.warn({ err: error }, "skip check failed"),
  );

  const images = await prisma.image.findMany({
    where: UNFINISHED_WHERE,
    select: { id: true },
    orderBy: { createdAt: "asc" },
    take: 50,
  });

  for (const image of images) {
    try {
      await syncImage(image.id, log);
    } catch (error) {
      log.warn({ err: error, imageId: image.id }, "sync failed");
    }
  }

  return images.length;
}

/** Scheduled builds start in Image Builder; find the ones not recorded. */
async function discoverPipelineBuilds(): Promise<void> {
  const pipelines = await prisma.pipeline.findMany({
    where: { scheduleExpression: { not: null } },
    select: { arn: true },
  });

  for (const pipeline of pipelines) {
    try {
      for await (const page of paginateListImagePipelineImages(
        { client: imagebuilder() },
        { imagePipelineArn: pipeline.arn },
      )) {
        for (const summary of page.imageSummaryList ?? []) {
          if (summary.arn) await adoptImage(summary.arn, log);
        }
      }
    } catch (error) {
      log.warn({ err: error, arn: pipeline.arn }, "discovery failed");
    }
  }
}
