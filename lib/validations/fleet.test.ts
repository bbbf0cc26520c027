import { describe, expect, test } from "vitest";

import { parseExportFormat, parseFleetParams } from "./fleet";

describe("fleet parameters", () => {
  test("days defaults to 30 and keeps a valid number", () => {
    expect(parseFleetParams({}).days).toBe(30);
    expect(parseFleetParams({ days: "7" }).days).toBe(7);
    expect(parseFleetParams({ days: ["90", "1"] }).days).toBe(90);
  });

  test("malformed days fall back to the default", () => {
    for (const days of ["-1", "abc", "1.5", "99999"]) {
      expect(parseFleetParams({ days }).days).toBe(30);
    }
  });

  test("format is csv unless json is asked for", () => {
    expect(parseExportFormat({ format: "json" })).toBe("json");
    expect(parseExportFormat({ format: "xml" })).toBe("csv");
    expect(parseExportFormat({})).toBe("csv");
  });
});
