import "server-only";

import type { CurrentUser } from "../auth/session";
import { prisma } from "../db";
import type { SeverityCounts } from "../findings/map-finding";
import {
  componentChanges,
  type ComponentChange,
  type RecipeItem,
} from "./component-changes";
import { visibleImageSql } from "./visibility";

type Viewer = Pick<CurrentUser, "role" | "teamId">;

interface RecipeRow {
  id: string;
  name: string;
  teamId: string;
  teamName: string;
  goldenName: string;
  osVersion: string;
}

interface ImageRow extends SeverityCounts {
  id: string;
  version: string;
  status: string;
  awsState: string | null;
  awsStateAt: Date | null;
  createdAt: Date;
  findingsCollectedAt: Date | null;
  totalFindings: number | null;
  recipeVersionId: string;
  recipeVersion: string;
  components: RecipeItem[] | string;
}

/** Raw rows carry JSON as text and dates as strings on some drivers. */
function json<T>(value: T | string): T {
  return (typeof value === "string" ? JSON.parse(value) : value) as T;
}

function dateOrNull(value: Date | string | null): Date | null {
  return value === null ? null : new Date(value);
}

/**
 * Every image of one line (recipe) the viewer may see, newest first, with
 * the component changes each recipe version brought and the image to
 * compare with. Null when the line does not exist or shows nothing to
 * this viewer.
 */
export async function getLineTimeline(recipeId: string, viewer: Viewer) {
  // Two raw statements, in parallel: the line, and its images with each
  // recipe version's components (Prisma's nested select would cost more
  // to compile than the database takes to answer).
  const [recipes, found] = await Promise.all([
    prisma.$queryRaw<RecipeRow[]>`
      SELECT r.id, r.name, r."teamId", t.name AS "teamName",
        g.name AS "goldenName", g."osVersion"
      FROM "Recipe" r
      JOIN "Team" t ON t.id = r."teamId"
      JOIN "GoldenImage" g ON g.id = r."goldenImageId"
      WHERE r.id = ${recipeId}`,
    prisma.$queryRaw<ImageRow[]>`
      SELECT i.id, i.version, i.status, i."awsState", i."awsStateAt",
        i."createdAt", i."findingsCollectedAt", i.critical, i.high,
        i.medium, i.low, i.informational, i.untriaged, i."totalFindings",
        i."recipeVersionId", rv.version AS "recipeVersion",
        (SELECT coalesce(json_agg(json_build_object('name', c.name,
            'version', cv.version, 'parameters', rc.parameters)
            ORDER BY rc.position), '[]')
          FROM "RecipeComponent" rc
          JOIN "ComponentVersion" cv ON cv.id = rc."componentVersionId"
          JOIN "Component" c ON c.id = cv."componentId"
          WHERE rc."recipeVersionId" = rv.id) AS components
      FROM "Image" i
      JOIN "RecipeVersion" rv ON rv.id = i."recipeVersionId"
      WHERE i."recipeId" = ${recipeId} AND ${visibleImageSql(viewer)}
      ORDER BY i."createdAt" DESC, i.id DESC`,
  ]);
  const line = recipes[0];
  if (!line) return null;

  const recipe = {
    id: line.id,
    name: line.name,
    teamId: line.teamId,
    team: { name: line.teamName },
    goldenImage: { name: line.goldenName, osVersion: line.osVersion },
  };
  const ownLine = viewer.role !== "engineer" || viewer.teamId === recipe.teamId;
  if (found.length === 0 && !ownLine) return null;

  const components = new Map<string, RecipeItem[]>(
    found.map((image) => [image.recipeVersionId, json(image.components)]),
  );
  const images = found.map(({ components: _items, ...image }) => ({
    ...image,
    awsStateAt: dateOrNull(image.awsStateAt),
    createdAt: new Date(image.createdAt),
    findingsCollectedAt: dateOrNull(image.findingsCollectedAt),
    totalFindings:
      image.totalFindings === null ? null : Number(image.totalFindings),
    recipeVersion: { version: image.recipeVersion },
  }));
  const rows = images.map((image, index) => {
    const older = images[index + 1];
    const previous = images
      .slice(index + 1)
      .find((candidate) => candidate.findingsCollectedAt !== null);

    return {
      ...image,
      changes: changesSince(older?.recipeVersionId, image.recipeVersionId, components),
      // Only scanned images have findings to compare.
      previousImageId:
        image.findingsCollectedAt !== null ? (previous?.id ?? null) : null,
    };
  });
  const chart = rows
    .filter((row) => row.findingsCollectedAt !== null)
    .reverse()
    .map((row) => ({
      imageId: row.id,
      label: row.version,
      at: row.createdAt.toISOString(),
      critical: row.critical,
      high: row.high,
      medium: row.medium,
      low: row.low,
      informational: row.informational,
      untriaged: row.untriaged,
    }));

  return { recipe, rows, chart };
}

export type LineTimeline = NonNullable<
  Awaited<ReturnType<typeof getLineTimeline>>
>;
export type TimelineRow = LineTimeline["rows"][number];

/**
 * What the build's recipe changed against the build before it: null for
 * the first build shown, "same" for a rebuild of the same recipe version.
 */
function changesSince(
  olderVersionId: string | undefined,
  versionId: string,
  components: Map<string, RecipeItem[]>,
): ComponentChange[] | "same" | null {
  if (olderVersionId === undefined) return null;
  if (olderVersionId === versionId) return "same";

  return componentChanges(
    components.get(olderVersionId) ?? [],
    components.get(versionId) ?? [],
  );
}
