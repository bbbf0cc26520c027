import "server-only";

import { GetImageCommand } from "@aws-sdk/client-imagebuilder";

import { audit } from "../audit";
import { imagebuilder } from "../aws/clients";
import { prisma } from "../db";
import { awsStateSettings } from "../env";
import { withLease, type LeaseRun } from "../jobs/lease";
import { startPeriodic } from "../jobs/periodic";
import { logger } from "../logger";

const log = logger.child({ job: "aws-state" });

export const AWS_STATE_LEASE = "aws-state";

/** What the portal records; null while Image Builder offers the image. */
export type AwsState = "DEPRECATED" | "DISABLED" | "DELETED" | null;

/** Finished builds, the only ones lifecycle management can touch. */
const FINISHED = ["AVAILABLE", "FAILED", "CANCELLED"];

/**
 * Periodically asks Image Builder about finished images, oldest-checked
 * first, so the ledger can mark those deprecated, disabled or deleted
 * there. Only the holder of the lease works; nothing is ever deleted.
 */
export function startAwsStateCheck(): void {
  startPeriodic(
    AWS_STATE_LEASE,
    awsStateSettings().intervalSeconds,
    () => checkAwsStateWithLease(),
    log,
  );
}

export function checkAwsStateWithLease(holder?: string): Promise<LeaseRun> {
  const { leaseSeconds } = awsStateSettings();

  return withLease(AWS_STATE_LEASE, leaseSeconds, checkAwsStateOnce, holder);
}

/** One bounded pass; returns how many images were checked. */
export async function checkAwsStateOnce(): Promise<number> {
  const images = await prisma.image.findMany({
    // A deletion is final: such images are not asked about again.
    where: {
      status: { in: FINISHED },
      OR: [{ awsState: null }, { awsState: { not: "DELETED" } }],
    },
    select: { id: true, arn: true, awsState: true },
    orderBy: [
      { awsCheckedAt: { sort: "asc", nulls: "first" } },
      { createdAt: "asc" },
    ],
    take: awsStateSettings().batch,
  });

  for (const image of images) {
    let state: AwsState;
    let reason: string;
    try {
      ({ state, reason } = await askImageBuilder(image.arn));
    } catch (error) {
      // Checked again next round; the others in the batch still run.
      log.warn({ err: error, imageId: image.id }, "state check failed");
      await prisma.image.update({
        where: { id: image.id },
        data: { awsCheckedAt: new Date() },
      });
      continue;
    }
    await record(image, state, reason);
  }

  return images.length;
}

// LIMITATION: this asks Image Builder about its image resource only; an
// AMI deregistered in EC2 (or in a target account) while Image Builder
// still lists the image is not noticed, as the portal has no EC2 client.
async function askImageBuilder(
  arn: string,
): Promise<{ state: AwsState; reason: string }> {
  try {
    const out = await imagebuilder().send(
      new GetImageCommand({ imageBuildVersionArn: arn }),
    );
    const status = out.image?.state?.status ?? "";

    return {
      state: awsStateOf(status),
      reason:
        out.image?.state?.reason ?? `Image Builder reports the image ${status}.`,
    };
  } catch (error) {
    if (error instanceof Error && error.name === "ResourceNotFoundException") {
      return {
        state: "DELETED",
        reason: "Image Builder no longer knows the image (deleted).",
      };
    }
    throw error;
  }
}

/** The ledger's mark for an Image Builder image status. */
export function awsStateOf(status: string): AwsState {
  if (status === "DEPRECATED" || status === "DISABLED" || status === "DELETED") {
    return status;
  }

  return null;
}

async function record(
  image: { id: string; awsState: string | null },
  state: AwsState,
  reason: string,
): Promise<void> {
  const now = new Date();
  if (state === image.awsState) {
    await prisma.image.update({
      where: { id: image.id },
      data: { awsCheckedAt: now },
    });

    return;
  }

  await prisma.$transaction(async (tx) => {
    // Conditional: a concurrent pass that recorded it first wins.
    const changed = await tx.image.updateMany({
      where: { id: image.id, awsState: image.awsState },
      data: { awsState: state, awsStateAt: now, awsCheckedAt: now },
    });
    if (changed.count === 0) return;

    await tx.imageStatusEvent.create({
      data: {
        imageId: image.id,
        status: state ?? "BACK_IN_AWS",
        reason,
        at: now,
      },
    });
    await audit(tx, {
      actorId: null,
      action: "image.aws-state",
      entityType: "Image",
      entityId: image.id,
      details: { from: image.awsState, to: state, reason },
    });
  });
  log.info({ imageId: image.id, from: image.awsState, to: state }, "aws state");
}
