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
import {
  collectAvailable,
  syncImageState,
  UNFINISHED_WHERE,
} from "./sync-image";

const log = logger.child({ job: "reconciler" });

export const RECONCILER_LEASE = "reconciler";

/** Images one pass looks at, oldest first; the rest wait for the next. */
export const IMAGES_PER_PASS = 200;

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
    take: IMAGES_PER_PASS,
  });

  for (const image of images) {
    try {
      await syncImageState(image.id, log);
    } catch (error) {
      log.warn({ err: error, imageId: image.id }, "sync failed");
    }
  }
  // The findings of every image that is ready, a batch at a time.
  await collectAvailable(
    images.map((image) => image.id),
    log,
  ).catch((error: unknown) =>
    log.warn({ err: error }, "findings collection failed"),
  );

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
