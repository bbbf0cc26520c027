import { describe, expect, it } from "vitest";

import { diffStats, sideBySide } from "./diff";

describe("sideBySide", () => {
  it("pairs a changed line and keeps both line numbers", () => {
    const rows = sideBySide("a\nb\nc\n", "a\nB\nc\nd\n");

    expect(rows).toEqual([
      { kind: "same", left: { line: 1, text: "a" }, right: { line: 1, text: "a" } },
      { kind: "changed", left: { line: 2, text: "b" }, right: { line: 2, text: "B" } },
      { kind: "same", left: { line: 3, text: "c" }, right: { line: 3, text: "c" } },
      { kind: "added", right: { line: 4, text: "d" } },
    ]);
    expect(diffStats(rows)).toEqual({ added: 2, removed: 1 });
  });

  it("shows more removals than additions as removed rows", () => {
    const rows = sideBySide("x\ny\nz\n", "q\n");

    expect(rows.map((r) => r.kind)).toEqual(["changed", "removed", "removed"]);
    expect(rows[2].left).toEqual({ line: 3, text: "z" });
  });

  it("reports no change for identical text", () => {
    const rows = sideBySide("same\n", "same\n");

    expect(diffStats(rows)).toEqual({ added: 0, removed: 0 });
  });
});
