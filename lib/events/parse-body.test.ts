import { describe, expect, it } from "vitest";

import { corpusText } from "../findings/fixtures";
import { lineAndColumn, parseJsonBody } from "./parse-body";

describe("C37 event with typographic quotes", () => {
  const text = corpusText("C37-autoenable-smart-quotes");

  it("is refused with the line and column of the first curly quote", () => {
    const result = parseJsonBody(text);

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.line).toBe(10);
    expect(result.column).toBe(9);
    expect(result.error).toMatch(/^Invalid JSON at line 10, column 9: /);
    expect(result.error).toContain("“version”");
    expect(result.hint).toMatch(/typographic quotes/);
  });

  it("parses once the quotes are plain (the control case)", () => {
    const fixed = text.replace(/[“”]/g, '"');
    const result = parseJsonBody(fixed);

    expect(result).toMatchObject({
      ok: true,
      value: {
        "detail-type": "Inspector2 AutoEnable",
        detail: { AutoEnableStatus: "Failed" },
      },
    });
  });
});

describe("strict JSON", () => {
  it("refuses comments and trailing commas, without a quote hint", () => {
    const comment = parseJsonBody('{\n  "a": 1 // no\n}');
    const comma = parseJsonBody('{"a": [1, 2,]}');

    expect(comment).toMatchObject({ ok: false, line: 2, hint: null });
    expect(comma).toMatchObject({ ok: false, line: 1 });
    expect(parseJsonBody("")).toMatchObject({ ok: false });
  });

  it("counts lines for every line ending", () => {
    expect(lineAndColumn("a\r\nb\nc", 5)).toEqual({ line: 3, column: 1 });
    expect(lineAndColumn("abc", 2)).toEqual({ line: 1, column: 3 });
  });
});
