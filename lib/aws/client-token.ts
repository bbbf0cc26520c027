import { createHash } from "node:crypto";

/**
 * A clientToken derived from the request itself, so a retried or doubled
 * request is the same request to Image Builder (at most 36 characters).
 */
export function clientToken(operation: string, input: unknown): string {
  return createHash("sha256")
    .update(operation)
    .update("\n")
    .update(stableJson(input))
    .digest("hex")
    .slice(0, 32);
}

export function stableJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== "object") return value;

  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, item]) => item !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, item]) => [key, sortKeys(item)] as const);

  return Object.fromEntries(entries);
}
