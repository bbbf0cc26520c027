import { describe, expect, test } from "vitest";

import { plural } from "./format";

describe("plural", () => {
  test("one is singular, everything else plural, with thousands marks", () => {
    expect(plural(1, "finding")).toBe("1 finding");
    expect(plural(0, "finding")).toBe("0 findings");
    expect(plural(2, "build")).toBe("2 builds");
    expect(plural(1200, "image")).toBe("1,200 images");
  });
});
