import { z } from "zod";

import { SEVERITIES } from "../findings/map-finding";
import { firstValue, parseFields, plainText } from "./problems";

// The findings table's state in the URL, shared by the image page and the
// export route so an export holds exactly what the page shows.

export const FINDING_SEVERITIES = SEVERITIES;
export const FIX_VALUES = ["YES", "PARTIAL", "NO"] as const;
export const FINDING_STATUSES = ["ACTIVE", "CLOSED", "SUPPRESSED", "ALL"] as const;
export const FINDING_TYPES = [
  "PACKAGE_VULNERABILITY",
  "NETWORK_REACHABILITY",
  "CODE_VULNERABILITY",
  "ALL",
] as const;
export const SORT_COLUMNS = [
  "severity",
  "cve",
  "package",
  "score",
  "epss",
  "exploit",
  "fix",
  "observed",
] as const;
export const PAGE_SIZES = [25, 50, 100, 200] as const;

export type SortColumn = (typeof SORT_COLUMNS)[number];

/** Repeated keys and comma lists both give a list, deduplicated. */
function listOf<T extends string>(values: readonly T[]) {
  return z
    .array(z.string())
    .default([])
    .transform((raw) =>
      raw
        .flatMap((item) => item.split(","))
        .map((item) => item.trim().toUpperCase())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(values as unknown as [T, ...T[]])))
    .transform((items) => [...new Set(items)]);
}

const optionalNumber = (max: number) =>
  z.coerce.number().min(0).max(max).optional();

const shape = {
  q: plainText(200).optional(),
  severity: listOf(FINDING_SEVERITIES),
  fix: listOf(FIX_VALUES),
  exploit: z.enum(["yes", "no"]).optional(),
  /** Minimum EPSS, in percent (0–100). */
  epss: optionalNumber(100),
  /** Minimum primary (Inspector) score. */
  score: optionalNumber(10),
  status: z.enum(FINDING_STATUSES).default("ACTIVE"),
  type: z.enum(FINDING_TYPES).default("PACKAGE_VULNERABILITY"),
  sort: z.enum(SORT_COLUMNS).default("severity"),
  dir: z.enum(["asc", "desc"]).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce
    .number()
    .refine((n) => (PAGE_SIZES as readonly number[]).includes(n), {
      message: "must be 25, 50, 100 or 200",
    })
    .default(50),
};

export type FindingsFilters = z.output<z.ZodObject<typeof shape>>;

const LABELS: Record<keyof FindingsFilters, string> = {
  q: "Search",
  severity: "Severity",
  fix: "Fix",
  exploit: "Exploit",
  epss: "EPSS",
  score: "Score",
  status: "Status",
  type: "Type",
  sort: "Sort",
  dir: "Sort direction",
  page: "Page",
  pageSize: "Page size",
};
const LISTS = new Set(["severity", "fix"]);

type Params = Record<string, string | string[] | undefined> | URLSearchParams;

/**
 * The filters, with every bad value named in `problems` and replaced by
 * its default, so the page can say what it did not apply.
 */
export function readFindingsFilters(params: Params): {
  filters: FindingsFilters;
  problems: string[];
} {
  const record =
    params instanceof URLSearchParams ? paramsRecord(params) : params;
  const input: Record<string, string | string[]> = {};
  for (const key of Object.keys(LABELS)) {
    const raw = record[key];
    const value = LISTS.has(key)
      ? [raw ?? []].flat().filter(Boolean)
      : firstValue(raw);
    if (value !== undefined && value.length > 0) input[key] = value;
  }
  const { values, problems } = parseFields(shape, input, LABELS);

  return { filters: values, problems };
}

/** The filters alone, bad values at their defaults. */
export function parseFindingsFilters(params: Params): FindingsFilters {
  return readFindingsFilters(params).filters;
}

/** The direction a column sorts in when first clicked. */
export function defaultDirection(sort: SortColumn): "asc" | "desc" {
  return ["score", "epss", "exploit", "observed"].includes(sort)
    ? "desc"
    : "asc";
}

/** The query string of `filters`, without defaults, for links. */
export function filtersQuery(
  filters: FindingsFilters,
  change: Partial<FindingsFilters> = {},
): string {
  const next = { ...filters, ...change };
  const params = new URLSearchParams();
  if (next.q) params.set("q", next.q);
  for (const severity of next.severity) params.append("severity", severity);
  for (const fix of next.fix) params.append("fix", fix);
  if (next.exploit) params.set("exploit", next.exploit);
  if (next.epss !== undefined) params.set("epss", String(next.epss));
  if (next.score !== undefined) params.set("score", String(next.score));
  if (next.status !== "ACTIVE") params.set("status", next.status);
  if (next.type !== "PACKAGE_VULNERABILITY") params.set("type", next.type);
  if (next.sort !== "severity") params.set("sort", next.sort);
  if (next.dir) params.set("dir", next.dir);
  if (next.page !== 1) params.set("page", String(next.page));
  if (next.pageSize !== 50) params.set("pageSize", String(next.pageSize));

  return params.toString();
}

function paramsRecord(params: URLSearchParams) {
  const record: Record<string, string[]> = {};
  for (const [key, value] of params) (record[key] ??= []).push(value);

  return record;
}
