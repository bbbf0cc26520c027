import "server-only";

import { GetImageCommand } from "@aws-sdk/client-imagebuilder";
import { paginateListFindings } from "@aws-sdk/client-inspector2";

import { audit } from "../audit";
import { awsClients, imagebuilder } from "../aws/clients";
import { prisma } from "../db";
import { ingestFindings, recomputeImageCounts } from "../findings/ingest";
import type { Logger } from "../logger";
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
  const image = await prisma.image.findUnique({
    where: { id: imageId },
    select: { id: true, arn: true, status: true, findingsCollectedAt: true },
  });
  if (!image) return;

  const done = TERMINAL_STATUSES.includes(image.status);
  if (done && (image.status !== "AVAILABLE" || image.findingsCollectedAt)) {
    return;
  }

  if (!done) await syncState(image, log);

  // Only a state sync can have changed the row since it was read.
  const now = done
    ? image
    : await prisma.image.findUnique({
        where: { id: imageId },
        select: { status: true, findingsCollectedAt: true },
      });
  if (now?.status === "AVAILABLE" && !now.findingsCollectedAt) {
    const saved = await collectFindings(imageId, log);
    if (saved) await afterFindingsCollected(imageId, log);
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
        ...(TERMINAL_STATUSES.includes(status) ? { finishedAt: new Date() } : {}),
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

// LIMITATION: one image per ListFindings call and per transaction; the
// cost per image (SDK call, ~10 statements, Prisma compile) bounds the
// rate at a few hundred findings/s, far below a bulk insert (see README,
// "Performance at fleet scale"). Batching images would close the gap.
/**
 * Inspector scans the instance Image Builder launches from the new AMI, so
 * findings are found by the AMI id in the build region. True when this
 * call saved them (the follow-ups are then the caller's).
 */
export async function collectFindings(
  imageId: string,
  log: Logger,
): Promise<boolean> {
  const { inspector } = awsClients();
  const region = await inspector.config.region();
  const amis = await prisma.imageAmi.findMany({
    where: { imageId },
    select: { amiId: true, region: true },
  });
  const scanned = amis.find((ami) => ami.region === region) ?? amis[0];
  if (!scanned) return false;

  const rows: unknown[] = [];
  for await (const page of paginateListFindings(
    { client: inspector, pageSize: 100 },
    {
      filterCriteria: {
        ec2InstanceImageId: [{ comparison: "EQUALS", value: scanned.amiId }],
      },
    },
  )) {
    rows.push(...(page.findings ?? []));
  }

  const saved = await saveFindings(imageId, rows);
  log.info({ imageId, findings: rows.length }, "findings collected");

  return saved;
}

async function saveFindings(imageId: string, rows: unknown[]) {
  return prisma.$transaction(async (tx) => {
    // Only the first collector saves: a concurrent one changes nothing.
    const claimed = await tx.image.updateMany({
      where: { id: imageId, findingsCollectedAt: null },
      data: { findingsCollectedAt: new Date() },
    });
    if (claimed.count === 0) return false;

    const result = await ingestFindings(tx, rows);
    // The ingest recomputed the counts of every image it touched.
    const counts =
      result.counts.get(imageId) ?? (await recomputeImageCounts(tx, imageId));
    await audit(tx, {
      actorId: null,
      action: "image.findings.collect",
      entityType: "Image",
      entityId: imageId,
      details: { ...counts, total: rows.length, ...resultCounts(result) },
    });

    return true;
  });
}

function resultCounts(result: Awaited<ReturnType<typeof ingestFindings>>) {
  return {
    attached: result.attached,
    resource: result.resource,
    malformed: result.malformed,
  };
}
