import { describe, expect, test } from "vitest";

import { ledgerSearch, parseLedgerParams } from "./ledger-filters";

describe("parseLedgerParams", () => {
  test("no params give the defaults", () => {
    expect(parseLedgerParams({})).toEqual({
      ok: true,
      query: { sort: "created", dir: "desc", page: 1, size: 25 },
    });
  });

  test("every filter parses; empty values are unset", () => {
    const parsed = parseLedgerParams({
      team: "payments",
      os: "Amazon Linux 2023",
      golden: "amazon-linux-2023",
      status: "FAILED",
      from: "2026-01-01",
      to: "2026-01-31",
      severe: "1",
      fixable: "1",
      aws: "deleted",
      sort: "critical",
      dir: "asc",
      page: "3",
      size: "50",
      unknown: "ignored",
      q: "",
    });

    expect(parsed).toEqual({
      ok: true,
      query: {
        team: "payments",
        os: "Amazon Linux 2023",
        golden: "amazon-linux-2023",
        status: "FAILED",
        from: "2026-01-01",
        to: "2026-01-31",
        severe: "1",
        fixable: "1",
        aws: "deleted",
        sort: "critical",
        dir: "asc",
        page: 3,
        size: 50,
      },
    });
    expect(parseLedgerParams({ team: "", status: "" })).toMatchObject({
      ok: true,
      query: { page: 1 },
    });
  });

  test("the first of repeated params counts", () => {
    expect(parseLedgerParams({ status: ["FAILED", "nope"] })).toMatchObject({
      ok: true,
      query: { status: "FAILED" },
    });
  });

  test("bad values are named, with the value given", () => {
    const parsed = parseLedgerParams({
      status: "BROKEN",
      size: "30",
      page: "0",
      from: "2026-02-30x",
      sort: "name",
      severe: "yes",
    });

    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Status "BROKEN": must be one of PENDING,/),
        'Page size "30": must be 25, 50 or 100',
        'Page "0": is too small',
        'From "2026-02-30x": must be a date like 2026-01-31',
        expect.stringMatching(/^Sort "name": must be one of created,/),
        'Critical or high "yes": must be one of 1',
      ]),
    );
  });

  test("a range that ends before it starts is refused", () => {
    const parsed = parseLedgerParams({ from: "2026-03-02", to: "2026-03-01" });

    expect(parsed).toEqual({
      ok: false,
      problems: ['From "2026-03-02": must not be after the end date'],
    });
  });

  test("page must be a whole number", () => {
    expect(parseLedgerParams({ page: "two" })).toEqual({
      ok: false,
      problems: ['Page "two": must be a number'],
    });
  });
});

describe("ledgerSearch", () => {
  test("leaves defaults out and applies changes", () => {
    const query = {
      team: "payments",
      sort: "created" as const,
      dir: "desc" as const,
      page: 2,
      size: 25,
    };

    expect(ledgerSearch(query)).toBe("?team=payments&page=2");
    expect(ledgerSearch(query, { page: 1, sort: "high" })).toBe(
      "?team=payments&sort=high",
    );
    expect(ledgerSearch({})).toBe("");
  });
});
