import { z } from "zod";

import { SEVERITIES } from "../findings/map-finding";

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

/** Repeated keys and comma lists both give a list; junk entries drop. */
function listOf<T extends string>(values: readonly T[]) {
  return z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((raw) =>
      (Array.isArray(raw) ? raw : raw ? [raw] : [])
        .flatMap((item) => item.split(","))
        .map((item) => item.trim().toUpperCase())
        .filter((item): item is T => (values as readonly string[]).includes(item)),
    )
    .transform((items) => [...new Set(items)]);
}

const first = (raw: unknown) => (Array.isArray(raw) ? raw[0] : raw);
const optionalNumber = (max: number) =>
  z.preprocess(
    (raw) => (first(raw) === "" ? undefined : first(raw)),
    z.coerce.number().min(0).max(max).optional().catch(undefined),
  );

export const findingsFiltersSchema = z.object({
  q: z.preprocess(
    first,
    z.string().trim().max(200).optional().catch(undefined),
  ),
  severity: listOf(FINDING_SEVERITIES),
  fix: listOf(FIX_VALUES),
  exploit: z.preprocess(first, z.enum(["yes", "no"]).optional().catch(undefined)),
  /** Minimum EPSS, in percent (0–100). */
  epss: optionalNumber(100),
  /** Minimum primary (Inspector) score. */
  score: optionalNumber(10),
  status: z.preprocess(first, z.enum(FINDING_STATUSES).catch("ACTIVE")),
  type: z.preprocess(first, z.enum(FINDING_TYPES).catch("PACKAGE_VULNERABILITY")),
  sort: z.preprocess(first, z.enum(SORT_COLUMNS).catch("severity")),
  dir: z.preprocess(first, z.enum(["asc", "desc"]).optional().catch(undefined)),
  page: z.preprocess(first, z.coerce.number().int().min(1).max(100_000).catch(1)),
  pageSize: z.preprocess(
    first,
    z.coerce
      .number()
      .refine((n) => (PAGE_SIZES as readonly number[]).includes(n))
      .catch(50),
  ),
});

export type FindingsFilters = z.output<typeof findingsFiltersSchema>;

type Params = Record<string, string | string[] | undefined> | URLSearchParams;

/** Never throws: anything malformed falls back to its default. */
export function parseFindingsFilters(params: Params): FindingsFilters {
  const record =
    params instanceof URLSearchParams ? paramsRecord(params) : params;

  return findingsFiltersSchema.parse(record);
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
