import { Cron } from "croner";

import { invalidParameter } from "./errors";
import type { Wire } from "./state-types";
import { isObject } from "./validation";

export const START_CONDITIONS = [
  "EXPRESSION_MATCH_ONLY",
  "EXPRESSION_MATCH_AND_DEPENDENCY_UPDATES_AVAILABLE",
] as const;
export type StartCondition = (typeof START_CONDITIONS)[number];

export interface PipelineSchedule {
  scheduleExpression: string;
  timezone: string;
  startCondition: StartCondition;
  /** Consecutive scheduled failures that disable the pipeline. */
  failureCount?: number;
}

const TIMEZONE = /^[a-zA-Z0-9]{2,}(?:\/[a-zA-z0-9-_+]+)*$/;
const WRAPPED = /^cron\((.*)\)$/s;
const FIELD = /^[0-9A-Za-z*?,\-/#]+$/;

/**
 * Reads a pipeline `schedule` the way Image Builder validates it: a
 * six-field `cron(min hour dom month dow year)` with no blanks inside the
 * parentheses' edges, exactly one of day-of-month / day-of-week set to
 * `?`, and an IANA time zone (default UTC).
 */
export function readSchedule(raw: unknown): PipelineSchedule | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (!isObject(raw)) {
    throw invalidParameter("schedule", "schedule must be an object.");
  }
  const expression = raw.scheduleExpression;
  if (typeof expression !== "string" || expression.length > 1024) {
    throw invalidParameter(
      "schedule.scheduleExpression",
      "scheduleExpression is required (1 to 1024 characters).",
    );
  }
  const timezone = readTimezone(raw.timezone);
  const startCondition = readStartCondition(
    raw.pipelineExecutionStartCondition,
  );
  cronFor(expression, timezone);

  return {
    scheduleExpression: expression,
    timezone,
    startCondition,
    failureCount: readFailureCount(raw.autoDisablePolicy),
  };
}

/** The first run strictly after `after`, or undefined when none is left. */
export function nextRun(
  schedule: PipelineSchedule,
  after: Date,
): Date | undefined {
  return cronFor(schedule.scheduleExpression, schedule.timezone).nextRun(
    after,
  ) ?? undefined;
}

function cronFor(expression: string, timezone: string): Cron {
  const fields = cronFields(expression);
  try {
    // Quartz-style weekday numbers (SUN=1) and a year field, as AWS uses.
    return new Cron(`0 ${fields.join(" ")}`, {
      paused: true,
      mode: "7-part",
      alternativeWeekdays: true,
      sloppyRanges: true,
      timezone,
    });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw invalidCron(expression, detail);
  }
}

function cronFields(expression: string): string[] {
  const wrapped = WRAPPED.exec(expression);
  if (!wrapped) {
    throw invalidCron(expression, "The expression must be cron(...).");
  }
  const inner = wrapped[1];
  if (inner !== inner.trim()) {
    throw invalidCron(expression, "Leading or trailing blanks in cron().");
  }
  const fields = inner.split(/\s+/);
  if (fields.length !== 6) {
    throw invalidCron(
      expression,
      `Expected 6 fields (min hour day-of-month month day-of-week year), ` +
        `found ${fields.length}.`,
    );
  }
  if (fields.some((field) => !FIELD.test(field))) {
    throw invalidCron(expression, "A field holds an unsupported character.");
  }
  const [, , dayOfMonth, , dayOfWeek] = fields;
  if ((dayOfMonth === "?") === (dayOfWeek === "?")) {
    throw invalidCron(
      expression,
      "Exactly one of day-of-month and day-of-week must be '?'.",
    );
  }
  checkYear(expression, fields[5]);

  return fields;
}

function checkYear(expression: string, field: string): void {
  const years = field.match(/[0-9]+/g) ?? [];
  const bad = years.some((year, index) => {
    const afterSlash = field.split("/").length > 1 && index > 0;

    return !afterSlash && (Number(year) < 1970 || Number(year) > 2199);
  });
  if (bad) throw invalidCron(expression, "Years must be 1970 to 2199.");
}

function readTimezone(raw: unknown): string {
  if (raw === undefined || raw === null) return "UTC";
  const valid =
    typeof raw === "string" &&
    raw.length >= 3 &&
    raw.length <= 100 &&
    TIMEZONE.test(raw) &&
    isIanaZone(raw);
  if (!valid) {
    throw invalidParameter(
      "schedule.timezone",
      `The time zone '${String(raw)}' is not a valid IANA time zone.`,
    );
  }

  return raw;
}

function isIanaZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });

    return true;
  } catch {
    return false;
  }
}

function readStartCondition(raw: unknown): StartCondition {
  if (raw === undefined || raw === null) {
    return "EXPRESSION_MATCH_AND_DEPENDENCY_UPDATES_AVAILABLE";
  }
  if (!START_CONDITIONS.includes(raw as StartCondition)) {
    throw invalidParameter(
      "schedule.pipelineExecutionStartCondition",
      `pipelineExecutionStartCondition must be one of ${START_CONDITIONS}.`,
    );
  }

  return raw as StartCondition;
}

function readFailureCount(raw: unknown): number | undefined {
  if (raw === undefined || raw === null) return undefined;
  const count = isObject(raw) ? raw.failureCount : undefined;
  if (typeof count !== "number" || !Number.isInteger(count) || count < 1) {
    throw invalidParameter(
      "schedule.autoDisablePolicy.failureCount",
      "failureCount must be a positive integer.",
    );
  }

  return count;
}

function invalidCron(expression: string, detail: string) {
  return invalidParameter(
    "schedule.scheduleExpression",
    `Invalid CRON expression '${expression}': ${detail}`,
  );
}

/** The schedule as the wire `Schedule` object (defaults made explicit). */
export function scheduleWire(schedule: PipelineSchedule, raw: Wire): Wire {
  return { ...raw, pipelineExecutionStartCondition: schedule.startCondition };
}
