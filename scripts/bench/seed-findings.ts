import type pg from "pg";

import type { Cve } from "./generate";
import { insertRows } from "./rows";

/** One finding to seed: which image, which pool CVE, and its state. */
export interface FindingPlan {
  imageId: string;
  cve: number;
  closed: boolean;
  /** Version index in the line: package versions move with it. */
  rel: number;
  seenAt: Date;
}

const ROWS_PER_STATEMENT = 30_000;

const progress = (line: string) => process.stderr.write(`\r${line}   `);

/**
 * Loads the pool into a temporary table, then builds every Finding row
 * server-side from arrays of (image, CVE, state): a few MB on the wire
 * instead of the full rows.
 */
export async function seedFindings(
  client: pg.ClientBase,
  pool: Cve[],
  plans: FindingPlan[],
): Promise<void> {
  await client.query(POOL_TABLE);
  const columns = Object.keys(pool[0]);
  await insertRows(
    client,
    "bench_cve",
    columns,
    pool.map((cve) => columns.map((c) => cve[c as keyof Cve])),
  );

  for (let start = 0; start < plans.length; start += ROWS_PER_STATEMENT) {
    const chunk = plans.slice(start, start + ROWS_PER_STATEMENT);
    await client.query(INSERT_FINDINGS, [
      chunk.map((_, i) => `bf${start + i}`),
      chunk.map((p) => p.imageId),
      chunk.map((p) => p.cve),
      chunk.map((p) => p.closed),
      chunk.map((p) => p.rel),
      chunk.map((p) => p.seenAt),
    ]);
    progress(`findings ${start + chunk.length}/${plans.length}`);
  }
  await client.query("DROP TABLE bench_cve");
}

/** The denormalised counts on Image, from the findings just seeded. */
export async function updateImageCounts(client: pg.ClientBase) {
  await client.query(`
    UPDATE "Image" AS i SET
      critical = s.critical, high = s.high, medium = s.medium,
      low = s.low, informational = s.informational,
      untriaged = s.untriaged, fixable = s.fixable,
      "otherFindings" = s.other
    FROM (
      SELECT "imageId",
        count(*) FILTER (WHERE pkg AND severity = 'CRITICAL') AS critical,
        count(*) FILTER (WHERE pkg AND severity = 'HIGH') AS high,
        count(*) FILTER (WHERE pkg AND severity = 'MEDIUM') AS medium,
        count(*) FILTER (WHERE pkg AND severity = 'LOW') AS low,
        count(*) FILTER (WHERE pkg AND severity = 'INFORMATIONAL')
          AS informational,
        count(*) FILTER (WHERE pkg AND severity = 'UNTRIAGED') AS untriaged,
        count(*) FILTER (WHERE pkg AND "fixAvailable" IN ('YES', 'PARTIAL'))
          AS fixable,
        count(*) FILTER (WHERE NOT pkg) AS other
      FROM (
        SELECT "imageId", severity, "fixAvailable",
          type = 'PACKAGE_VULNERABILITY' AS pkg
        FROM "Finding" WHERE status = 'ACTIVE'
      ) AS f
      GROUP BY "imageId"
    ) AS s
    WHERE s."imageId" = i.id`);
}

const POOL_TABLE = `
  CREATE TEMP TABLE bench_cve (
    idx int PRIMARY KEY, vuln text, type text, title text,
    description text, severity text, score float8, vector text,
    source text, epss float8, exploit boolean, fix text, pkg text,
    installed text, fixed text
  )`;

const INSERT_FINDINGS = `
  INSERT INTO "Finding" (
    id, "imageId", "findingArn", "vulnerabilityId", title, description,
    severity, status, "packageName", "installedVersion", "fixedInVersion",
    packages, "inspectorScore", epss, "exploitAvailable", "fixAvailable",
    "firstObservedAt", "lastObservedAt", raw, type, "scoreSource",
    "scoreVector", cvss, "referenceUrls", "sourceUrl", "vendorSeverity",
    "updatedAt"
  )
  SELECT
    f.id, f.image_id,
    'arn:aws:inspector2:us-east-1:111122223333:finding/'
      || md5(f.image_id || '|' || f.cve),
    c.vuln, c.title, c.description, c.severity,
    CASE WHEN f.closed THEN 'CLOSED' ELSE 'ACTIVE' END,
    c.pkg, v.installed, c.fixed,
    CASE WHEN c.pkg IS NULL THEN '[]'::jsonb ELSE jsonb_build_array(
      jsonb_strip_nulls(jsonb_build_object(
        'name', c.pkg, 'version', v.installed,
        'fixedInVersion', c.fixed, 'packageManager', 'OS',
        'arch', 'X86_64'))) END,
    c.score, c.epss, c.exploit, c.fix, f.seen_at, f.seen_at, '{}'::jsonb,
    c.type,
    CASE WHEN c.score IS NULL THEN NULL ELSE c.source END, c.vector,
    CASE WHEN c.score IS NULL THEN '[]'::jsonb ELSE jsonb_build_array(
      jsonb_build_object('source', c.source, 'version', '3.1',
        'baseScore', c.score, 'scoringVector', c.vector)) END,
    CASE WHEN c.type = 'PACKAGE_VULNERABILITY'
      THEN ARRAY['https://nvd.nist.gov/vuln/detail/' || c.vuln]
      ELSE ARRAY[]::text[] END,
    CASE WHEN c.type = 'PACKAGE_VULNERABILITY'
      THEN 'https://nvd.nist.gov/vuln/detail/' || c.vuln END,
    c.severity, f.seen_at
  FROM unnest($1::text[], $2::text[], $3::int[], $4::boolean[], $5::int[],
    $6::timestamptz[]) AS f(id, image_id, cve, closed, rel, seen_at)
  JOIN bench_cve AS c ON c.idx = f.cve
  CROSS JOIN LATERAL (
    SELECT CASE WHEN c.installed IS NULL THEN NULL
      ELSE c.installed || '-' || (1 + f.rel / 3) END AS installed
  ) AS v`;
