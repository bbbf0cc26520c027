import "server-only";

import type { CurrentUser } from "../auth/session";
import { prisma } from "../db";
import { componentChanges, type ComponentChange } from "./component-changes";
import { imageVisibilityWhere } from "./visibility";

type Viewer = Pick<CurrentUser, "role" | "teamId">;

/**
 * Every image of one line (recipe) the viewer may see, newest first, with
 * the component changes each recipe version brought and the image to
 * compare with. Null when the line does not exist or shows nothing to
 * this viewer.
 */
export async function getLineTimeline(recipeId: string, viewer: Viewer) {
  const recipe = await prisma.recipe.findUnique({
    where: { id: recipeId },
    select: {
      id: true,
      name: true,
      teamId: true,
      team: { select: { name: true } },
      goldenImage: { select: { name: true, osVersion: true } },
    },
  });
  if (!recipe) return null;

  const images = await prisma.image.findMany({
    where: { recipeId, ...imageVisibilityWhere(viewer) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: {
      id: true,
      version: true,
      status: true,
      awsState: true,
      awsStateAt: true,
      createdAt: true,
      findingsCollectedAt: true,
      critical: true,
      high: true,
      medium: true,
      low: true,
      totalFindings: true,
      recipeVersionId: true,
      recipeVersion: { select: { version: true } },
    },
  });
  const ownLine = viewer.role !== "engineer" || viewer.teamId === recipe.teamId;
  if (images.length === 0 && !ownLine) return null;

  const changes = await versionChanges(images.map((i) => i.recipeVersionId));
  const rows = images.map((image, index) => {
    const previous = images
      .slice(index + 1)
      .find((older) => older.findingsCollectedAt !== null);

    return {
      ...image,
      changes: changes.get(image.recipeVersionId) ?? null,
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
    }));

  return { recipe, rows, chart };
}

export type LineTimeline = NonNullable<
  Awaited<ReturnType<typeof getLineTimeline>>
>;
export type TimelineRow = LineTimeline["rows"][number];

/**
 * Changes per recipe version against the one before it among the given
 * versions; the first gets null (nothing to compare with).
 */
async function versionChanges(
  versionIds: string[],
): Promise<Map<string, ComponentChange[] | null>> {
  const versions = await prisma.recipeVersion.findMany({
    where: { id: { in: [...new Set(versionIds)] } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      components: {
        orderBy: { position: "asc" },
        select: {
          componentVersion: {
            select: { version: true, component: { select: { name: true } } },
          },
        },
      },
    },
  });
  const items = versions.map((version) => ({
    id: version.id,
    items: version.components.map((c) => ({
      name: c.componentVersion.component.name,
      version: c.componentVersion.version,
    })),
  }));

  return new Map(
    items.map((version, index) => [
      version.id,
      index === 0 ? null : componentChanges(items[index - 1].items, version.items),
    ]),
  );
}
