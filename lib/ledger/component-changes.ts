import { stableJson } from "../aws/client-token";

export interface RecipeItem {
  name: string;
  version: string;
  /** The parameter values the recipe gives the component. */
  parameters?: unknown;
}

export type ComponentChange =
  | { kind: "added"; name: string; version: string }
  | { kind: "removed"; name: string; version: string }
  | { kind: "bumped"; name: string; from: string; to: string }
  | { kind: "reconfigured"; name: string; version: string };

/**
 * What changed in the components between two recipe versions: added,
 * removed, the same component at another version, or at the same version
 * with other parameter values. Reordering alone is not a change here.
 */
export function componentChanges(
  before: RecipeItem[],
  after: RecipeItem[],
): ComponentChange[] {
  const old = new Map(before.map((item) => [item.name, item]));
  const now = new Set(after.map((item) => item.name));
  const changes: ComponentChange[] = [];

  for (const item of after) {
    const previous = old.get(item.name);
    if (previous === undefined) {
      changes.push({ kind: "added", name: item.name, version: item.version });
    } else if (previous.version !== item.version) {
      changes.push({
        kind: "bumped",
        name: item.name,
        from: previous.version,
        to: item.version,
      });
    } else if (
      stableJson(previous.parameters ?? {}) !== stableJson(item.parameters ?? {})
    ) {
      changes.push({ kind: "reconfigured", name: item.name, version: item.version });
    }
  }
  for (const item of before) {
    if (!now.has(item.name)) {
      changes.push({ kind: "removed", name: item.name, version: item.version });
    }
  }

  return changes;
}
