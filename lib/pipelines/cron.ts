import { Cron } from "croner";

// Image Builder schedules: `cron(min hour day-of-month month day-of-week
// year)`, day-of-week 1-7 = SUN-SAT, exactly one of the two day fields `?`.
// croner evaluates them once translated (seconds first, 0 = Sunday).

export type ScheduleCheck =
  | { ok: true; expression: string; fields: string[] }
  | { ok: false; reason: string };

const FIELD_NAMES = [
  "minute",
  "hour",
  "day-of-month",
  "month",
  "day-of-week",
  "year",
];
const FIELD_CHARS = [
  /^[0-9,*/-]+$/,
  /^[0-9,*/-]+$/,
  /^([0-9,*/-]+|\?|L|L-[0-9]+|[0-9]{1,2}W|LW)$/,
  /^[0-9A-Za-z,*/-]+$/,
  /^([0-9A-Za-z,*/-]+|\?|[1-7A-Za-z]{1,3}L|[1-7A-Za-z]{1,3}#[1-5])$/,
  /^[0-9,*/-]+$/,
];

/** Checks an expression the way Image Builder's API does. */
export function checkSchedule(raw: string): ScheduleCheck {
  if (raw.trim() === "") return fail("Enter a schedule expression.");
  if (/^rate\(/i.test(raw.trim())) {
    return fail(
      "rate() is an EventBridge rule expression; Image Builder pipelines " +
        "take cron(…) only.",
    );
  }
  if (raw !== raw.trim()) {
    return fail("Remove the spaces before or after the expression.");
  }

  const match = /^cron\((.*)\)$/.exec(raw);
  if (!match) {
    return fail(
      "Wrap the six fields in cron(…), e.g. cron(0 6 ? * fri *).",
    );
  }
  const inner = match[1];
  if (inner !== inner.trim()) {
    return fail("Remove the spaces right inside cron( … ).");
  }

  const fields = inner.split(/\s+/);
  if (fields.length !== 6) {
    return fail(
      `cron() needs six fields (minute hour day-of-month month ` +
        `day-of-week year); this one has ${fields.length}.`,
    );
  }

  for (const [index, field] of fields.entries()) {
    if (!FIELD_CHARS[index].test(field)) {
      return fail(`The ${FIELD_NAMES[index]} field "${field}" is not valid.`);
    }
  }

  const [, , dom, , dow] = fields;
  if ((dom === "?") === (dow === "?")) {
    return fail(
      "Set exactly one of day-of-month and day-of-week to ?, e.g. " +
        "cron(0 10 ? * mon *).",
    );
  }

  const yearProblem = checkYear(fields[5]);
  if (yearProblem) return fail(yearProblem);

  try {
    cronFor(fields, "UTC");
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return fail(`The expression is not valid: ${detail}`);
  }

  return { ok: true, expression: raw, fields };
}

/** The next `count` run times after `from`, or [] for a bad expression. */
export function nextRuns(
  expression: string,
  timezone: string,
  count: number,
  from: Date,
): Date[] {
  const check = checkSchedule(expression);
  if (!check.ok || !isTimeZone(timezone)) return [];

  return cronFor(check.fields, timezone).nextRuns(count, from);
}

export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: name });

    return true;
  } catch {
    return false;
  }
}

function cronFor(fields: string[], timezone: string): Cron {
  const [minute, hour, dom, month, dow, year] = fields;
  const pattern = [
    "0",
    minute,
    hour,
    dom === "?" ? "*" : dom,
    month,
    dow === "?" ? "*" : shiftWeekdays(dow),
    year,
  ].join(" ");

  return new Cron(pattern, { paused: true, timezone, legacyMode: false });
}

/** Image Builder counts 1 = Sunday; croner counts 0 = Sunday. */
function shiftWeekdays(field: string): string {
  return field.replace(
    /(^|[,-])([1-7])(?=$|[,\-#L/])/g,
    (_all, lead: string, day: string) => `${lead}${Number(day) - 1}`,
  );
}

function checkYear(field: string): string | null {
  const years = field.match(/[0-9]+/g) ?? [];
  const bad = years.find((year, index) => {
    const afterSlash = field.includes(`/${year}`) && index > 0;
    const value = Number(year);

    return !afterSlash && (value < 1970 || value > 2199);
  });

  return bad ? `The year ${bad} is outside 1970–2199.` : null;
}

function fail(reason: string): ScheduleCheck {
  return { ok: false, reason };
}
