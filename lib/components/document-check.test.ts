import { describe, expect, it } from "vitest";

import { fixture } from "./awstoe/test-helpers";
import { checkDocument, documentFieldErrors } from "./document-check";

describe("checkDocument", () => {
  it("returns the summary and warnings of a valid document", () => {
    const check = checkDocument(fixture("C02-windows-params-reboot"), "Windows");

    expect(check.ok).toBe(true);
    if (!check.ok) return;
    expect(check.summary.parameters).toHaveLength(2);
    expect(check.warnings).toHaveLength(1);
  });

  it("lists every error with line and column for the form", () => {
    const check = checkDocument(fixture("C02-windows-params-reboot"), "Linux");

    expect(check.ok).toBe(false);
    if (check.ok) return;
    const lines = documentFieldErrors(check.errors).document.split("\n");
    expect(lines).toHaveLength(check.errors.length);
    expect(lines[0]).toMatch(
      /^Line \d+, column \d+: Action \w+ is not available on Linux/,
    );
  });
});
