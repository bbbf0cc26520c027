import { z } from "zod";

import { firstValue, parseFields } from "./problems";

// URL parameters of the fleet dashboard, its exports and the version diff.

type Params = Record<string, string | string[] | undefined>;

export const FLEET_DEFAULTS = { weeks: 26, cves: 15, worst: 10 } as const;

const shape = {
  days: z.coerce.number().int().min(0).max(3650).default(30),
};
const formatShape = { format: z.enum(["csv", "json"]).default("csv") };

/** The dashboard's parameters; a bad value is named and left at default. */
export function readFleetParams(params: Params) {
  const { values, problems } = parseFields(
    shape,
    { days: firstValue(params.days) },
    { days: "Days" },
  );

  return { params: { ...values, ...FLEET_DEFAULTS }, problems };
}

export function parseFleetParams(params: Params) {
  return readFleetParams(params).params;
}

/** The download format, or the problem that a route answers with 400. */
export function readExportFormat(params: Params) {
  const { values, problems } = parseFields(
    formatShape,
    { format: firstValue(params.format) },
    { format: "Format" },
  );

  return { format: values.format, problems };
}

/** URLSearchParams as the plain record the parsers take. */
export function searchRecord(url: string): Params {
  return Object.fromEntries(new URL(url).searchParams.entries());
}
