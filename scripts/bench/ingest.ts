import { GetImageCommand } from "@aws-sdk/client-imagebuilder";
import type pg from "pg";

import type { CurrentUser } from "../../lib/auth/session";
import { awsClients, imagebuilder } from "../../lib/aws/clients";
import { startBuild } from "../../lib/builds/start-build";
import { afterFindingsCollected } from "../../lib/builds/follow-ups";
import {
  collectFindings,
  listFindings,
} from "../../lib/builds/collect-findings";
import { IMAGES_PER_PASS } from "../../lib/builds/reconciler";
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
  /** Images per collectFindings call: the reconciler's pass. */
  batchSize: number;
  /** Rounds the collection and the bulk inserts were timed (medians). */
  rounds: number;
  /** afterFindingsCollected: report archive and digest mail. */
  followUpsMs: number;
  /** The same ListFindings calls alone (no database). */
  fetchMs: number;
  /** The same rows in one transaction of multi-row INSERTs via pg. */
  bulkMs: number;
  /** The same rows again, one transaction per portal batch. */
  bulkPerBatchMs: number;
  /** Node CPU time of the portal run, and the statements it sent. */
  portalCpuMs: number;
  portalStatements: number;
}

const log = logger.child({ bench: "ingest" });
const ROUNDS = 5;
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

  const batches = chunks(imageIds, IMAGES_PER_PASS);
  // Inspector keeps findings; the emulator works each image's out once,
  // so this first pass also warms it, as a live service would be.
  const fetchMs = await profiled("ingest-fetch", () =>
    timeOnce(async () => {
      for (const batch of chunks(amis, IMAGES_PER_PASS)) {
        await listFindings(batch);
      }
    }),
  );
  // What reconciler passes do with the images that became AVAILABLE, in
  // two parts: the collection (ListFindings via the SDK, mapping, writes)
  // and the follow-ups (report archive, digest mail), timed apart.
  const collect = async (withFollowUps: boolean) => {
    let collectMs = 0;
    let followUpsMs = 0;
    for (const batch of batches) {
      let saved: string[] = [];
      collectMs += await timeOnce(async () => {
        ({ saved } = await collectFindings(batch, log));
      });
      if (saved.length !== batch.length) {
        throw new Error("ingest: a batch was not collected");
      }
      if (!withFollowUps) continue;
      followUpsMs += await timeOnce(async () => {
        for (const id of saved) await afterFindingsCollected(id, log);
      });
    }

    return { collectMs, followUpsMs };
  };
  let first = { collectMs: 0, followUpsMs: 0 };
  let cpu = process.cpuUsage();
  const portalSql = await statementsDuring(() =>
    profiled("ingest", async () => {
      const cpuBefore = process.cpuUsage();
      first = await collect(true);
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

  const batchOf = new Map(
    batches.flatMap((batch, n) => batch.map((id) => [id, n])),
  );
  const perBatch = batches.map((_, n) =>
    rows.filter((row) => batchOf.get(String(row.imageId)) === n),
  );
  // One run each is a fraction of a second, so the figures are medians
  // of several rounds, the portal's and the bulk inserts' interleaved.
  const portal = [first.collectMs];
  const bulk: number[] = [];
  const bulkPerBatch: number[] = [];
  await profiled("ingest-rounds", async () => {
    for (let round = 0; round < ROUNDS; round += 1) {
      bulk.push(await bulkInsert(pool, [rows]));
      bulkPerBatch.push(await bulkInsert(pool, perBatch));
      if (round === ROUNDS - 1) break;

      await uncollect(pool, imageIds);
      portal.push((await collect(false)).collectMs);
    }
  });

  return {
    images: imageIds.length,
    findings: rows.length,
    portalMs: median(portal),
    batchSize: IMAGES_PER_PASS,
    rounds: ROUNDS,
    followUpsMs: first.followUpsMs,
    fetchMs,
    bulkMs: median(bulk),
    bulkPerBatchMs: median(bulkPerBatch),
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

/** The images as they were before their findings were collected. */
async function uncollect(pool: pg.Pool, imageIds: string[]) {
  await pool.query(`DELETE FROM "Finding" WHERE "imageId" = ANY($1::text[])`, [
    imageIds,
  ]);
  await pool.query(
    `UPDATE "Image" SET "findingsCollectedAt" = NULL
     WHERE id = ANY($1::text[])`,
    [imageIds],
  );
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);

  return sorted[Math.floor(sorted.length / 2)];
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let at = 0; at < items.length; at += size) {
    out.push(items.slice(at, at + size));
  }

  return out;
}

type Row = Record<string, unknown>;

/**
 * Deletes the images' rows and times inserting these rows again in bulk,
 * one transaction per group of rows.
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
  const images = [...new Set(groups.flat().map((row) => row.imageId))];
  await pool.query(`DELETE FROM "Finding" WHERE "imageId" = ANY($1::text[])`, [
    images,
  ]);

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
