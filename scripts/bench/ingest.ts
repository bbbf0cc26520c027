import { GetImageCommand } from "@aws-sdk/client-imagebuilder";
import { paginateListFindings } from "@aws-sdk/client-inspector2";
import type pg from "pg";

import type { CurrentUser } from "../../lib/auth/session";
import { awsClients, imagebuilder } from "../../lib/aws/clients";
import { startBuild } from "../../lib/builds/start-build";
import { afterFindingsCollected } from "../../lib/builds/follow-ups";
import { collectFindings } from "../../lib/builds/sync-image";
import { usableComponentVersions } from "../../lib/components/catalog";
import { logger } from "../../lib/logger";
import { fitsTarget, type CatalogComponent } from "../../lib/recipes/rules";
import { profiled, statementsDuring, timeOnce } from "./measure";
import { insertRows } from "./rows";

export interface IngestResult {
  images: number;
  findings: number;
  /** collectFindings: ListFindings via the SDK + emulator, Prisma write. */
  portalMs: number;
  /** afterFindingsCollected: report archive and digest mail. */
  followUpsMs: number;
  /** The same ListFindings calls alone (no database). */
  fetchMs: number;
  /** The same rows in one transaction of multi-row INSERTs via pg. */
  bulkMs: number;
  /** The same rows again, one transaction per image (the portal's unit). */
  bulkPerImageMs: number;
  /** Node CPU time of the portal run, and the statements it sent. */
  portalCpuMs: number;
  portalStatements: number;
}

const log = logger.child({ bench: "ingest" });
const JSON_COLUMNS = new Set(["packages", "raw", "cvss", "details"]);

/**
 * Builds `count` images through the portal's own startBuild against the
 * emulator, then times the portal's findings collection for all of them
 * and a bulk insert of exactly the rows it wrote.
 */
export async function benchIngest(
  pool: pg.Pool,
  engineer: CurrentUser,
  count: number,
  stepSeconds: number,
): Promise<IngestResult> {
  process.stderr.write(`\ningest: ${count} images, collect + follow-ups\n`);
  const imageIds = await buildImages(pool, engineer, count);
  await new Promise((resolve) => setTimeout(resolve, stepSeconds * 12_000));
  const amis = await markAvailable(pool, imageIds);

  const fetchMs = await timeOnce(async () => {
    for (const amiId of amis) await listFindings(amiId);
  });
  // What syncImage does once an image is AVAILABLE, in its two parts:
  // the collection (ListFindings via the SDK, mapping, Prisma writes) and
  // the follow-ups (report archive, digest mail), timed apart.
  let portalMs = 0;
  let followUpsMs = 0;
  let cpu = process.cpuUsage();
  const portalSql = await statementsDuring(() =>
    profiled("ingest", async () => {
      const cpuBefore = process.cpuUsage();
      for (const id of imageIds) {
        let saved = false;
        portalMs += await timeOnce(async () => {
          saved = await collectFindings(id, log);
        });
        if (!saved) throw new Error(`ingest: ${id} was not collected`);
        followUpsMs += await timeOnce(() => afterFindingsCollected(id, log));
      }
      cpu = process.cpuUsage(cpuBefore);
    }),
  );

  const { rows } = await pool.query(
    `SELECT * FROM "Finding" WHERE "imageId" = ANY($1::text[])`,
    [imageIds],
  );
  const collected = await pool.query(
    `SELECT count(*)::int AS n FROM "Image"
     WHERE id = ANY($1::text[]) AND "findingsCollectedAt" IS NOT NULL`,
    [imageIds],
  );
  if (collected.rows[0].n !== imageIds.length || rows.length === 0) {
    throw new Error("ingest: the portal did not collect every image");
  }

  const bulkMs = await bulkInsert(pool, [rows]);
  const byImage = new Map<string, Row[]>();
  for (const row of rows) {
    const key = String(row.imageId);
    byImage.set(key, [...(byImage.get(key) ?? []), row]);
  }
  const bulkPerImageMs = await bulkInsert(pool, [...byImage.values()]);

  return {
    images: imageIds.length,
    findings: rows.length,
    portalMs,
    followUpsMs,
    fetchMs,
    bulkMs,
    bulkPerImageMs,
    portalCpuMs: (cpu.user + cpu.system) / 1000,
    portalStatements: portalSql.length,
  };
}

async function buildImages(
  pool: pg.Pool,
  engineer: CurrentUser,
  count: number,
): Promise<string[]> {
  const goldens = await pool.query<{
    id: string;
    slug: string;
    platform: string;
    osVersion: string;
  }>(`SELECT id, slug, platform, "osVersion" FROM "GoldenImage"
      ORDER BY "sortOrder", slug`);
  const catalog = await usableComponentVersions();
  const ctx = { user: engineer, requestId: "bench-ingest", log };
  const ids: string[] = [];
  for (let n = 0; n < count; n += 1) {
    const golden = goldens.rows[n % goldens.rows.length];
    const { imageId } = await startBuild(
      {
        goldenImageId: golden.id,
        name: `ingest-${golden.slug}-${n}`,
        version: "1.0.0",
        items: recipeItems(catalog, golden, n),
      },
      ctx,
    );
    ids.push(imageId);
  }

  return ids;
}

/**
 * The mandatory components plus every optional build step that fits and
 * needs no input: the most packages, so the most advisories, the
 * emulator's scan can report for this parent OS (builds first).
 */
function recipeItems(
  catalog: CatalogComponent[],
  golden: { platform: string; osVersion: string },
  n: number,
) {
  const fits = catalog.filter((c) => fitsTarget(c, golden));
  const optional = fits.filter(
    (c) =>
      !c.mandatory &&
      c.type === "BUILD" &&
      c.parameters.every((p) => p.defaultValue !== undefined),
  );
  const chosen = [
    ...fits.filter((c) => c.mandatory),
    ...optional.filter((_, i) => (i + n) % 4 !== 0),
  ].sort((a, b) => Number(a.type === "TEST") - Number(b.type === "TEST"));

  return chosen.map((c) => ({
    versionId: c.versionId,
    parameters: Object.fromEntries(
      c.parameters
        .filter((p) => p.defaultValue !== undefined)
        .map((p) => [p.name, String(p.defaultValue)]),
    ),
  }));
}

/**
 * Puts each image where syncImage leaves it once Image Builder says
 * AVAILABLE (status and AMIs saved, findings not yet collected), so the
 * timed call is the findings collection alone.
 */
async function markAvailable(pool: pg.Pool, imageIds: string[]) {
  const region = await awsClients().inspector.config.region();
  const homeAmis: string[] = [];
  for (const id of imageIds) {
    const image = await pool.query<{ arn: string }>(
      `SELECT arn FROM "Image" WHERE id = $1`,
      [id],
    );
    const out = await imagebuilder().send(
      new GetImageCommand({ imageBuildVersionArn: image.rows[0].arn }),
    );
    if (out.image?.state?.status !== "AVAILABLE") {
      throw new Error(`ingest: ${id} is ${out.image?.state?.status}`);
    }
    const amis = out.image.outputResources?.amis ?? [];
    await pool.query(
      `UPDATE "Image" SET status = 'AVAILABLE', "finishedAt" = now(),
         "scanStatus" = 'COMPLETED' WHERE id = $1`,
      [id],
    );
    await insertRows(
      pool,
      "ImageAmi",
      ["id", "imageId", "region", "accountId", "amiId", "name"],
      amis.map((ami, i) => [
        `bench-ami-${id}-${i}`,
        id,
        ami.region ?? "",
        ami.accountId ?? "",
        ami.image ?? "",
        ami.name ?? null,
      ]),
    );
    const home = amis.find((ami) => ami.region === region) ?? amis[0];
    homeAmis.push(String(home?.image));
  }

  return homeAmis;
}

async function listFindings(amiId: string): Promise<number> {
  let total = 0;
  for await (const page of paginateListFindings(
    { client: awsClients().inspector, pageSize: 100 },
    {
      filterCriteria: {
        ec2InstanceImageId: [{ comparison: "EQUALS", value: amiId }],
      },
    },
  )) {
    total += page.findings?.length ?? 0;
  }

  return total;
}

type Row = Record<string, unknown>;

/**
 * Deletes the collected rows and times inserting them again in bulk, one
 * transaction per group of rows.
 */
async function bulkInsert(pool: pg.Pool, groups: Row[][]) {
  const columns = Object.keys(groups[0][0]);
  const values = groups.map((rows) =>
    rows.map((row) =>
      columns.map((c) => {
        const value = row[c];

        return JSON_COLUMNS.has(c) && value !== null
          ? JSON.stringify(value)
          : (value as never);
      }),
    ),
  );
  const ids = groups.flat().map((row) => row.id);
  await pool.query(`DELETE FROM "Finding" WHERE id = ANY($1::text[])`, [ids]);

  const client = await pool.connect();
  try {
    return await timeOnce(async () => {
      for (const group of values) {
        await client.query("BEGIN");
        await insertRows(client, "Finding", columns, group);
        await client.query("COMMIT");
      }
    });
  } finally {
    client.release();
  }
}
