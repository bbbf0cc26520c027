import "server-only";

import type { CurrentUser } from "../auth/session";
import { prisma } from "../db";
import { Prisma } from "../generated/prisma/client";
import {
  findingsPage,
  NETWORK_FINDINGS_ARGS,
  networkRows,
} from "../findings/queries";
import { LEDGER_RECORD_SELECT } from "../ledger/image-record";
import type { FindingsFilters } from "../validations/findings-filters";
import { IMAGE_DETAIL_SELECT } from "./images";
import { visibleImageSql } from "../ledger/visibility";

const detail = IMAGE_DETAIL_SELECT;
const ledger = LEDGER_RECORD_SELECT;

/**
 * getImage's and getLedgerRecord's selects in one (the ledger's side is
 * the wider one wherever both read a relation), plus the network findings
 * and archived reports: the shape of the image the page reads.
 */
const IMAGE_PAGE_SELECT = {
  ...detail,
  ...ledger,
  goldenImage: {
    select: { ...detail.goldenImage.select, ...ledger.goldenImage.select },
  },
  recipeVersion: {
    select: { ...detail.recipeVersion.select, ...ledger.recipeVersion.select },
  },
  findings: NETWORK_FINDINGS_ARGS,
  reports: { orderBy: { createdAt: "desc" } },
} satisfies Prisma.ImageSelect;

type PageImage = Prisma.ImageGetPayload<{ select: typeof IMAGE_PAGE_SELECT }>;

/**
 * Everything the image page (/images/[id]) shows, or null when the image
 * does not exist or the user may not see it: the image (with what
 * getImage, getLedgerRecord, listNetworkFindings and listImageReports
 * read) and the findings page, in parallel. The findings of a hidden
 * image are read but dropped.
 */
export async function getImagePage(
  user: CurrentUser,
  id: string,
  filters: FindingsFilters,
) {
  const [image, findings] = await Promise.all([
    readImage(id, user),
    findingsPage(id, filters),
  ]);
  if (!image) return null;

  const { findings: network, reports, ...rest } = image;
  const collected = image.findingsCollectedAt !== null;

  return {
    image: rest,
    record: rest,
    findings,
    network: collected ? networkRows(network) : [],
    reports,
  };
}

export type ImagePage = NonNullable<Awaited<ReturnType<typeof getImagePage>>>;

// Timestamps in JSON, as instants (the columns hold UTC without a zone).
const at = (column: Prisma.Sql) =>
  Prisma.sql`to_json(${column} AT TIME ZONE 'UTC')`;

/**
 * IMAGE_PAGE_SELECT as one hand-written statement returning the image as
 * JSON in exactly Prisma's shape: a select this wide costs Prisma more to
 * compile than PostgreSQL takes to answer it. The integration test checks
 * it against getImage, getLedgerRecord and the list functions.
 */
async function readImage(id: string, user: CurrentUser) {
  const rows = await prisma.$queryRaw<{ image: string }[]>`
    SELECT json_build_object(
      'id', i.id, 'arn', i.arn, 'version', i.version, 'status', i.status,
      'createdAt', ${at(Prisma.sql`i."createdAt"`)},
      'findingsCollectedAt', ${at(Prisma.sql`i."findingsCollectedAt"`)},
      'finishedAt', ${at(Prisma.sql`i."finishedAt"`)},
      'awsState', i."awsState",
      'awsStateAt', ${at(Prisma.sql`i."awsStateAt"`)},
      'awsCheckedAt', ${at(Prisma.sql`i."awsCheckedAt"`)},
      'statusReason', i."statusReason", 'scanStatus', i."scanStatus",
      'buildType', i."buildType", 'recipeId', i."recipeId",
      'infrastructureArn', i."infrastructureArn",
      'distributionArn', i."distributionArn",
      'critical', i.critical, 'high', i.high, 'medium', i.medium,
      'low', i.low, 'informational', i.informational,
      'untriaged', i.untriaged,
      'team', json_build_object('name', t.name),
      'createdBy', json_build_object('name', u.name, 'email', u.email),
      'pipeline', CASE WHEN p.id IS NULL THEN NULL
        ELSE json_build_object('id', p.id, 'name', p.name) END,
      'goldenImage', json_build_object('name', g.name, 'slug', g.slug,
        'osVersion', g."osVersion", 'platform', g.platform,
        'architecture', g.architecture, 'parentImage', g."parentImage"),
      'recipeVersion', json_build_object('version', rv.version,
        'arn', rv.arn, 'description', rv.description,
        'parentImage', rv."parentImage",
        'createdAt', ${at(Prisma.sql`rv."createdAt"`)},
        'recipe', json_build_object('name', r.name),
        'createdBy', json_build_object('name', ru.name),
        'components', (SELECT coalesce(json_agg(json_build_object(
            'position', rc.position, 'parameters', rc.parameters,
            'componentVersion', json_build_object('version', cv.version,
              'status', cv.status, 'arn', cv.arn,
              'reviewedAt', ${at(Prisma.sql`cv."reviewedAt"`)},
              'publishedAt', ${at(Prisma.sql`cv."publishedAt"`)},
              'reviewedBy', CASE WHEN cu.id IS NULL THEN NULL
                ELSE json_build_object('name', cu.name) END,
              'component', json_build_object('name', c.name,
                'type', c.type)))
            ORDER BY rc.position), '[]')
          FROM "RecipeComponent" rc
          JOIN "ComponentVersion" cv ON cv.id = rc."componentVersionId"
          JOIN "Component" c ON c.id = cv."componentId"
          LEFT JOIN "User" cu ON cu.id = cv."reviewedById"
          WHERE rc."recipeVersionId" = rv.id)),
      'amis', (SELECT coalesce(json_agg(json_build_object(
          'region', a.region, 'accountId', a."accountId",
          'amiId', a."amiId") ORDER BY a.region, a."accountId"), '[]')
        FROM "ImageAmi" a WHERE a."imageId" = i.id),
      'events', (SELECT coalesce(json_agg(json_build_object(
          'status', e.status, 'reason', e.reason,
          'at', ${at(Prisma.sql`e.at`)}) ORDER BY e.at), '[]')
        FROM "ImageStatusEvent" e WHERE e."imageId" = i.id),
      'findings', (SELECT coalesce(json_agg(n), '[]') FROM (
          SELECT f.id, f.title, f.severity, f.description, f.details,
            ${at(Prisma.sql`f."firstObservedAt"`)} AS "firstObservedAt"
          FROM "Finding" f
          WHERE f."imageId" = i.id AND f.type = 'NETWORK_REACHABILITY'
            AND f.status = 'ACTIVE'
          ORDER BY f."firstObservedAt" DESC, f.id ASC
          LIMIT 100) n),
      'reports', (SELECT coalesce(json_agg(json_build_object(
          'id', fr.id, 'imageId', fr."imageId", 'jsonUri', fr."jsonUri",
          'csvUri', fr."csvUri", 'findings', fr.findings,
          'createdAt', ${at(Prisma.sql`fr."createdAt"`)})
          ORDER BY fr."createdAt" DESC), '[]')
        FROM "FindingsReport" fr WHERE fr."imageId" = i.id)
    )::text AS image
    FROM "Image" i
    JOIN "Team" t ON t.id = i."teamId"
    JOIN "User" u ON u.id = i."createdById"
    JOIN "GoldenImage" g ON g.id = i."goldenImageId"
    JOIN "RecipeVersion" rv ON rv.id = i."recipeVersionId"
    JOIN "Recipe" r ON r.id = rv."recipeId"
    JOIN "User" ru ON ru.id = rv."createdById"
    LEFT JOIN "Pipeline" p ON p.id = i."pipelineId"
    WHERE i.id = ${id} AND ${visibleImageSql(user)}`;
  if (rows.length === 0) return null;

  return withDates(JSON.parse(rows[0].image)) as PageImage;
}

type Json = Record<string, unknown>;

/** The JSON's timestamps (ISO strings) as Dates, where Prisma has them. */
function withDates(image: Json): Json {
  const date = (value: unknown) =>
    typeof value === "string" ? new Date(value) : value;
  const dated = (row: Json, keys: string[]) => {
    for (const key of keys) row[key] = date(row[key]);

    return row;
  };
  const recipe = image.recipeVersion as Json;
  dated(recipe, ["createdAt"]);
  for (const item of recipe.components as Json[]) {
    dated(item.componentVersion as Json, ["reviewedAt", "publishedAt"]);
  }
  for (const event of image.events as Json[]) dated(event, ["at"]);
  for (const row of image.findings as Json[]) dated(row, ["firstObservedAt"]);
  for (const row of image.reports as Json[]) dated(row, ["createdAt"]);

  return dated(image, [
    "createdAt",
    "findingsCollectedAt",
    "finishedAt",
    "awsStateAt",
    "awsCheckedAt",
  ]);
}
