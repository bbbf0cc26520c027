// Test-only subset of EventBridge pattern matching: value lists (exact,
// case-sensitive), `{ prefix }`, and nested objects. Enough to check the
// rule patterns documented for the portal against emitted events.
type Pattern = Record<string, unknown>;

export function matches(pattern: Pattern, event: unknown): boolean {
  return Object.entries(pattern).every(([key, expected]) => {
    const actual = isRecord(event) ? event[key] : undefined;
    if (Array.isArray(expected)) return matchesList(expected, actual);
    if (isRecord(expected)) return isRecord(actual) && matches(expected, actual);

    return false;
  });
}

function matchesList(expected: unknown[], actual: unknown): boolean {
  const values = Array.isArray(actual) ? actual : [actual];

  return values.some(
    (value) =>
      !isRecord(value) &&
      expected.some((rule) => {
        if (isRecord(rule) && typeof rule.prefix === "string") {
          return typeof value === "string" && value.startsWith(rule.prefix);
        }

        return rule === value;
      }),
  );
}

/** Resolves a `$.a.b[0].c` input-transformer path; undefined if absent. */
export function jsonPath(event: unknown, path: string): unknown {
  const parts = path
    .replace(/^\$\.?/, "")
    .split(/\.|\[(\d+)\]/)
    .filter((part) => part !== undefined && part !== "");

  return parts.reduce<unknown>((value, part) => {
    if (Array.isArray(value)) return value[Number(part)];

    return isRecord(value) ? value[part] : undefined;
  }, event);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
