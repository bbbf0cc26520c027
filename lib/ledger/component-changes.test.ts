import { describe, expect, test } from "vitest";

import { componentChanges } from "./component-changes";

describe("componentChanges", () => {
  test("added, removed and bumped components", () => {
    const before = [
      { name: "hardening", version: "1.0.0" },
      { name: "nginx", version: "1.2.0" },
      { name: "old-agent", version: "2.0.0" },
    ];
    const after = [
      { name: "hardening", version: "1.1.0" },
      { name: "nginx", version: "1.2.0" },
      { name: "nodejs", version: "20.0.0" },
    ];

    expect(componentChanges(before, after)).toEqual([
      { kind: "bumped", name: "hardening", from: "1.0.0", to: "1.1.0" },
      { kind: "added", name: "nodejs", version: "20.0.0" },
      { kind: "removed", name: "old-agent", version: "2.0.0" },
    ]);
  });

  test("the same components in another order is no change", () => {
    const a = [
      { name: "x", version: "1.0.0" },
      { name: "y", version: "1.0.0" },
    ];

    expect(componentChanges(a, [...a].reverse())).toEqual([]);
  });

  test("other parameter values at the same version are a change", () => {
    const before = [
      { name: "nginx", version: "1.2.0", parameters: { Port: "80" } },
      { name: "agent", version: "1.0.0", parameters: { a: "1", b: "2" } },
    ];
    const after = [
      { name: "nginx", version: "1.2.0", parameters: { Port: "8080" } },
      { name: "agent", version: "1.0.0", parameters: { b: "2", a: "1" } },
    ];

    expect(componentChanges(before, after)).toEqual([
      { kind: "reconfigured", name: "nginx", version: "1.2.0" },
    ]);
  });
});
