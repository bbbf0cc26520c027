import { z } from "zod";

import { BUILD_STEPS } from "../builds/status";
import {
  calendarDay,
  firstValue,
  type Params,
  parseFields,
  plainText,
  problem,
} from "./problems";

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

const flag = z.enum(["1"], { message: "must be 1 when set" });
const name = plainText(128).min(1);

const shape = {
  team: name.optional(),
  os: name.optional(),
  golden: name.optional(),
  status: z.enum(IMAGE_STATUSES).optional(),
  from: calendarDay.optional(),
  to: calendarDay.optional(),
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
};

export type LedgerQuery = z.output<z.ZodObject<typeof shape>>;
export type LedgerSort = (typeof LEDGER_SORTS)[number];

/** On failure, `query` keeps the good values so the form can show them. */
export type LedgerParse =
  | { ok: true; query: LedgerQuery }
  | { ok: false; problems: string[]; query: LedgerQuery };

const LABELS: Record<keyof LedgerQuery, string> = {
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
export function parseLedgerParams(params: Params): LedgerParse {
  const input: Record<string, string> = {};
  for (const key of Object.keys(LABELS)) {
    const value = firstValue(params[key]);
    if (value !== undefined) input[key] = value;
  }

  const { values: query, problems } = parseFields(shape, input, LABELS);
  if (query.from && query.to && query.from > query.to) {
    problems.push(
      problem(LABELS.from, query.from, "must not be after the end date"),
    );
  }

  return problems.length ? { ok: false, problems, query } : { ok: true, query };
}

/** Choices the database does not know, which would match nothing. */
export function unknownChoices(
  query: Pick<LedgerQuery, "team" | "os" | "golden">,
  options: {
    teams: { slug: string }[];
    goldens: { slug: string }[];
    osVersions: string[];
  },
): string[] {
  const known = {
    team: options.teams.map((team) => team.slug),
    os: options.osVersions,
    golden: options.goldens.map((golden) => golden.slug),
  };

  return (["team", "os", "golden"] as const)
    .filter((key) => query[key] && !known[key].includes(query[key]))
    .map((key) => problem(LABELS[key], query[key], "is not known"));
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
