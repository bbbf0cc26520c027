import { describe, expect, test } from "vitest";

import { readFindingsFilters } from "./findings-filters";

describe("readFindingsFilters", () => {
  test("no params give the defaults and no problems", () => {
    expect(readFindingsFilters({})).toEqual({
      filters: expect.objectContaining({
        severity: [],
        status: "ACTIVE",
        page: 1,
        pageSize: 50,
      }),
      problems: [],
    });
  });

  test("good values parse, lists from repeats and commas", () => {
    const { filters, problems } = readFindingsFilters(
      new URLSearchParams("q=openssl&severity=critical,HIGH&severity=high"),
    );

    expect(problems).toEqual([]);
    expect(filters).toMatchObject({
      q: "openssl",
      severity: ["CRITICAL", "HIGH"],
    });
  });

  test("a NUL byte in the search is refused, not sent to the database", () => {
    const { filters, problems } = readFindingsFilters({ q: "ssl\u0000" });

    expect(filters.q).toBeUndefined();
    expect(problems).toEqual([
      'Search "ssl\\u0000": must not contain control characters',
    ]);
  });

  test("bad values are named and fall back to the default", () => {
    const { filters, problems } = readFindingsFilters({
      severity: "BOGUS",
      epss: "abc",
      score: "11",
      status: "weird",
      page: "-1",
      fix: "YES",
    });

    expect(problems).toEqual([
      expect.stringMatching(/^Severity "BOGUS": must be one of CRITICAL,/),
      'EPSS "abc": must be a number',
      'Score "11": is too large',
      expect.stringMatching(/^Status "weird": must be one of ACTIVE,/),
      'Page "-1": is too small',
    ]);
    expect(filters).toMatchObject({
      severity: [],
      epss: undefined,
      score: undefined,
      status: "ACTIVE",
      page: 1,
      fix: ["YES"],
    });
  });
});
