import "server-only";

import type { Tx } from "../db";
import { Prisma } from "../generated/prisma/client";
import {
  emptyCounts,
  installedVersion,
  PACKAGE_VULNERABILITY,
  parseFinding,
  type ParsedFinding,
  type Severity,
} from "./map-finding";

export interface IngestResult {
  /** Findings stored on portal images (new or updated). */
  attached: number;
  /** Findings of other resources: containers, functions, unknown AMIs. */
  resource: number;
  /** Findings without findingArn, stored once per ingest and flagged. */
  malformed: number;
  /** Images whose counts were recomputed. */
  imageIds: string[];
  /** Those images' new counts. */
  counts: Map<string, ImageCounts>;
}

export type ImageCounts = Awaited<ReturnType<typeof recomputeImageCounts>>;

/**
 * The one way findings enter the portal, from a build's collection or an
 * Inspector event. A finding on the AMI of a portal image lands in
 * `Finding` (same ARN = same row), anything else in `ResourceFinding`. The
 * counts of every touched image are then recomputed from its rows.
 */
export async function ingestFindings(
  tx: Tx,
  raws: unknown[],
): Promise<IngestResult> {
  const parsed = raws.map((raw) => ({ ...parseFinding(raw), raw }));
  const amiIds = [
    ...new Set(parsed.flatMap((finding) => finding.resource?.amiId ?? [])),
  ];
  const amis = amiIds.length
    ? await tx.imageAmi.findMany({
        where: { amiId: { in: amiIds } },
        select: { amiId: true, imageId: true },
      })
    : [];
  const imageOfAmi = new Map(amis.map((ami) => [ami.amiId, ami.imageId]));

  const byImage = new Map<string, Map<string, ParsedFinding>>();
  const others: (ParsedFinding & { raw: unknown })[] = [];
  for (const finding of parsed) {
    const amiId = finding.resource?.amiId;
    const imageId = amiId ? imageOfAmi.get(amiId) : undefined;
    if (!imageId || !finding.findingArn) {
      others.push(finding);
      continue;
    }
    const rows = byImage.get(imageId) ?? new Map<string, ParsedFinding>();
    const earlier = rows.get(finding.findingArn);
    if (!earlier || !isOlder(finding, earlier)) {
      rows.set(finding.findingArn, finding);
    }
    byImage.set(imageId, rows);
  }

  let attached = 0;
  const counts = new Map<string, ImageCounts>();
  for (const [imageId, rows] of byImage) {
    attached += await saveImageFindings(tx, imageId, [...rows.values()]);
    counts.set(imageId, await recomputeImageCounts(tx, imageId));
  }
  for (const finding of others) await saveResourceFinding(tx, finding);

  return {
    attached,
    resource: others.filter((finding) => finding.findingArn).length,
    malformed: others.filter((finding) => !finding.findingArn).length,
    imageIds: [...byImage.keys()],
    counts,
  };
}

/** Image counts from its rows: ACTIVE package CVEs, fixable, the rest. */
export async function recomputeImageCounts(tx: Tx, imageId: string) {
  const groups = await tx.finding.groupBy({
    by: ["type", "severity", "fixAvailable"],
    where: { imageId, status: "ACTIVE" },
    _count: { _all: true },
  });
  const counts = emptyCounts();
  let fixable = 0;
  let otherFindings = 0;
  for (const group of groups) {
    const n = group._count._all;
    if (group.type !== PACKAGE_VULNERABILITY) {
      otherFindings += n;
      continue;
    }
    const key = group.severity.toLowerCase() as keyof typeof counts;
    counts[key in counts ? key : "untriaged"] += n;
    if (group.fixAvailable === "YES" || group.fixAvailable === "PARTIAL") {
      fixable += n;
    }
  }

  await tx.image.update({
    where: { id: imageId },
    data: { ...counts, fixable, otherFindings },
  });

  return { ...counts, fixable, otherFindings };
}

/**
 * New findings go in with one bulk insert; known ones are updated unless
 * the stored row is newer (events can arrive out of order).
 */
async function saveImageFindings(
  tx: Tx,
  imageId: string,
  findings: ParsedFinding[],
): Promise<number> {
  const existing = await tx.finding.findMany({
    where: {
      imageId,
      findingArn: { in: findings.map((finding) => finding.findingArn!) },
    },
    select: { findingArn: true },
  });
  const known = new Set(existing.map((row) => row.findingArn));
  const fresh = findings.filter((finding) => !known.has(finding.findingArn!));

  // An event and the build's collection may insert the same finding at
  // once; the later insert then keeps the row the other one committed.
  await tx.finding.createMany({
    data: fresh.map((finding) => ({ ...findingData(finding), imageId })),
    skipDuplicates: true,
  });
  for (const finding of findings.filter((f) => known.has(f.findingArn!))) {
    const notNewer = finding.updatedAt
      ? { OR: [{ updatedAt: null }, { updatedAt: { lte: finding.updatedAt } }] }
      : {};
    await tx.finding.updateMany({
      where: { imageId, findingArn: finding.findingArn!, ...notNewer },
      data: findingData(finding),
    });
  }

  return findings.length;
}

function findingData(finding: ParsedFinding) {
  const first = finding.packages[0];
  const severity: Severity = finding.severity ?? "UNTRIAGED";

  return {
    findingArn: finding.findingArn!,
    vulnerabilityId: finding.vulnerabilityId ?? "",
    title: finding.title ?? "",
    description: finding.description,
    severity,
    status: finding.status ?? "UNKNOWN",
    type: finding.type,
    packageName: first?.name ?? null,
    installedVersion: first ? installedVersion(first) : null,
    fixedInVersion: first?.fixedInVersion ?? null,
    packages: finding.packages as unknown as Prisma.InputJsonValue,
    inspectorScore: finding.inspectorScore,
    scoreSource: finding.scoreSource,
    scoreVector: finding.scoreVector,
    cvss: finding.cvss as unknown as Prisma.InputJsonValue,
    referenceUrls: finding.referenceUrls,
    sourceUrl: finding.sourceUrl,
    vendorSeverity: finding.vendorSeverity,
    epss: finding.epss,
    exploitAvailable: finding.exploitAvailable,
    fixAvailable: finding.fixAvailable ?? "NOT_APPLICABLE",
    details: finding.details
      ? (finding.details as unknown as Prisma.InputJsonValue)
      : Prisma.DbNull,
    firstObservedAt: finding.firstObservedAt,
    lastObservedAt: finding.lastObservedAt,
    updatedAt: finding.updatedAt,
    // Everything the portal shows is in the columns above.
    raw: {},
  };
}

async function saveResourceFinding(
  tx: Tx,
  finding: ParsedFinding & { raw: unknown },
) {
  const data = {
    type: finding.type,
    severity: finding.severity ?? "UNKNOWN",
    status: finding.status ?? "UNKNOWN",
    title: finding.title ?? "",
    resourceType: finding.resource?.type ?? null,
    resourceId: finding.resource?.id ?? null,
    malformed: !finding.findingArn,
    problem: finding.problems.join("; ") || null,
    raw: (finding.raw ?? {}) as Prisma.InputJsonValue,
    firstObservedAt: finding.firstObservedAt,
    updatedAt: finding.updatedAt,
  };
  if (!finding.findingArn) {
    await tx.resourceFinding.create({ data });

    return;
  }

  await tx.resourceFinding.upsert({
    where: { findingArn: finding.findingArn },
    create: { ...data, findingArn: finding.findingArn },
    update: data,
  });
}

function isOlder(finding: ParsedFinding, than: ParsedFinding): boolean {
  if (!finding.updatedAt || !than.updatedAt) return false;

  return finding.updatedAt.getTime() < than.updatedAt.getTime();
}
