import { z } from "zod";

import { BUILD_STEPS } from "../builds/status";

export const IMAGE_STATUSES = [...BUILD_STEPS, "FAILED", "CANCELLED"] as const;

/** What Image Builder says of a finished image now. */
export const AWS_STATES = {
  present: "In AWS",
  deprecated: "Deprecated in AWS",
  disabled: "Disabled in AWS",
  deleted: "Deleted in AWS",
} as const;

export const LEDGER_SORTS = [
  "created",
  "status",
  "team",
  "recipe",
  "version",
  "golden",
  "critical",
  "high",
  "total",
] as const;

export const PAGE_SIZES = [25, 50, 100] as const;

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date like 2026-01-31")
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), {
    message: "is not a real date",
  });
const flag = z.enum(["1"], { message: "must be 1 when set" });
const name = z.string().trim().min(1).max(128);

const schema = z
  .object({
    team: name.optional(),
    os: name.optional(),
    golden: name.optional(),
    status: z.enum(IMAGE_STATUSES).optional(),
    from: day.optional(),
    to: day.optional(),
    severe: flag.optional(),
    fixable: flag.optional(),
    aws: z.enum(Object.keys(AWS_STATES) as [keyof typeof AWS_STATES]).optional(),
    sort: z.enum(LEDGER_SORTS).default("created"),
    dir: z.enum(["asc", "desc"]).default("desc"),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    size: z.coerce
      .number()
      .refine((n) => (PAGE_SIZES as readonly number[]).includes(n), {
        message: "must be 25, 50 or 100",
      })
      .default(25),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    message: "must not be after the end date",
    path: ["from"],
  });

export type LedgerQuery = z.output<typeof schema>;
export type LedgerSort = (typeof LEDGER_SORTS)[number];

export type LedgerParse =
  | { ok: true; query: LedgerQuery }
  | { ok: false; problems: string[] };

const LABELS: Record<string, string> = {
  team: "Team",
  os: "OS",
  golden: "Golden parent",
  status: "Status",
  from: "From",
  to: "To",
  severe: "Critical or high",
  fixable: "Fix available",
  aws: "AWS state",
  sort: "Sort",
  dir: "Sort direction",
  page: "Page",
  size: "Page size",
};

/**
 * The ledger's URL search params. Empty values count as unset; anything
 * else that does not parse is reported by name so the page can say so.
 */
export function parseLedgerParams(
  params: Record<string, string | string[] | undefined>,
): LedgerParse {
  const input: Record<string, string> = {};
  for (const key of Object.keys(LABELS)) {
    const raw = params[key];
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (value !== undefined && value !== "") input[key] = value;
  }

  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, query: parsed.data };

  return {
    ok: false,
    problems: parsed.error.issues.map((issue) => {
      const key = String(issue.path[0] ?? "");
      const label = LABELS[key] ?? key;
      const value = input[key] === undefined ? "" : ` "${input[key]}"`;

      return `${label}${value}: ${friendly(issue)}`;
    }),
  };
}

/** The search params of a query, without defaults, for links. */
export function ledgerSearch(
  query: Partial<LedgerQuery>,
  change: Partial<Record<keyof LedgerQuery, string | number | undefined>> = {},
): string {
  const merged: Record<string, unknown> = { ...query, ...change };
  const defaults: Record<string, unknown> = {
    sort: "created",
    dir: "desc",
    page: 1,
    size: 25,
  };
  const search = new URLSearchParams();
  for (const key of Object.keys(LABELS)) {
    const value = merged[key];
    if (value === undefined || value === "" || value === defaults[key]) {
      continue;
    }
    search.set(key, String(value));
  }
  const text = search.toString();

  return text ? `?${text}` : "";
}

function friendly(issue: z.core.$ZodIssue): string {
  if (issue.code === "invalid_value" && "values" in issue) {
    return `must be one of ${issue.values.join(", ")}`;
  }
  if (issue.code === "too_small" || issue.code === "too_big") {
    return issue.code === "too_small" ? "is too small" : "is too large";
  }
  if (issue.code === "invalid_type") return "must be a number";

  return issue.message;
}
