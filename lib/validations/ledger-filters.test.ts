import { describe, expect, test } from "vitest";

import {
  ledgerSearch,
  parseLedgerParams,
  unknownChoices,
} from "./ledger-filters";

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

    expect(parsed).toMatchObject({
      ok: false,
      problems: ['From "2026-03-02": must not be after the end date'],
      // Both ends stay in the form so the user can fix either.
      query: { from: "2026-03-02", to: "2026-03-01" },
    });
  });

  test("page must be a whole number", () => {
    expect(parseLedgerParams({ page: "two" })).toMatchObject({
      ok: false,
      problems: ['Page "two": must be a number'],
    });
  });

  test("days that do not exist are refused, not rolled over", () => {
    expect(parseLedgerParams({ from: "2026-02-31" })).toMatchObject({
      ok: false,
      problems: ['From "2026-02-31": is not a real date'],
    });
    expect(parseLedgerParams({ to: "2028-02-29" }).ok).toBe(true);
  });

  test("control characters such as NUL are refused in text", () => {
    for (const key of ["team", "os", "golden"]) {
      const parsed = parseLedgerParams({ [key]: "a\u0000b", page: "2" });

      expect(parsed.ok).toBe(false);
      if (parsed.ok) return;
      expect(parsed.problems).toEqual([
        expect.stringMatching(
          /"a\\u0000b": must not contain control characters$/,
        ),
      ]);
      expect(parsed.query).toMatchObject({ [key]: undefined, page: 2 });
    }
  });

  test("good values are kept beside a bad one", () => {
    const parsed = parseLedgerParams({
      team: "payments",
      status: "FAILED",
      sort: "bogus",
    });

    expect(parsed).toMatchObject({
      ok: false,
      query: { team: "payments", status: "FAILED", sort: "created" },
    });
  });
});

describe("unknownChoices", () => {
  const options = {
    teams: [{ slug: "payments" }],
    goldens: [{ slug: "al2023" }],
    osVersions: ["Amazon Linux 2023"],
  };

  test("names team, OS and golden values the database does not know", () => {
    expect(unknownChoices({}, options)).toEqual([]);
    expect(
      unknownChoices({ team: "payments", os: "Amazon Linux 2023" }, options),
    ).toEqual([]);
    expect(
      unknownChoices({ team: "nope", os: "Solaris", golden: "x" }, options),
    ).toEqual([
      'Team "nope": is not known',
      'OS "Solaris": is not known',
      'Golden parent "x": is not known',
    ]);
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
