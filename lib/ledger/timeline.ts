import "server-only";

import type { CurrentUser } from "../auth/session";
import { prisma } from "../db";
import {
  componentChanges,
  type ComponentChange,
  type RecipeItem,
} from "./component-changes";
import { IMAGE_SUMMARY_SELECT } from "./queries";
import { imageVisibilityWhere } from "./visibility";

type Viewer = Pick<CurrentUser, "role" | "teamId">;

const RECIPE_ITEMS_SELECT = {
  orderBy: { position: "asc" },
  select: {
    componentVersion: {
      select: { version: true, component: { select: { name: true } } },
    },
  },
} as const;

/**
 * Every image of one line (recipe) the viewer may see, newest first, with
 * the component changes each recipe version brought and the image to
 * compare with. Null when the line does not exist or shows nothing to
 * this viewer.
 */
export async function getLineTimeline(recipeId: string, viewer: Viewer) {
  // The line and its images go out together; each image brings its
  // recipe version's components in the same statement (relation joins).
  const [recipe, found] = await Promise.all([
    prisma.recipe.findUnique({
      where: { id: recipeId },
      select: {
        id: true,
        name: true,
        teamId: true,
        team: { select: { name: true } },
        goldenImage: { select: { name: true, osVersion: true } },
      },
    }),
    prisma.image.findMany({
      relationLoadStrategy: "join",
      where: { recipeId, ...imageVisibilityWhere(viewer) },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: {
        ...IMAGE_SUMMARY_SELECT,
        recipeVersionId: true,
        recipeVersion: {
          select: { version: true, components: RECIPE_ITEMS_SELECT },
        },
      },
    }),
  ]);
  if (!recipe) return null;

  const ownLine = viewer.role !== "engineer" || viewer.teamId === recipe.teamId;
  if (found.length === 0 && !ownLine) return null;

  const components = new Map<string, RecipeItem[]>(
    found.map((image) => [
      image.recipeVersionId,
      image.recipeVersion.components.map((c) => ({
        name: c.componentVersion.component.name,
        version: c.componentVersion.version,
      })),
    ]),
  );
  const images = found.map(
    ({ recipeVersion: { version }, ...image }) => ({
      ...image,
      recipeVersion: { version },
    }),
  );
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
