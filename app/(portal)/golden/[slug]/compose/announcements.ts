import type { Announcements, UniqueIdentifier } from "@dnd-kit/core";

import type { CatalogComponent } from "@/lib/recipes/rules";

import { LIST_ID, type ComposerItem } from "./recipe-list";

/**
 * What screen readers hear while dragging: component names and positions
 * instead of dnd-kit's internal ids.
 */
export function recipeAnnouncements(
  catalog: ReadonlyMap<string, CatalogComponent>,
  items: ComposerItem[],
): Announcements {
  const nameOf = (id: UniqueIdentifier): string => {
    const text = String(id);
    if (text === LIST_ID) return "the recipe";
    if (text.startsWith("palette:")) {
      return catalog.get(text.slice("palette:".length))?.name ?? "a component";
    }
    const index = items.findIndex((item) => item.uid === text);
    const name = catalog.get(items[index]?.versionId ?? "")?.name;

    return name ? `${name} (position ${index + 1})` : "a component";
  };

  return {
    onDragStart: ({ active }) => `Picked up ${nameOf(active.id)}.`,
    onDragOver: ({ active, over }) =>
      over
        ? `${nameOf(active.id)} is over ${nameOf(over.id)}.`
        : `${nameOf(active.id)} is not over a drop area.`,
    onDragEnd: ({ active, over }) =>
      over
        ? `${nameOf(active.id)} was dropped on ${nameOf(over.id)}.`
        : `${nameOf(active.id)} was put back.`,
    onDragCancel: ({ active }) => `Moving ${nameOf(active.id)} was cancelled.`,
  };
}
