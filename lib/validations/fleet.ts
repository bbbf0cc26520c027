import { z } from "zod";

// URL parameters of the fleet dashboard, its exports and the version diff.
// Anything malformed falls back to the default.

type Params = Record<string, string | string[] | undefined>;

const days = z.coerce.number().int().min(0).max(3650).catch(30);
const format = z.enum(["csv", "json"]).catch("csv");

export const FLEET_DEFAULTS = { weeks: 26, cves: 15, worst: 10 } as const;

export function parseFleetParams(params: Params) {
  return {
    days: days.parse(first(params.days) || 30),
    ...FLEET_DEFAULTS,
  };
}

export function parseExportFormat(params: Params): "csv" | "json" {
  return format.parse(first(params.format));
}

export function first(value: string | string[] | undefined) {
  return Array.isArray(value) ? value[0] : value;
}

/** URLSearchParams as the plain record the parsers take. */
export function searchRecord(url: string): Params {
  return Object.fromEntries(new URL(url).searchParams.entries());
}
