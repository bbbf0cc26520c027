import { z } from "zod";

// One way to read URL values: each field parses on its own, so a bad one
// is reported by name while the good ones are kept, and a bad field falls
// back to its default for whatever the page still shows.

// PostgreSQL refuses U+0000 in text, and no filter needs control codes.
const CONTROL = /[\u0000-\u001f\u007f]/;

type Raw = string | string[] | undefined;
export type Params = Record<string, Raw>;

export function hasControlCharacters(value: string): boolean {
  return CONTROL.test(value);
}

/** Free text from a URL: trimmed, bounded, without control characters. */
export function plainText(max: number) {
  return z
    .string()
    .trim()
    .max(max)
    .refine((value) => !hasControlCharacters(value), {
      message: "must not contain control characters",
    });
}

/** A calendar day, 2026-01-31; 2026-02-31 is refused, not rolled over. */
export const calendarDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date like 2026-01-31")
  .refine((value) => isCalendarDay(value), { message: "is not a real date" });

export interface FieldsParse<T> {
  values: T;
  problems: string[];
}

/**
 * Parses `input` field by field against `shape`. Values absent from the
 * input parse as undefined, so defaults apply; bad ones are named with
 * the value given and replaced by the default.
 */
export function parseFields<S extends z.ZodRawShape>(
  shape: S,
  input: Record<string, unknown>,
  labels: Record<keyof S & string, string>,
): FieldsParse<z.output<z.ZodObject<S>>> {
  const values: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const key of Object.keys(shape) as (keyof S & string)[]) {
    const field = shape[key] as unknown as z.ZodType;
    const parsed = field.safeParse(input[key]);
    if (parsed.success) {
      values[key] = parsed.data;
      continue;
    }
    problems.push(problem(labels[key], input[key], parsed.error.issues[0]));
    values[key] = fallback(field);
  }

  return { values: values as z.output<z.ZodObject<S>>, problems };
}

/** `Label "value": what is wrong`, the form every problem is shown in. */
export function problem(
  label: string,
  value: unknown,
  issue: z.core.$ZodIssue | string | undefined,
): string {
  const text = Array.isArray(value) ? value.join(",") : value;
  const shown =
    text === undefined || text === "" ? "" : ` ${quote(String(text))}`;
  const message =
    typeof issue === "string" ? issue : issue ? friendly(issue) : "is invalid";

  return `${label}${shown}: ${message}`;
}

/** The first of repeated params; empty values count as unset. */
export function firstValue(raw: Raw): string | undefined {
  const value = Array.isArray(raw) ? raw[0] : raw;

  return value === "" ? undefined : value;
}

function fallback(field: z.ZodType): unknown {
  const parsed = field.safeParse(undefined);

  return parsed.success ? parsed.data : undefined;
}

function isCalendarDay(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);

  return (
    !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value
  );
}

// JSON quoting shows control characters as \u0000 instead of raw bytes.
function quote(value: string): string {
  const short = value.length > 80 ? `${value.slice(0, 80)}…` : value;

  return JSON.stringify(short);
}

function friendly(issue: z.core.$ZodIssue): string {
  if (issue.code === "invalid_value" && "values" in issue) {
    return `must be one of ${issue.values.join(", ")}`;
  }
  if (issue.code === "too_small" || issue.code === "too_big") {
    return issue.code === "too_small" ? "is too small" : "is too large";
  }
  if (issue.code === "invalid_type" && issue.expected === "int") {
    return "must be a whole number";
  }
  if (issue.code === "invalid_type") return "must be a number";

  return issue.message;
}

/** The problem of a page number past the last page, if it is. */
export function pastLastPage(page: number, pages: number): string | undefined {
  if (page <= Math.max(1, pages)) return undefined;

  return problem("Page", page, `is past the last page, ${Math.max(1, pages)}`);
}

/** A percent-encoded path segment as text, or null if it names nothing. */
export function pathSegment(raw: string): string | null {
  try {
    const value = decodeURIComponent(raw);

    return hasControlCharacters(value) ? null : value;
  } catch {
    return null;
  }
}
