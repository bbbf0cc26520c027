import { describe, expect, test } from "vitest";

import {
  canSeeComponentVersion,
  canSeeImage,
  componentVersionVisibilityWhere,
  imageVisibilityWhere,
} from "./visibility";

const engineer = { role: "engineer" as const, teamId: "team-a" };

describe("image visibility", () => {
  test.each(["security", "reviewer", "admin"] as const)(
    "%s sees every image",
    (role) => {
      const user = { role, teamId: null };

      expect(imageVisibilityWhere(user)).toEqual({});
      expect(canSeeImage(user, { teamId: "x", status: "FAILED" })).toBe(true);
    },
  );

  test("an engineer sees own drafts and other teams' releases only", () => {
    expect(imageVisibilityWhere(engineer)).toEqual({
      OR: [{ teamId: "team-a" }, { status: "AVAILABLE" }],
    });
    expect(canSeeImage(engineer, { teamId: "team-a", status: "FAILED" })).toBe(
      true,
    );
    expect(
      canSeeImage(engineer, { teamId: "team-b", status: "AVAILABLE" }),
    ).toBe(true);
    for (const status of ["PENDING", "BUILDING", "FAILED", "CANCELLED"]) {
      expect(canSeeImage(engineer, { teamId: "team-b", status })).toBe(false);
    }
  });

  test("an engineer without a team sees released images only", () => {
    const user = { role: "engineer" as const, teamId: null };

    expect(imageVisibilityWhere(user)).toEqual({ status: "AVAILABLE" });
    expect(canSeeImage(user, { teamId: "team-b", status: "FAILED" })).toBe(
      false,
    );
  });
});

describe("component version visibility", () => {
  test("other teams' unreleased versions are hidden from engineers", () => {
    for (const status of ["draft", "submitted", "rejected"]) {
      expect(canSeeComponentVersion(engineer, "team-b", status)).toBe(false);
      expect(canSeeComponentVersion(engineer, "team-a", status)).toBe(true);
    }
    for (const status of ["approved", "published", "deprecated"]) {
      expect(canSeeComponentVersion(engineer, "team-b", status)).toBe(true);
    }
  });

  test("reviewers and security see every version", () => {
    for (const role of ["reviewer", "security", "admin"] as const) {
      const user = { role, teamId: null };

      expect(canSeeComponentVersion(user, "team-b", "draft")).toBe(true);
      expect(componentVersionVisibilityWhere(user)).toEqual({});
    }
  });

  test("the query filter matches the check", () => {
    expect(componentVersionVisibilityWhere(engineer)).toEqual({
      OR: [
        { component: { ownerTeamId: "team-a" } },
        { status: { notIn: ["draft", "submitted", "rejected"] } },
      ],
    });
  });
});
