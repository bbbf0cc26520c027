import "server-only";

import { randomUUID } from "node:crypto";

import type { Sql } from "../db";
import { insertJsonRows, setExcluded } from "../db-json-rows";
import {
  installedVersion,
  PACKAGE_VULNERABILITY,
  parseFinding,
  type ParsedFinding,
  type Severity,
  type SeverityCounts,
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
  /** How many findings were stored on each of those images. */
  stored: Map<string, number>;
}

/**
 * The one way findings enter the portal, from a build's collection or an
 * Inspector event. A finding on the AMI of a portal image lands in
 * `Finding` (same ARN = same row), anything else in `ResourceFinding`. The
 * counts of every touched image are then recomputed from its rows. The
 * statements are per call, not per image, so a batch of images costs
 * about what one does.
 */
export async function ingestFindings(
  sql: Sql,
  raws: unknown[],
): Promise<IngestResult> {
  const parsed = raws.map((raw) => ({ ...parseFinding(raw), raw }));
  const amiIds = [
    ...new Set(parsed.flatMap((finding) => finding.resource?.amiId ?? [])),
  ];
  // Every writer of an image's findings locks the image rows first, in id
  // order: a build's collection and an Inspector event for the same image
  // then queue up instead of deadlocking (each would otherwise hold a
  // finding the other waits for while waiting for the image row).
  const amis = amiIds.length
    ? await sql.query<{ amiId: string; imageId: string }>(
        `SELECT a."amiId", a."imageId"
         FROM "ImageAmi" AS a JOIN "Image" AS i ON i.id = a."imageId"
         WHERE a."amiId" = ANY($1::text[])
         ORDER BY i.id FOR UPDATE OF i`,
        [amiIds],
      )
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

  const imageIds = [...byImage.keys()];
  const stored = await saveImageFindings(sql, byImage);
  const counts = await recomputeCounts(sql, imageIds);
  await saveResourceFindings(sql, others);

  return {
    attached: [...stored.values()].reduce((sum, n) => sum + n, 0),
    resource: others.filter((finding) => finding.findingArn).length,
    malformed: others.filter((finding) => !finding.findingArn).length,
    imageIds,
    counts,
    stored,
  };
}

/**
 * Image counts from their rows, worked out and stored by one statement:
 * ACTIVE package CVEs per severity (any other severity is untriaged),
 * those with a fix (YES or PARTIAL), and the other findings.
 */
export async function recomputeCounts(
  sql: Sql,
  imageIds: string[],
): Promise<Map<string, ImageCounts>> {
  if (imageIds.length === 0) return new Map();

  const rows = await sql.query<{ id: string } & ImageCounts>(
    `UPDATE "Image" AS i SET critical = c.critical, high = c.high,
      medium = c.medium, low = c.low, informational = c.informational,
      untriaged = c.untriaged, fixable = c.fixable,
      "otherFindings" = c."otherFindings", "updatedAt" = $1::timestamp(3)
    FROM (
      SELECT t.id,
        count(*) FILTER (WHERE p AND f.severity = 'CRITICAL')::int AS critical,
        count(*) FILTER (WHERE p AND f.severity = 'HIGH')::int AS high,
        count(*) FILTER (WHERE p AND f.severity = 'MEDIUM')::int AS medium,
        count(*) FILTER (WHERE p AND f.severity = 'LOW')::int AS low,
        count(*) FILTER (WHERE p AND f.severity = 'INFORMATIONAL')::int
          AS informational,
        count(*) FILTER (WHERE p AND f.severity NOT IN
          ('CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFORMATIONAL'))::int
          AS untriaged,
        count(*) FILTER (
          WHERE p AND f."fixAvailable" IN ('YES', 'PARTIAL'))::int AS fixable,
        count(*) FILTER (WHERE NOT p)::int AS "otherFindings"
      FROM unnest($2::text[]) AS t(id)
      LEFT JOIN LATERAL (
        SELECT f.severity, f."fixAvailable", f.type = $3 AS p
        FROM "Finding" AS f
        WHERE f."imageId" = t.id AND f.status = 'ACTIVE'
      ) AS f ON true
      GROUP BY t.id
    ) AS c
    WHERE i.id = c.id
    RETURNING i.id, i.critical, i.high, i.medium, i.low, i.informational,
      i.untriaged, i.fixable, i."otherFindings"`,
    [new Date().toISOString(), imageIds, PACKAGE_VULNERABILITY],
  );

  return new Map(rows.map(({ id, ...counts }) => [id, counts]));
}

export interface ImageCounts extends SeverityCounts {
  fixable: number;
  otherFindings: number;
}

/**
 * Every finding in one upsert: new ones are inserted, known ones updated
 * unless the stored row is newer (events can arrive out of order).
 * Returns how many findings each image got.
 */
async function saveImageFindings(
  sql: Sql,
  byImage: Map<string, Map<string, ParsedFinding>>,
): Promise<Map<string, number>> {
  const stored = new Map<string, number>();
  const rows = [];
  for (const [imageId, findings] of byImage) {
    stored.set(imageId, findings.size);
    for (const finding of findings.values()) {
      rows.push({ id: randomUUID(), imageId, ...findingData(finding) });
    }
  }
  if (rows.length === 0) return stored;

  // A row a concurrent writer committed first is updated, not duplicated.
  const set = setExcluded(rows[0], ["id", "imageId", "findingArn"]);
  await insertJsonRows(
    sql,
    "Finding",
    rows,
    `ON CONFLICT ("imageId", "findingArn") DO UPDATE SET ${set}
     WHERE EXCLUDED."updatedAt" IS NULL
       OR "Finding"."updatedAt" IS NULL
       OR "Finding"."updatedAt" <= EXCLUDED."updatedAt"`,
  );

  return stored;
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
    packages: finding.packages,
    inspectorScore: finding.inspectorScore,
    scoreSource: finding.scoreSource,
    scoreVector: finding.scoreVector,
    cvss: finding.cvss,
    referenceUrls: finding.referenceUrls,
    sourceUrl: finding.sourceUrl,
    vendorSeverity: finding.vendorSeverity,
    epss: finding.epss,
    exploitAvailable: finding.exploitAvailable,
    fixAvailable: finding.fixAvailable ?? "NOT_APPLICABLE",
    details: finding.details,
    firstObservedAt: finding.firstObservedAt,
    lastObservedAt: finding.lastObservedAt,
    updatedAt: finding.updatedAt,
    // Everything the portal shows is in the columns above.
    raw: {},
  };
}

/**
 * Findings of other resources, one upsert for all: the same ARN is one
 * row (the last one sent wins); one without an ARN is a new row, flagged.
 */
async function saveResourceFindings(
  sql: Sql,
  findings: (ParsedFinding & { raw: unknown })[],
) {
  const byArn = new Map<string, Record<string, unknown>>();
  const unnamed = [];
  const receivedAt = new Date();
  for (const finding of findings) {
    const row = {
      id: randomUUID(),
      findingArn: finding.findingArn,
      type: finding.type,
      severity: finding.severity ?? "UNKNOWN",
      status: finding.status ?? "UNKNOWN",
      title: finding.title ?? "",
      resourceType: finding.resource?.type ?? null,
      resourceId: finding.resource?.id ?? null,
      malformed: !finding.findingArn,
      problem: finding.problems.join("; ") || null,
      raw: finding.raw ?? {},
      firstObservedAt: finding.firstObservedAt,
      updatedAt: finding.updatedAt,
      receivedAt,
    };
    if (finding.findingArn) byArn.set(finding.findingArn, row);
    else unnamed.push(row);
  }
  const rows = [...byArn.values(), ...unnamed];
  if (rows.length === 0) return;

  const set = setExcluded(rows[0], ["id", "findingArn", "receivedAt"]);
  await insertJsonRows(
    sql,
    "ResourceFinding",
    rows,
    `ON CONFLICT ("findingArn") DO UPDATE SET ${set}`,
  );
}

function isOlder(finding: ParsedFinding, than: ParsedFinding): boolean {
  if (!finding.updatedAt || !than.updatedAt) return false;

  return finding.updatedAt.getTime() < than.updatedAt.getTime();
}
