export interface RecipeItem {
  name: string;
  version: string;
}

export type ComponentChange =
  | { kind: "added"; name: string; version: string }
  | { kind: "removed"; name: string; version: string }
  | { kind: "bumped"; name: string; from: string; to: string };

/**
 * What changed in the components between two recipe versions: added,
 * removed, or the same component at another version. Reordering alone is
 * not a change here.
 */
export function componentChanges(
  before: RecipeItem[],
  after: RecipeItem[],
): ComponentChange[] {
  const old = new Map(before.map((item) => [item.name, item.version]));
  const now = new Map(after.map((item) => [item.name, item.version]));
  const changes: ComponentChange[] = [];

  for (const item of after) {
    const previous = old.get(item.name);
    if (previous === undefined) {
      changes.push({ kind: "added", name: item.name, version: item.version });
    } else if (previous !== item.version) {
      changes.push({
        kind: "bumped",
        name: item.name,
        from: previous,
        to: item.version,
      });
    }
  }
  for (const item of before) {
    if (!now.has(item.name)) {
      changes.push({ kind: "removed", name: item.name, version: item.version });
    }
  }

  return changes;
}
