import { describe, expect, test } from "vitest";

import { DEMO_LINES } from "./lines";
import { planLine, RETENTION_DAYS } from "./plan";
import { seededRandom } from "./random";

const DAY = 86_400_000;

function planAll(today: Date) {
  const random = seededRandom(1);

  return DEMO_LINES.map((line) => planLine(line, today, random));
}

describe("planLine", () => {
  // A Monday and a Sunday: weekend shifts must not push builds past today.
  for (const iso of ["2026-12-07T00:00:00Z", "2026-12-06T00:00:00Z"]) {
    const today = new Date(iso);

    test(`plans the same history twice for ${iso}`, () => {
      expect(planAll(today)).toEqual(planAll(today));
    });

    test(`every build of ${iso} is ordered, finished and on a weekday`, () => {
      for (const builds of planAll(today)) {
        const times = builds.map((build) => build.createdAt.getTime());

        expect([...times].sort((a, b) => a - b)).toEqual(times);
        for (const build of builds) {
          expect([0, 6]).not.toContain(build.createdAt.getUTCDay());
          expect(build.finishedAt.getTime()).toBeLessThan(today.getTime());
          expect(build.awsStateAt.getTime()).toBeLessThanOrEqual(
            today.getTime(),
          );
          expect(today.getTime() - build.createdAt.getTime()).toBeLessThan(
            280 * DAY,
          );
        }
      }
    });
  }

  test("builds older than the retention are deleted at their own date", () => {
    const today = new Date("2026-12-07T00:00:00Z");
    const builds = planAll(today).flat();
    const cutoff = today.getTime() - (RETENTION_DAYS + 1) * DAY;
    const old = builds.filter((b) => b.createdAt.getTime() < cutoff);

    expect(old.length).toBeGreaterThan(builds.length / 2);
    for (const build of old) {
      expect(build.awsStateAt.getTime()).toBeLessThan(today.getTime());
      expect(build.awsStateReason).toMatch(/lifecycle policy/);
    }
  });
});
