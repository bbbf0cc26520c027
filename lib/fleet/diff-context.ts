import "server-only";

import type { CurrentUser } from "../auth/session";
import { prisma } from "../db";
import {
  componentChanges,
  type RecipeItem,
} from "../ledger/component-changes";
import { imageVisibilityWhere } from "../ledger/visibility";

// What the diff page shows around the findings diff: the line's versions
// for the picker and what changed between the two recipe versions.

/** The visible image, with what the diff page header needs. */
export async function diffImageHeader(user: CurrentUser, id: string) {
  return prisma.image.findFirst({
    where: { AND: [{ id }, imageVisibilityWhere(user)] },
    select: {
      id: true,
      recipeId: true,
      version: true,
      createdAt: true,
      status: true,
      recipe: { select: { name: true } },
      team: { select: { name: true } },
    },
  });
}

/** Every visible version of a line, newest first. */
export async function lineVersions(user: CurrentUser, recipeId: string) {
  return prisma.image.findMany({
    where: { AND: [{ recipeId }, imageVisibilityWhere(user)] },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: {
      id: true,
      version: true,
      status: true,
      createdAt: true,
      findingsCollectedAt: true,
    },
  });
}

export type LineVersion = Awaited<ReturnType<typeof lineVersions>>[number];

export interface ComponentChange {
  name: string;
  change: "added" | "removed" | "changed" | "parameters" | "same";
  older: string | null;
  newer: string | null;
}

/** Recipe versions and components (by name) of both sides. */
export async function recipeChanges(
  olderRecipeVersionId: string,
  newerRecipeVersionId: string,
) {
  const versions = await prisma.recipeVersion.findMany({
    where: { id: { in: [olderRecipeVersionId, newerRecipeVersionId] } },
    select: {
      id: true,
      version: true,
      components: {
        orderBy: { position: "asc" },
        select: {
          parameters: true,
          componentVersion: {
            select: { version: true, component: { select: { name: true } } },
          },
        },
      },
    },
  });
  const older = versions.find((v) => v.id === olderRecipeVersionId);
  const newer = versions.find((v) => v.id === newerRecipeVersionId);
  const items = (v: typeof older): RecipeItem[] =>
    (v?.components ?? []).map((c) => ({
      name: c.componentVersion.component.name,
      version: c.componentVersion.version,
      parameters: c.parameters,
    }));

  return {
    olderVersion: older?.version ?? "?",
    newerVersion: newer?.version ?? "?",
    components: everyComponent(items(older), items(newer)),
  };
}

const CHANGE_OF = {
  added: "added",
  removed: "removed",
  bumped: "changed",
  reconfigured: "parameters",
} as const;

/** Each component of either side with what changed (or "same"). */
function everyComponent(
  older: RecipeItem[],
  newer: RecipeItem[],
): ComponentChange[] {
  const changed = new Map(
    componentChanges(older, newer).map((c) => [c.name, CHANGE_OF[c.kind]]),
  );
  const before = new Map(older.map((item) => [item.name, item.version]));
  const after = new Map(newer.map((item) => [item.name, item.version]));
  const gone = [...before.keys()].filter((name) => !after.has(name));
  const names = [...after.keys(), ...gone];

  return names.map((name) => ({
    name,
    change: changed.get(name) ?? "same",
    older: before.get(name) ?? null,
    newer: after.get(name) ?? null,
  }));
}
