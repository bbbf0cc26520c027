import { describe, expect, test } from "vitest";

import { awsStateOf } from "./aws-state";

describe("awsStateOf", () => {
  test("lifecycle states are recorded as they are", () => {
    expect(awsStateOf("DEPRECATED")).toBe("DEPRECATED");
    expect(awsStateOf("DISABLED")).toBe("DISABLED");
    expect(awsStateOf("DELETED")).toBe("DELETED");
  });

  test("an image Image Builder still offers carries no mark", () => {
    for (const status of ["AVAILABLE", "FAILED", "CANCELLED", ""]) {
      expect(awsStateOf(status)).toBeNull();
    }
  });
});
