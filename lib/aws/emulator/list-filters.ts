import { invalidParameter } from "./errors";
import { isObject } from "./validation";
import type { Wire } from "./state-types";

const FILTER_NAME = /^[a-zA-Z]{1,1024}$/;

/** Reads one named value of an item for filtering. */
export type FilterField<T> = (item: T) => string | undefined;

/**
 * Image Builder list filters: every filter must hold (AND); any of a
 * filter's values may match (OR). Values compare exactly, except
 * `osVersion`, which matches by prefix as Image Builder does for OS names.
 */
export function applyFilters<T>(
  items: readonly T[],
  input: Wire,
  fields: Record<string, FilterField<T>>,
): T[] {
  const filters = readFilters(input.filters, Object.keys(fields));

  return items.filter((item) =>
    filters.every(({ name, values }) => {
      const actual = fields[name](item);
      if (actual === undefined) return false;

      return values.some((value) =>
        name === "osVersion" ? actual.startsWith(value) : actual === value,
      );
    }),
  );
}

interface Filter {
  name: string;
  values: string[];
}

function readFilters(raw: unknown, allowed: string[]): Filter[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw) || raw.length < 1 || raw.length > 10) {
    throw invalidParameter("filters", "filters must have 1 to 10 entries.");
  }

  return raw.map((entry, index) => {
    const where = `filters[${index}]`;
    if (!isObject(entry) || typeof entry.name !== "string") {
      throw invalidParameter(where, "A filter needs a name.");
    }
    if (!FILTER_NAME.test(entry.name) || !allowed.includes(entry.name)) {
      throw invalidParameter(
        `${where}.name`,
        `Supported filter names: ${allowed.join(", ")}.`,
      );
    }
    const values = entry.values;
    const valid =
      Array.isArray(values) &&
      values.length >= 1 &&
      values.length <= 10 &&
      values.every((value) => typeof value === "string");
    if (!valid) {
      throw invalidParameter(
        `${where}.values`,
        "A filter needs 1 to 10 string values.",
      );
    }

    return { name: entry.name, values: values as string[] };
  });
}
