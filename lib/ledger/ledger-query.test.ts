import { describe, expect, test } from "vitest";

import { ledgerOrderBy, ledgerWhere } from "./ledger-query";

const security = { role: "security" as const, teamId: null };
const engineer = { role: "engineer" as const, teamId: "team-a" };

describe("ledgerWhere", () => {
  test("no filters: everything for security", () => {
    expect(ledgerWhere({}, security)).toEqual({ AND: [] });
  });

  test("an engineer's visibility is always part of it", () => {
    expect(ledgerWhere({ status: "FAILED" }, engineer)).toEqual({
      AND: [
        { OR: [{ teamId: "team-a" }, { status: "AVAILABLE" }] },
        { status: "FAILED" },
      ],
    });
  });

  test("each filter becomes its condition", () => {
    const where = ledgerWhere(
      {
        team: "payments",
        golden: "rhel-9",
        os: "Red Hat Enterprise Linux 9",
        from: "2026-01-01",
        to: "2026-01-31",
        severe: "1",
        fixable: "1",
        aws: "deleted",
      },
      security,
    );

    expect(where.AND).toEqual([
      { team: { slug: "payments" } },
      { goldenImage: { slug: "rhel-9" } },
      { goldenImage: { osVersion: "Red Hat Enterprise Linux 9" } },
      {
        createdAt: {
          gte: new Date("2026-01-01T00:00:00.000Z"),
          lt: new Date("2026-02-01T00:00:00.000Z"),
        },
      },
      { OR: [{ critical: { gt: 0 } }, { high: { gt: 0 } }] },
      { fixable: { gt: 0 } },
      { awsState: "DELETED" },
    ]);
  });

  test("'in AWS' means no AWS state recorded", () => {
    expect(ledgerWhere({ aws: "present" }, security).AND).toEqual([
      { awsState: null },
    ]);
    expect(ledgerWhere({ aws: "deprecated" }, security).AND).toEqual([
      { awsState: "DEPRECATED" },
    ]);
  });

  test("an open-ended range has one bound", () => {
    expect(ledgerWhere({ to: "2026-05-10" }, security).AND).toEqual([
      { createdAt: { lt: new Date("2026-05-11T00:00:00.000Z") } },
    ]);
  });
});

describe("ledgerOrderBy", () => {
  test("created sorts by time then id in the same direction", () => {
    expect(ledgerOrderBy({ sort: "created", dir: "asc" })).toEqual([
      { createdAt: "asc" },
      { id: "asc" },
    ]);
  });

  test("other columns break ties newest first, then by id", () => {
    expect(ledgerOrderBy({ sort: "team", dir: "asc" })).toEqual([
      { team: { name: "asc" } },
      { createdAt: "desc" },
      { id: "desc" },
    ]);
    expect(ledgerOrderBy({ sort: "critical", dir: "desc" })).toEqual([
      { critical: "desc" },
      { high: "desc" },
      { createdAt: "desc" },
      { id: "desc" },
    ]);
    expect(ledgerOrderBy({ sort: "total", dir: "asc" })[0]).toEqual({
      totalFindings: { sort: "asc", nulls: "last" },
    });
    expect(ledgerOrderBy({ sort: "version", dir: "desc" }).slice(0, 2)).toEqual(
      [{ recipe: { name: "desc" } }, { recipeVersion: { createdAt: "desc" } }],
    );
  });

  test("every sortable column has an order", () => {
    for (const sort of [
      "status", "team", "recipe", "golden", "high",
    ] as const) {
      expect(ledgerOrderBy({ sort, dir: "asc" }).length).toBeGreaterThan(2);
    }
  });
});
