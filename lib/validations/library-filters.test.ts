import { describe, expect, it } from "vitest";

import { parseLibraryFilters } from "./library-filters";

describe("parseLibraryFilters", () => {
  it("keeps valid filters and drops unknown or malformed ones", () => {
    expect(
      parseLibraryFilters({
        q: "nginx",
        platform: "Linux",
        type: "TEST",
        status: "published",
        team: "ccoe",
        os: "Ubuntu",
        extra: "x",
      }),
    ).toEqual({
      q: "nginx",
      platform: "Linux",
      type: "TEST",
      status: "published",
      team: "ccoe",
      os: "Ubuntu",
    });
    expect(
      parseLibraryFilters({ platform: "Solaris", status: "lost", type: "" }),
    ).toEqual({});
  });

  it("takes the first of repeated parameters", () => {
    expect(parseLibraryFilters({ platform: ["Windows", "Linux"] })).toEqual({
      platform: "Windows",
    });
  });
});
