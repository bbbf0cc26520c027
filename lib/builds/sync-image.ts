import "server-only";

import { GetImageCommand } from "@aws-sdk/client-imagebuilder";

import { imagebuilder } from "../aws/clients";
import { prisma } from "../db";
import type { Logger } from "../logger";
import { collectFindings } from "./collect-findings";
import { afterFindingsCollected, afterStatusChange } from "./follow-ups";
import { TERMINAL_STATUSES } from "./status";

/** Images whose build or findings collection is not finished yet. */
export const UNFINISHED_WHERE = {
  OR: [
    { status: { notIn: TERMINAL_STATUSES } },
    { status: "AVAILABLE", findingsCollectedAt: null },
  ],
};

/**
 * Brings one image up to date with Image Builder and, once it is
 * AVAILABLE, collects its Inspector findings. Safe to run concurrently:
 * status changes are conditional updates and findings are upserts.
 */
export async function syncImage(imageId: string, log: Logger): Promise<void> {
  await syncImageState(imageId, log);
  await collectAvailable([imageId], log);
}

/** The status, reason and AMIs of an unfinished build, from GetImage. */
export async function syncImageState(
  imageId: string,
  log: Logger,
): Promise<void> {
  const image = await prisma.image.findUnique({
    where: { id: imageId },
    select: { id: true, arn: true, status: true },
  });
  if (image && !TERMINAL_STATUSES.includes(image.status)) {
    await syncState(image, log);
  }
}

async function syncState(
  image: { id: string; arn: string; status: string },
  log: Logger,
): Promise<void> {
  const out = await imagebuilder().send(
    new GetImageCommand({ imageBuildVersionArn: image.arn }),
  );
  const state = out.image?.state;
  const status = state?.status ?? image.status;
  const amis = out.image?.outputResources?.amis ?? [];

  const changedTo = await prisma.$transaction(async (tx) => {
    const changed = await tx.image.updateMany({
      where: { id: image.id, status: image.status },
      data: {
        status,
        statusReason: state?.reason ?? null,
        scanStatus: out.image?.scanState?.status ?? null,
        lastSyncedAt: new Date(),
        ...(TERMINAL_STATUSES.includes(status)
          ? { finishedAt: new Date() }
          : {}),
      },
    });
    if (changed.count === 1 && status !== image.status) {
      await tx.imageStatusEvent.create({
        data: { imageId: image.id, status, reason: state?.reason },
      });
      log.info({ imageId: image.id, from: image.status, to: status }, "status");
    }

    for (const ami of amis) {
      if (!ami.image || !ami.region) continue;

      const accountId = ami.accountId ?? "";
      await tx.imageAmi.upsert({
        where: {
          imageId_region_accountId: {
            imageId: image.id,
            region: ami.region,
            accountId,
          },
        },
        update: { amiId: ami.image, name: ami.name },
        create: {
          imageId: image.id,
          region: ami.region,
          accountId,
          amiId: ami.image,
          name: ami.name,
        },
      });
    }

    return changed.count === 1 && status !== image.status ? status : null;
  });
  if (changedTo) await afterStatusChange(image.id, changedTo, log);
}

/**
 * Collects the findings of those images that are AVAILABLE and not yet
 * collected, then runs each one's follow-ups. Asked for one image, a
 * failure is thrown; for several, each is logged and the next pass tries
 * those images again.
 */
export async function collectAvailable(
  imageIds: string[],
  log: Logger,
): Promise<void> {
  const ready = await prisma.image.findMany({
    where: {
      id: { in: imageIds },
      status: "AVAILABLE",
      findingsCollectedAt: null,
    },
    select: { id: true },
    orderBy: { createdAt: "asc" },
  });
  if (ready.length === 0) return;

  const { saved, failed } = await collectFindings(
    ready.map((image) => image.id),
    log,
  );
  for (const id of saved) await afterFindingsCollected(id, log);

  if (imageIds.length === 1 && failed.size > 0) {
    throw [...failed.values()][0];
  }
  for (const [imageId, error] of failed) {
    log.warn({ err: error, imageId }, "findings collection failed");
  }
}
