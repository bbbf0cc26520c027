import "server-only";

import type { CurrentUser } from "../auth/session";
import { prisma } from "../db";
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
  change: "added" | "removed" | "changed" | "same";
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
          componentVersion: {
            select: { version: true, component: { select: { name: true } } },
          },
        },
      },
    },
  });
  const older = versions.find((v) => v.id === olderRecipeVersionId);
  const newer = versions.find((v) => v.id === newerRecipeVersionId);
  const names = (v: typeof older) =>
    new Map(
      (v?.components ?? []).map((c) => [
        c.componentVersion.component.name,
        c.componentVersion.version,
      ]),
    );

  return {
    olderVersion: older?.version ?? "?",
    newerVersion: newer?.version ?? "?",
    components: compareComponents(names(older), names(newer)),
  };
}

function compareComponents(
  older: Map<string, string>,
  newer: Map<string, string>,
): ComponentChange[] {
  const changes: ComponentChange[] = [];
  for (const [name, version] of newer) {
    const before = older.get(name) ?? null;
    const change =
      before === null ? "added" : before === version ? "same" : "changed";
    changes.push({ name, change, older: before, newer: version });
  }
  for (const [name, version] of older) {
    if (!newer.has(name)) {
      changes.push({ name, change: "removed", older: version, newer: null });
    }
  }

  return changes;
}
