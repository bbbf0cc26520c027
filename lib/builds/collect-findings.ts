import "server-only";

import { paginateListFindings, type Finding } from "@aws-sdk/client-inspector2";

import { auditMany } from "../audit";
import { awsClients } from "../aws/clients";
import { prisma, sqlTransaction } from "../db";
import { ingestFindings, recomputeCounts } from "../findings/ingest";
import type { Logger } from "../logger";

/** Inspector's filter lists take at most ten values. */
const AMIS_PER_CALL = 10;

/** Images per write transaction. */
const IMAGES_PER_WRITE = 50;

export interface Collection {
  /** Images whose findings this call saved; their follow-ups are due. */
  saved: string[];
  /** Images that could not be collected, with the reason. */
  failed: Map<string, unknown>;
}

type Scanned = { imageId: string; amiId: string };

/**
 * Inspector scans the instance Image Builder launches from the new AMI, so
 * findings are found by the AMI id in the build region. Images go in
 * groups: ListFindings takes ten AMIs per call, a transaction 50 images,
 * and the next groups are fetched while the last is written. A group that
 * fails is tried again image by image, so one bad image holds up no
 * other. An image another collector saved first is in neither list.
 */
export async function collectFindings(
  imageIds: string[],
  log: Logger,
): Promise<Collection> {
  const scanned = await scannedAmis(imageIds);
  const outcomes: Promise<GroupOutcome>[] = [];
  for (let at = 0; at < scanned.length; at += IMAGES_PER_WRITE) {
    // Fetching runs ahead of writing by at most two groups.
    await outcomes.at(-2);
    const group = scanned.slice(at, at + IMAGES_PER_WRITE);
    const fetched = await settle(listFindings(group.map((s) => s.amiId)));
    // One write at a time, each after the one before (outcomes settle,
    // they never reject).
    const previous = outcomes.at(-1);
    outcomes.push(
      (previous ?? Promise.resolve()).then(async () =>
        "error" in fetched
          ? { group, ...fetched }
          : { group, ...(await settle(saveFindings(group, fetched.value))) },
      ),
    );
  }

  const collection: Collection = { saved: [], failed: new Map() };
  let findings = 0;
  for (const outcome of await Promise.all(outcomes)) {
    if ("value" in outcome) {
      collection.saved.push(...outcome.value.saved);
      findings += outcome.value.findings;
      continue;
    }
    if (outcome.group.length === 1) {
      collection.failed.set(outcome.group[0].imageId, outcome.error);
      continue;
    }
    log.warn({ err: outcome.error }, "group collection failed, one by one");
    for (const image of outcome.group) {
      const single = await collectFindings([image.imageId], log);
      collection.saved.push(...single.saved);
      for (const [id, error] of single.failed) collection.failed.set(id, error);
    }
  }
  log.info({ images: collection.saved.length, findings }, "findings collected");

  return collection;
}

type GroupOutcome = { group: Scanned[] } & Settled<{
  saved: string[];
  findings: number;
}>;

type Settled<T> = { value: T } | { error: unknown };

function settle<T>(promise: Promise<T>): Promise<Settled<T>> {
  return promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
}

/** The first AMI of each image in the build region, else its first AMI. */
async function scannedAmis(imageIds: string[]) {
  const region = await awsClients().inspector.config.region();
  const amis = await prisma.imageAmi.findMany({
    where: { imageId: { in: imageIds } },
    select: { imageId: true, amiId: true, region: true },
    orderBy: { id: "asc" },
  });
  const homeFirst = [
    ...amis.filter((ami) => ami.region === region),
    ...amis.filter((ami) => ami.region !== region),
  ];
  const scanned = new Map<string, string>();
  for (const ami of homeFirst) {
    if (!scanned.has(ami.imageId)) scanned.set(ami.imageId, ami.amiId);
  }

  return [...scanned].map(([imageId, amiId]) => ({ imageId, amiId }));
}

/** Every finding on these AMIs, ten AMIs per ListFindings call. */
export async function listFindings(amiIds: string[]): Promise<Finding[]> {
  const rows: Finding[] = [];
  for (let at = 0; at < amiIds.length; at += AMIS_PER_CALL) {
    const values = amiIds.slice(at, at + AMIS_PER_CALL);
    for await (const page of paginateListFindings(
      { client: awsClients().inspector, pageSize: 100 },
      {
        filterCriteria: {
          ec2InstanceImageId: values.map((value) => ({
            comparison: "EQUALS",
            value,
          })),
        },
      },
    )) {
      rows.push(...(page.findings ?? []));
    }
  }

  return rows;
}

async function saveFindings(group: Scanned[], rows: Finding[]) {
  const imageIds = group.map((image) => image.imageId);
  const saved = await sqlTransaction(async (sql) => {
    // Only the first collector saves: a concurrent one changes nothing.
    // The rows are locked in id order, as every writer of findings does.
    const claimed = await sql.query<{ id: string }>(
      `UPDATE "Image" SET "findingsCollectedAt" = $1::timestamp(3)
         WHERE id IN (
           SELECT id FROM "Image"
           WHERE id = ANY($2::text[]) AND "findingsCollectedAt" IS NULL
           ORDER BY id FOR UPDATE)
         RETURNING id`,
      [new Date().toISOString(), imageIds],
    );
    if (claimed.length === 0) return [] as string[];

    const ids = claimed.map((image) => image.id);
    const result = await ingestFindings(sql, rows);
    // An image without findings still needs its counts set to zero.
    const empty = ids.filter((id) => !result.counts.has(id));
    const zero = await recomputeCounts(sql, empty);
    await auditMany(
      sql,
      ids.map((id) => ({
        actorId: null,
        action: "image.findings.collect",
        entityType: "Image",
        entityId: id,
        details: {
          ...(result.counts.get(id) ?? zero.get(id)),
          total: result.stored.get(id) ?? 0,
        },
      })),
    );

    return ids;
  });

  return { saved, findings: rows.length };
}
