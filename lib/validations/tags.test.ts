import { describe, expect, test } from "vitest";

import { parseTagLines, tagsSchema } from "./tags";

describe("tagsSchema", () => {
  test("names the bad key instead of a generic record error", () => {
    const result = tagsSchema(50).safeParse(parseTagLines("=x\naws:team=a"));

    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message)).toEqual([
      "A tag needs a key before the =.",
      'Tag key "aws:team": 1–128 characters, not starting with aws:.',
    ]);
  });

  test("accepts good tags and counts them", () => {
    expect(tagsSchema(2).safeParse({ team: "payments" }).success).toBe(true);
    expect(tagsSchema(1).safeParse({ a: "1", b: "2" }).error?.issues[0]
      .message).toBe("At most 1 tags.");
  });
});
