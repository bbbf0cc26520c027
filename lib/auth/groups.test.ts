import { expect, test } from "vitest";

import { mapGroups } from "./groups";

test("the strongest role and the first team win", () => {
  expect(
    mapGroups(
      ["ami-portal:engineer", "ami-portal:admin", "ami-portal:team:payments", "ami-portal:team:analytics"],
      "ami-portal",
    ),
  ).toEqual({ role: "admin", teamSlug: "payments" });
});

test("groups of other applications are ignored", () => {
  expect(mapGroups(["jira-users", "ami-portal-admin", "other:admin"], "ami-portal")).toEqual({
    role: null,
    teamSlug: null,
  });
});

test("a comma-separated string claim works; bad team slugs are ignored", () => {
  expect(
    mapGroups("ami-portal:security, ami-portal:team:Bad Slug", "ami-portal"),
  ).toEqual({ role: "security", teamSlug: null });
  expect(mapGroups(undefined, "ami-portal")).toEqual({ role: null, teamSlug: null });
});
