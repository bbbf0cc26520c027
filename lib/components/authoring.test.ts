import { describe, expect, it } from "vitest";

import { canAuthor } from "./authoring";

describe("canAuthor", () => {
  const owner = "team-payments";

  it("lets the owning team's engineers and every reviewer or admin write", () => {
    expect(canAuthor({ role: "engineer", teamId: owner }, owner)).toBe(true);
    expect(canAuthor({ role: "reviewer", teamId: "ccoe" }, owner)).toBe(true);
    expect(canAuthor({ role: "admin", teamId: null }, owner)).toBe(true);
  });

  it("refuses other teams' engineers and security", () => {
    expect(canAuthor({ role: "engineer", teamId: "other" }, owner)).toBe(false);
    expect(canAuthor({ role: "engineer", teamId: null }, owner)).toBe(false);
    expect(canAuthor({ role: "security", teamId: owner }, owner)).toBe(false);
  });
});
