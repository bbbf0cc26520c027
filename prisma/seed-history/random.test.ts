import { describe, expect, test } from "vitest";

import { seededRandom } from "./random";

describe("seededRandom", () => {
  test("repeats the same sequence for the same seed", () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const first = Array.from({ length: 5 }, () => a.int(0, 1000));

    expect(Array.from({ length: 5 }, () => b.int(0, 1000))).toEqual(first);
    expect(seededRandom(43).int(0, 1000)).not.toBe(first[0]);
  });

  test("stays within bounds and makes hex of the asked length", () => {
    const random = seededRandom(7);
    for (let i = 0; i < 500; i++) {
      const n = random.int(3, 5);
      expect(n).toBeGreaterThanOrEqual(3);
      expect(n).toBeLessThanOrEqual(5);
    }

    expect(random.hex(17)).toMatch(/^[0-9a-f]{17}$/);
  });
});
