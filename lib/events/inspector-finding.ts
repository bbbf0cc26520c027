import "server-only";

import { prisma } from "../db";
import { mapFinding, emptyCounts } from "../findings/map-finding";
import type { Logger } from "../logger";
import { parseEventTime, type EventEnvelope } from "./envelope";

/**
 * A finding Inspector reported for the test instance of a portal image.
 * Before the image's findings are collected the collection will pick it
 * up; afterwards it is upserted and the counts recomputed.
 */
// LIMITATION: findings arriving after the first collection update the
// counts but send no second digest (one digest per image).
export async function applyInspectorFinding(
  event: EventEnvelope,
  log: Logger,
) {
  const detail = event.detail;
  const resources = (detail.resources ?? []) as {
    details?: { awsEc2Instance?: { imageId?: string } };
  }[];
  const amiId = resources[0]?.details?.awsEc2Instance?.imageId;
  if (!amiId) return { status: "ignored" as const, detail: "no AMI id" };

  const ami = await prisma.imageAmi.findFirst({
    where: { amiId },
    select: { image: { select: { id: true, findingsCollectedAt: true } } },
  });
  if (!ami) return { status: "ignored" as const, detail: "unknown AMI" };
  if (!ami.image.findingsCollectedAt) {
    return { status: "ignored" as const, detail: "collection pending" };
  }

  const row = mapFinding({
    ...detail,
    firstObservedAt: parseEventTime(detail.firstObservedAt) ?? undefined,
    lastObservedAt: parseEventTime(detail.lastObservedAt) ?? undefined,
    updatedAt: parseEventTime(detail.updatedAt) ?? undefined,
  });
  const imageId = ami.image.id;

  await prisma.$transaction(async (tx) => {
    await tx.finding.upsert({
      where: { imageId_findingArn: { imageId, findingArn: row.findingArn } },
      update: { ...row, packages: row.packages },
      create: { ...row, imageId, packages: row.packages, raw: {} },
    });
    const rows = await tx.finding.groupBy({
      by: ["severity"],
      where: { imageId },
      _count: { _all: true },
    });
    const counts = emptyCounts();
    for (const group of rows) {
      const key = group.severity.toLowerCase() as keyof typeof counts;
      if (key in counts) counts[key] = group._count._all;
    }
    await tx.image.update({ where: { id: imageId }, data: counts });
  });
  log.info({ imageId, finding: row.vulnerabilityId }, "finding event applied");

  return { status: "applied" as const, detail: `${imageId} finding` };
}
