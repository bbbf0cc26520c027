import { describe, expect, test } from "vitest";

import { hasControlCharacters, pastLastPage } from "./problems";

describe("problems", () => {
  test("control characters are found, ordinary text passes", () => {
    expect(hasControlCharacters("a\u0000")).toBe(true);
    expect(hasControlCharacters("line\nbreak")).toBe(true);
    expect(hasControlCharacters("\u007f")).toBe(true);
    expect(hasControlCharacters("Amazon Linux 2023 – ü")).toBe(false);
  });

  test("a page past the last is named with the last page", () => {
    expect(pastLastPage(3, 3)).toBeUndefined();
    expect(pastLastPage(1, 0)).toBeUndefined();
    expect(pastLastPage(99999, 4)).toBe(
      'Page "99999": is past the last page, 4',
    );
  });
});
