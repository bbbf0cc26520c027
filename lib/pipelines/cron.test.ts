import { describe, expect, it } from "vitest";

import cases from "./fixtures/C51-cron-cases.json";
import { checkSchedule, nextRuns } from "./cron";

const FROM = new Date(cases.referenceTimeUtc);
const byId = (id: string) => cases.cases.find((c) => c.id === id)!;

function firstRun(id: string): string | undefined {
  const item = byId(id) as { scheduleExpression: string; timezone?: string };

  return nextRuns(item.scheduleExpression, item.timezone ?? "UTC", 1, FROM)[0]
    ?.toISOString();
}

function reason(id: string): string {
  const check = checkSchedule(byId(id).scheduleExpression);
  if (check.ok) throw new Error(`${id} was accepted`);

  return check.reason;
}

describe("C51 pipeline schedule expressions", () => {
  it("k1: rejects five fields", () => {
    expect(reason("k1")).toMatch(/six fields.*has 5/);
  });

  it("k2: rejects the seven-field Quartz form", () => {
    expect(reason("k2")).toMatch(/six fields.*has 7/);
  });

  it("k3: first of the month at midnight", () => {
    expect(firstRun("k3")).toBe("2025-02-01T00:00:00.000Z");
  });

  it("k4: every day at midnight", () => {
    expect(firstRun("k4")).toBe("2025-01-16T00:00:00.000Z");
  });

  it("k5: rejects both day fields set", () => {
    expect(reason("k5")).toMatch(/exactly one of day-of-month and day-of-week/);
  });

  it("k6: second Tuesday at 22:30 (January's is past)", () => {
    expect(firstRun("k6")).toBe("2025-02-11T22:30:00.000Z");
  });

  it("k7: the API form is required; the reason shows how to wrap", () => {
    expect(reason("k7")).toMatch(/Wrap the six fields in cron/);
  });

  it("k8: evaluated in the pipeline's time zone", () => {
    expect(firstRun("k8")).toBe("2025-01-20T15:00:00.000Z");
  });

  it("k9: rejects rate()", () => {
    expect(reason("k9")).toMatch(/rate\(\) is an EventBridge rule/);
  });

  it("k10: rejects a space inside cron(", () => {
    expect(reason("k10")).toMatch(/spaces right inside/);
  });
});

describe("schedule details", () => {
  it("numbers day-of-week 1-7 from Sunday", () => {
    const runs = nextRuns("cron(0 10 ? * 2-6 *)", "UTC", 3, FROM);

    expect(runs.map((d) => d.toISOString())).toEqual([
      "2025-01-16T10:00:00.000Z",
      "2025-01-17T10:00:00.000Z",
      "2025-01-20T10:00:00.000Z",
    ]);
  });

  it("honours the year field and five runs", () => {
    const runs = nextRuns("cron(0 0 1 1 ? 2027-2099)", "UTC", 5, FROM);

    expect(runs[0].toISOString()).toBe("2027-01-01T00:00:00.000Z");
    expect(runs).toHaveLength(5);
  });

  it("rejects a year out of range and a bad time zone", () => {
    expect(checkSchedule("cron(0 0 1 1 ? 2300)")).toMatchObject({ ok: false });
    expect(nextRuns("cron(0 0 * * ? *)", "Mars/Base", 1, FROM)).toEqual([]);
  });

  it("rejects both day fields as ?", () => {
    expect(checkSchedule("cron(0 0 ? * ? *)")).toMatchObject({ ok: false });
  });
});
